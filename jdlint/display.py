"""Text from data made safe to print: to a terminal, a log, or a CI runner that reads its output.

Everything jdlint prints that comes from a posting, a file name, a config or a pack goes
through here:

- ``text`` (messages, errors) and ``path`` (file names) replace control characters with
  visible escapes (``\\x1b``, ``\\u202e``), so a posting cannot move the cursor, retitle the
  window, hide text or write the clipboard of the terminal that shows the report. A file
  name that is not UTF-8 shows its bytes (``caf\\xe9.md``) instead of failing to print.
  Messages join their lines (a heading that wraps in HTML), so no data starts a line.
- ``json_text`` escapes the same characters inside serialised JSON, losslessly
  (``\\u0085``, ``\\u2028``; a lone surrogate as ``\\udce9``), so the output is valid UTF-8
  whatever a string holds; ``##[`` becomes ``##\\u005b`` (the same string once decoded).
- ``guard_runner``: under GitHub Actions, the runner executes any output line that starts
  with ``::`` (after white space) and the legacy ``##[`` form anywhere in a line. Output
  that holds such a line from data (a diff of a posting, a file name) is wrapped in
  ``::stop-commands::TOKEN`` ... ``::TOKEN::`` with a random token, so the runner prints it
  and runs none of it; output without one is left byte for byte.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Mapping

# C0 controls but tab, DEL, C1 controls, line and paragraph separators, bidi overrides and
# isolates (they reorder what a terminal shows), and lone surrogates (bytes of a file name
# that is not UTF-8, or JSON escapes that name half a pair).
_CONTROL = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
# Line breaks in a message, with the white space around them.
_BREAKS = re.compile("[ \t]*[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+[ \t]*")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for a byte that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def text(value: str) -> str:
    """A message or error for a terminal or log: one line, no control characters."""
    value = _BREAKS.sub(" ", value)
    return _CONTROL.sub(_escape, value)


def path(value: str) -> str:
    """A file name as printed: control characters and bytes that are not UTF-8 escaped."""
    return _CONTROL.sub(_escape, value)


def block(value: str) -> str:
    """Several lines (a rule's description, an example): line breaks kept, the rest escaped."""
    return "\n".join(_CONTROL.sub(_escape, line) for line in value.split("\n"))


_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]|##\\["
)


def json_text(serialised: str) -> str:
    """Serialised JSON (``ensure_ascii=False``) with the characters above as ``\\uXXXX``
    escapes: the same JSON value, valid UTF-8, nothing a terminal or runner acts on."""

    def esc(m: re.Match[str]) -> str:
        s = m.group()
        return "##\\u005b" if s == "##[" else f"\\u{ord(s):04x}"

    return _JSON_UNSAFE.sub(esc, serialised)


# How the runner splits output into lines, and what it treats as a command.
_RUNNER_LINES = re.compile(r"\r\n|\r|\n")


def runner_command_in(output: str) -> bool:
    """Whether the GitHub Actions runner would read a line of ``output`` as a command."""
    if "::" not in output and "##[" not in output:
        return False
    return any(
        line.lstrip().startswith("::") or "##[" in line for line in _RUNNER_LINES.split(output)
    )


def guard_runner(output: str, env: Mapping[str, str] | None = None) -> str:
    """``output`` as the GitHub Actions runner should print it: under Actions, wrapped in
    ``stop-commands`` when a line would be read as a workflow command; else unchanged."""
    env = os.environ if env is None else env
    if env.get("GITHUB_ACTIONS") != "true" or not runner_command_in(output):
        return output
    token = secrets.token_hex(16)
    end = "" if output.endswith("\n") else "\n"
    return f"::stop-commands::{token}\n{output}{end}::{token}::\n"
