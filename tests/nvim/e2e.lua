-- Headless Neovim as a writer uses it: its own LSP client (no plugin) starts
-- `jdlint server`, receives the diagnostics of the posting in the current buffer, applies
-- the code action the writer picks, and saves. tests/test_server_nvim.py runs it and reads
-- what it writes to $JDLINT_NVIM_OUT (one JSON object) back.
--
-- Works from Neovim 0.7 (Debian 12's package: vim.lsp.start_client and
-- vim.lsp.buf_attach_client; vim.lsp.start came in 0.8).

local out_path = assert(os.getenv("JDLINT_NVIM_OUT"))
local python = assert(os.getenv("JDLINT_PYTHON"))
local timeout = tonumber(os.getenv("JDLINT_NVIM_TIMEOUT") or "120000")
local result = { steps = {} }

local function finish(err)
  result.error = err
  local f = assert(io.open(out_path, "w"))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd("qa!")
end

local function step(name)
  table.insert(result.steps, name)
end

local function run()
  local buf = vim.api.nvim_get_current_buf()
  local root = vim.fn.getcwd()
  local client_id = vim.lsp.start_client({
    name = "jdlint",
    cmd = { python, "-m", "jdlint", "server" },
    root_dir = root,
  })
  if not client_id then
    return finish("vim.lsp.start_client returned nothing")
  end
  vim.lsp.buf_attach_client(buf, client_id)
  step("started")

  -- Diagnostics arrive after the server's warm-up (spaCy) and the first lint.
  local ok = vim.wait(timeout, function()
    return #vim.diagnostic.get(buf) > 0
  end, 50)
  if not ok then
    return finish("no diagnostics within the timeout")
  end
  step("diagnostics")
  result.diagnostics = {}
  local target
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(result.diagnostics, {
      code = code, lnum = d.lnum, col = d.col, end_col = d.end_col,
      message = d.message, severity = d.severity,
    })
    if d.message:find("chairman", 1, true) then
      target = d
    end
  end
  if not target then
    return finish("no diagnostic about 'chairman'")
  end

  -- The writer asks for code actions on the flagged word and picks the fix.
  vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col + 1 })
  local offered = {}
  vim.ui.select = function(items, _, on_choice)
    local chosen
    for i, item in ipairs(items) do
      local action = item[2] or item.action or item
      table.insert(offered, action.title)
      if not chosen and action.title:find("^Fix:") then
        chosen = i
      end
    end
    if chosen then
      on_choice(items[chosen], chosen)
    else
      on_choice(nil, nil)
    end
  end
  local before = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n")
  vim.lsp.buf.code_action()
  ok = vim.wait(timeout, function()
    return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n") ~= before
  end, 50)
  result.offered = offered
  if not ok then
    return finish("the code action changed nothing")
  end
  step("code action")
  vim.cmd("silent write")
  step("saved")

  -- The server lints the fixed text: the finding is gone.
  ok = vim.wait(timeout, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.message:find("chairman", 1, true) then
        return false
      end
    end
    return true
  end, 50)
  if not ok then
    return finish("the fixed finding was still reported")
  end
  step("relinted")
  result.after = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(result.after, d.message)
  end
  vim.lsp.stop_client(client_id)
  finish(nil)
end

local ok, err = pcall(run)
if not ok then
  finish("lua error: " .. tostring(err))
end
