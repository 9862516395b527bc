"""The pre-commit hooks, run by the real pre-commit framework from this checkout.

A snapshot of the working tree (tracked and untracked files, as git would see them after
``git add -A``) is committed to a hook repository with a fixed author and date, so the same
code gives the same commit and pre-commit reuses the hook environment it built before.
PRE_COMMIT_HOME lives in the pytest cache for that reason; the first run installs jdlint and
its dependencies into pre-commit's own virtualenv with pip (from the configured index or
wheel folder), later runs with unchanged code take seconds.

A postings repository then takes the README's snippet, with ``repo:`` and ``rev:`` pointing
at the snapshot, runs ``pre-commit install`` and commits: a flawed posting is stopped, a
clean one goes through.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from postings import CLEAN, FLAWED

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))

pytestmark = pytest.mark.slow


# The postings repository's own config: structure rules and one fixable rule, so the test
# does not move when other rule families grow. No fail-on: warnings block by default.
JDLINT_CONFIG = "select: [S, I101]\n"

# FLAWED with a word the fix hook rewrites (I101: chairman -> chair).
FIXABLE = FLAWED.replace("- Track referrals.", "- Track referrals for the chairman.")

FIXED_DATE = "2000-01-01T00:00:00+0000"


def readme_snippet() -> dict:
    """The pre-commit snippet in README.md (the YAML block with ``repos:``)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for block in re.findall(r"```yaml\n(.*?)```", text, re.S):
        data = yaml.safe_load(block)
        if isinstance(data, dict) and "repos" in data:
            return data
    raise AssertionError("README.md has no pre-commit snippet")


def git_env(home: Path) -> dict[str, str]:
    """An environment where the user's git config and hooks cannot interfere."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    gitconfig = home / "gitconfig"
    gitconfig.write_text(
        "[user]\n\tname = jdlint test\n\temail = test@example.invalid\n"
        "[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n",
        encoding="utf-8",
    )
    env.update(
        GIT_CONFIG_GLOBAL=str(gitconfig),
        GIT_CONFIG_NOSYSTEM="1",
        # The hook's own output decides nothing here; keep it plain.
        NO_COLOR="1",
    )
    for var in ("GITHUB_ACTIONS", "CI", "PRE_COMMIT_COLOR"):
        env.pop(var, None)
    return env


def git(*args: str, cwd: Path, env: dict[str, str], check: bool = True):
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=check
    )


def snapshot(dest: Path, env: dict[str, str]) -> str:
    """Commit the working tree's files (tracked and untracked, not ignored) to ``dest``."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for rel in filter(None, listed.split("\0")):
        src = ROOT / rel
        if not src.is_file():  # deleted in the working tree, not yet staged
            continue
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, target)
        shutil.copymode(src, target)
    fixed = dict(env, GIT_AUTHOR_DATE=FIXED_DATE, GIT_COMMITTER_DATE=FIXED_DATE)
    git("init", "-q", cwd=dest, env=fixed)
    git("add", "-A", cwd=dest, env=fixed)
    git("commit", "-q", "-m", "jdlint working tree snapshot", cwd=dest, env=fixed)
    return git("rev-parse", "HEAD", cwd=dest, env=fixed).stdout.strip()


def pre_commit(*args: str, cwd: Path, env: dict[str, str]):
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )


def fix_is_available() -> bool:
    from click.testing import CliRunner

    from jdlint.cli import main

    return "--fix-only" in CliRunner().invoke(main, ["check", "--help"]).output


def test_manifest_is_valid_for_pre_commit() -> None:
    result = pre_commit(
        "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml"), cwd=ROOT, env={**os.environ}
    )
    assert result.returncode == 0, result.stdout + result.stderr
    hooks = {h["id"]: h for h in MANIFEST}
    assert set(hooks) == {"jdlint", "jdlint-fix"}
    # "--" ends the options: pre-commit appends file names, which must never be read as
    # options (a file named -oREADME.md made the report overwrite README.md).
    assert hooks["jdlint"]["entry"] == "jdlint check --"
    # The fix hook prints what it fixed, not the report the jdlint hook prints.
    assert hooks["jdlint-fix"]["entry"] == "jdlint check --fix-only --"
    for hook in hooks.values():
        assert hook["language"] == "python"
        # One process per batch: spaCy loads once.
        assert hook["require_serial"] is True
        files = re.compile(hook["files"])
        exclude = re.compile(hook["exclude"])
        for name in ("posting.md", "a/b.markdown", "p.txt", "p.html", "p.htm"):
            assert files.search(name) and not exclude.search(name), name
        for name in ("README.md", "docs/CHANGELOG.md", "LICENSE.txt", "script.py", "a.yaml"):
            assert not files.search(name) or exclude.search(name), name


def test_readme_snippet_names_the_manifest_hooks() -> None:
    snippet = readme_snippet()
    ids = {h["id"] for repo in snippet["repos"] for h in repo["hooks"]}
    assert ids <= {h["id"] for h in MANIFEST}
    assert "jdlint" in ids
    assert {"repo", "rev", "hooks"} <= set(snippet["repos"][0])


def test_hook_stops_a_flawed_posting_and_passes_a_clean_one(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    # pytest's cache keeps pre-commit's environment between runs; without the cache
    # plugin (-p no:cacheprovider) the test still runs, from scratch.
    store = getattr(request.config, "cache", None)
    cache = Path(store.mkdir("jdlint-pre-commit")) if store else tmp_path / "pre-commit-home"
    env = git_env(tmp_path)
    env["PRE_COMMIT_HOME"] = str(cache / "home")
    started = time.monotonic()
    rev = snapshot(cache / "hookrepo", env)

    # The README's snippet, pointed at this checkout's snapshot.
    config = readme_snippet()
    config["repos"][0]["repo"] = str(cache / "hookrepo")
    config["repos"][0]["rev"] = rev

    # A fixed place, so ``pre-commit gc`` below knows every older snapshot is unused.
    repo = cache / "postings"
    if repo.exists():
        shutil.rmtree(repo)
    repo.mkdir()
    git("init", "-q", cwd=repo, env=env)
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (repo / ".jdlint.yaml").write_text(JDLINT_CONFIG, encoding="utf-8")
    (repo / "README.md").write_text("# Postings\n\nOur open roles.\n", encoding="utf-8")
    installed = pre_commit("install", "--install-hooks", cwd=repo, env=env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    git("add", "-A", cwd=repo, env=env)
    first = git("commit", "-m", "config", cwd=repo, env=env, check=False)
    assert first.returncode == 0, first.stdout + first.stderr  # README is not a posting

    (repo / "care-coordinator.md").write_text(FLAWED, encoding="utf-8")
    git("add", "care-coordinator.md", cwd=repo, env=env)
    stopped = git("commit", "-m", "flawed posting", cwd=repo, env=env, check=False)
    output = stopped.stdout + stopped.stderr
    # Warnings block the commit by default, and the failing hook's findings are printed,
    # each line saying its severity (pre-commit's log has no colour).
    assert stopped.returncode != 0, output
    assert "jdlint" in output and "Failed" in output
    assert "care-coordinator.md:8:4: warning S201 Section 'Benefits' is empty" in output
    assert "Found 3 problems (0 errors, 3 warnings, 0 infos) in 1 file." in output
    assert git("rev-list", "--count", "HEAD", cwd=repo, env=env).stdout.strip() == "1"

    (repo / "care-coordinator.md").write_text(CLEAN, encoding="utf-8")
    git("add", "care-coordinator.md", cwd=repo, env=env)
    passed = git("commit", "-m", "clean posting", cwd=repo, env=env, check=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout + passed.stderr
    assert git("rev-list", "--count", "HEAD", cwd=repo, env=env).stdout.strip() == "2"

    # Both hooks from the same repository, the fix hook first: it prints what it fixed and
    # nothing else; the jdlint hook prints the findings, once.
    config["repos"][0]["hooks"] = [{"id": "jdlint-fix"}, {"id": "jdlint"}]
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (repo / "care-coordinator.md").write_text(FIXABLE, encoding="utf-8")
    fixing = pre_commit("run", "--files", "care-coordinator.md", cwd=repo, env=env)
    fix_output = fixing.stdout + fixing.stderr
    assert fix_is_available(), "the manifest's jdlint-fix hook needs --fix-only"
    assert "Executable" not in fix_output and "No such option" not in fix_output, fix_output
    assert fixing.returncode != 0, fix_output  # the file changed, and warnings are left
    assert "care-coordinator.md:6:27: fixed I101 'chairman' -> 'chair'" in fix_output
    assert fix_output.count("S201 Section 'Benefits' is empty") == 1, fix_output
    assert "I101" not in fix_output.split("fixed I101", 1)[1], fix_output  # fixed, not left
    assert (repo / "care-coordinator.md").read_text(encoding="utf-8") == FIXABLE.replace(
        "chairman", "chair"
    )

    # Old snapshots' environments whose configs are gone are dropped from the cache.
    pre_commit("gc", cwd=repo, env=env)
    elapsed = time.monotonic() - started
    print(f"pre-commit end to end: {elapsed:.1f}s")
