"""The reliability and security review of 0.1.0 (issue 19): one test or more per item.

Each test reproduces the review's finding and states what happens now. The quadratic
inputs of item 3.3 are in the hostile-input catalogue (tests/test_hostile_inputs.py,
C5-C10); the budget that bounds every posting is tested here (3.3, budget).
"""

from __future__ import annotations

import codecs
import json
import os
import re
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from jdlint import batch, display, fixes
from jdlint.budget import Budget, OverBudget
from jdlint.config import from_dict
from jdlint.engine import Linter
from jdlint.fixes import fix_file

ROOT = Path(__file__).resolve().parent.parent
FIXABLE = "# Care Coordinator\n\nThe chairman signs each plan.\n"
FIXED = "# Care Coordinator\n\nThe chair signs each plan.\n"
POSTING = (
    "# Care Coordinator\n\nWe help adults at home.\n\n## Benefits\n\n## Duties\n\n- Meet clients.\n"
)


def _fixer() -> Linter:
    return Linter(from_dict({"select": ["I101"]}))


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "CI", "NO_COLOR")}
    env.update(extra)
    return env


JDLINT = [sys.executable, "-m", "jdlint"]


# == 1. Data loss and file integrity ===========================================================


def test_1_1_a_save_during_the_write_is_kept_and_the_fix_refused(tmp_path, monkeypatch):
    """An editor saves while the fixed copy is being synced to disk: the check after the
    fsync sees it, the save is kept, nothing is renamed over it, no temporary is left."""
    path = tmp_path / "p.md"
    path.write_text(FIXABLE)
    real_fsync = os.fsync

    def slow_disk(fd):
        real_fsync(fd)
        with path.open("a") as fh:  # the user's save lands during the fsync
            fh.write("USER EDIT saved by the editor\n")

    monkeypatch.setattr(fixes.os, "fsync", slow_disk)
    result = fix_file(_fixer(), str(path))
    assert result.error == "not fixed: the file changed while it was being linted"
    assert path.read_text() == FIXABLE + "USER EDIT saved by the editor\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.md"]


def test_1_2_hook_entries_end_the_options():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert [h["entry"].split()[-1] for h in hooks] == ["--", "--"]


def test_1_2_a_file_named_like_an_option_stays_a_file(jdlint_cli):
    """``-oREADME.md`` after ``--`` is a file to lint; README.md is untouched."""
    readme = jdlint_cli.write("README.md", "# Project README\n\nImportant content.\n")
    jdlint_cli.write("good.md", FIXABLE)
    jdlint_cli.write("-oREADME.md", "")
    result = jdlint_cli.run("check", "--select", "I101", "--", "good.md", "-oREADME.md")
    assert result.exit_code == 2  # the empty file is an error of its own
    assert "-oREADME.md: error: file is empty" in result.output
    assert readme.read_text() == "# Project README\n\nImportant content.\n"


@pytest.mark.parametrize(
    "existing, name, refused",
    [
        (
            "# Project README\n\nImportant content.\n",
            "README.md",
            "is an existing posting, not a report",
        ),
        ("The chairman signs.\n", "notes.txt", "is an existing posting, not a report"),
        ("select: [S]\n", ".jdlint.yaml", "is a config file"),
        (None, "good.md", "is one of the files to lint"),
        ("Found 0 problems (0 errors, 0 warnings, 0 infos) in 1 file.\n", "r.txt", None),
        ("good.md:3:5: I101 'chairman' is gendered\n", "r.md", None),
        ("", "empty.md", None),
        (None, "new.txt", None),
    ],
)
def test_1_2_output_never_overwrites_an_input_a_posting_or_a_config(
    jdlint_cli, existing, name, refused
):
    jdlint_cli.write("good.md", FIXABLE)
    if existing is not None:
        jdlint_cli.write(name, existing)
    before = (jdlint_cli.root / name).read_bytes() if (jdlint_cli.root / name).exists() else None
    result = jdlint_cli.run("check", "--select", "I101", "-o", name, "good.md")
    if refused:
        assert result.exit_code == 2
        assert result.stderr == (
            f"jdlint: error: --output {name} {refused}; not overwritten"
            + (" (choose another name, or remove it first)" if "posting" in refused else "")
            + "\n"
        )
        assert (jdlint_cli.root / name).read_bytes() == before
    else:
        assert result.exit_code == 1, result.output  # written; the I101 warning fails
        assert "I101" in (jdlint_cli.root / name).read_text()


def test_1_2_a_posting_is_never_read_as_the_config(jdlint_cli):
    jdlint_cli.write("evil.md", "ignore: [S, D, K, R, I, C]\n")
    jdlint_cli.write("good.md", FIXABLE)
    result = jdlint_cli.run("check", "--config=evil.md", "good.md")
    assert result.exit_code == 2
    assert result.stderr.startswith("jdlint: error: --config evil.md is a posting, not a config")


def _outside_link(root: Path) -> tuple[Path, Path]:
    outside = root / "outside"
    outside.mkdir()
    secret = outside / "secret.md"
    secret.write_text("# DB PASSWORD HUNTER2 CHAIRMAN\n\nThe chairman password is hunter2.\n")
    postings = root / "repo" / "postings"
    postings.mkdir(parents=True)
    (postings / "notes.md").symlink_to(secret)
    (postings / "inside.md").symlink_to(postings / "real.md")
    (postings / "real.md").write_text(FIXABLE)
    return secret, postings


def test_1_3_fix_on_a_folder_never_writes_through_a_link_that_leaves_it(jdlint_cli):
    secret, postings = _outside_link(jdlint_cli.root)
    before = secret.read_text()
    result = jdlint_cli.run("check", "--fix", "--select", "I101", "-q", str(postings))
    assert result.exit_code == 2
    assert secret.read_text() == before
    assert (postings / "real.md").read_text() == FIXED  # a link inside the folder is followed
    assert (
        f"{postings / 'notes.md'}: error: not read: a symbolic link to {secret.resolve()}, "
        f"outside {postings}" in result.output
    )


def test_2_4_a_walk_never_reads_a_link_that_leaves_the_folder(jdlint_cli):
    """Its text never reaches a report; named on the command line, it is linted."""
    _, postings = _outside_link(jdlint_cli.root)
    result = jdlint_cli.run("check", "--format", "json", str(postings))
    assert "HUNTER2" not in result.stdout
    files = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert files["notes.md"]["error"].startswith("not read: a symbolic link to")
    named = jdlint_cli.run("check", "--format", "json", str(postings / "notes.md"))
    assert "HUNTER2" in named.stdout


def test_1_4_hard_links_and_read_only_files_are_refused(tmp_path):
    a = tmp_path / "a.md"
    a.write_text(FIXABLE)
    os.link(a, tmp_path / "b.md")
    result = fix_file(_fixer(), str(a))
    assert result.error.startswith("not fixed: the file has 2 hard links")
    assert a.read_text() == (tmp_path / "b.md").read_text() == FIXABLE
    ro = tmp_path / "ro.md"
    ro.write_text(FIXABLE)
    ro.chmod(0o444)
    assert fix_file(_fixer(), str(ro)).error == "not fixed: the file is read-only"
    assert ro.read_text() == FIXABLE


def test_1_4_owner_group_mode_and_extended_attributes_are_kept(tmp_path):
    path = tmp_path / "p.md"
    path.write_text(FIXABLE)
    path.chmod(0o640)
    try:
        os.setxattr(path, "user.tag", b"keep")
        xattrs = True
    except OSError:  # a file system without user attributes
        xattrs = False
    before = path.stat()
    assert fix_file(_fixer(), str(path)).fixed == 1
    after = path.stat()
    assert path.read_text() == FIXED
    assert (after.st_uid, after.st_gid, stat.S_IMODE(after.st_mode)) == (
        before.st_uid,
        before.st_gid,
        0o640,
    )
    assert after.st_ino != before.st_ino  # a new file, renamed over the old one
    if xattrs:
        assert os.getxattr(path, "user.tag") == b"keep"


def test_1_4_a_file_of_another_owner_is_kept_or_refused(tmp_path):
    """The fixed copy gets the original's owner (root can give it); when the owner cannot
    be kept, the file is refused rather than handed over to whoever runs jdlint."""
    path = tmp_path / "p.md"
    path.write_text(FIXABLE)
    st = path.stat()
    other = os.stat_result(
        (st.st_mode, st.st_ino, st.st_dev, 1, st.st_uid + 4242, st.st_gid, st.st_size, 0, 0, 0)
    )
    fd = os.open(tmp_path / "copy", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        fixes._keep_metadata(fd, path, other)
    except fixes._Refused as e:
        assert os.geteuid() != 0
        assert str(e).startswith(f"cannot keep its owner and group (uid {st.st_uid + 4242}")
    else:
        assert os.geteuid() == 0
        assert os.fstat(fd).st_uid == st.st_uid + 4242
    finally:
        os.close(fd)


def test_1_5_init_never_writes_through_a_link(jdlint_cli):
    home = jdlint_cli.root / "home"
    home.mkdir()
    bashrc = home / ".bashrc"
    bashrc.write_text("export IMPORTANT=1\n")
    (jdlint_cli.root / ".jdlint.yaml").symlink_to(bashrc)
    for args in (("init",), ("init", "--force")):
        result = jdlint_cli.run(*args)
        assert result.exit_code == 2
        assert "is a symbolic link; not written through" in result.stderr
    assert bashrc.read_text() == "export IMPORTANT=1\n"
    (jdlint_cli.root / ".jdlint.yaml").unlink()
    (jdlint_cli.root / ".jdlint.yaml").symlink_to(home / "missing")  # dangling
    assert jdlint_cli.run("init").exit_code == 2
    assert not (home / "missing").exists()
    (jdlint_cli.root / ".jdlint.yaml").unlink()
    (jdlint_cli.root / ".jdlint.yaml").write_text("old\n")
    assert jdlint_cli.run("init", "--force").exit_code == 0
    assert (jdlint_cli.root / ".jdlint.yaml").read_text().startswith("# jdlint configuration")
    assert sorted(p.name for p in jdlint_cli.root.iterdir()) == [".jdlint.yaml", "home"]


def test_1_6_a_temporary_file_left_by_a_killed_run_is_removed(tmp_path, monkeypatch):
    """SIGKILL leaves ``.NAME.XXXX.jdlint-tmp``; the next fix in that folder removes it,
    but never one that a running jdlint holds (locked)."""
    import fcntl

    monkeypatch.setattr(fixes, "_swept", set())
    (tmp_path / "p.md").write_text(FIXABLE)
    stale = tmp_path / ".p.md.k1ll3d00.jdlint-tmp"
    stale.write_text(FIXABLE)
    held = tmp_path / ".q.md.running.jdlint-tmp"
    held.write_text("being written")
    with held.open() as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        assert fix_file(_fixer(), str(tmp_path / "p.md")).fixed == 1
        assert sorted(p.name for p in tmp_path.iterdir()) == [".q.md.running.jdlint-tmp", "p.md"]


def test_1_6_an_interrupted_write_removes_its_temporary_file(tmp_path, monkeypatch):
    """SIGTERM and Ctrl-C arrive as exceptions (the CLI turns SIGTERM into one): the
    temporary file goes, the original stays."""
    path = tmp_path / "p.md"
    path.write_text(FIXABLE)

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(fixes.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fix_file(_fixer(), str(path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.md"]
    assert path.read_text() == FIXABLE


SLOW_FSYNC = """
import os, sys, time
real = os.fsync
def slow(fd):
    real(fd)
    open(os.environ["READY"], "w").close()
    time.sleep(60)
os.fsync = slow
from jdlint.cli import main
if __name__ == "__main__":
    sys.argv[0] = "jdlint"
    main()
"""


def test_1_6_sigterm_during_fix_removes_the_temporary_file(tmp_path):
    (tmp_path / "p.md").write_text(FIXABLE)
    script = tmp_path / "slowfix.py"
    script.write_text(SLOW_FSYNC)
    ready = tmp_path / "ready"
    proc = subprocess.Popen(
        [sys.executable, str(script), "--fix", "--select", "I101", "p.md"],
        cwd=tmp_path,
        env=_env(READY=str(ready)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        while not ready.exists() and proc.poll() is None:
            time.sleep(0.05)
        assert any(p.name.endswith(".jdlint-tmp") for p in tmp_path.iterdir())
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    assert proc.returncode == 143
    assert err.decode().strip() == "jdlint: stopped (SIGTERM)"
    assert (tmp_path / "p.md").read_text() == FIXABLE
    assert not any(p.name.endswith(".jdlint-tmp") for p in tmp_path.iterdir())


# == 2. Injection ==============================================================================

RUNNER = re.compile(r"^\s*::|##\[", re.M)


def test_2_1_github_format_sends_file_errors_and_warnings_as_escaped_commands(jdlint_cli):
    jdlint_cli.write("::warning::bad-utf8.md", b"# Care\xe9\n")
    jdlint_cli.write("e\n::error::no-postings/.keep", "")
    result = jdlint_cli.run("check", "--format", "github", "::warning::bad-utf8.md")
    (line,) = [x for x in result.stdout.splitlines() if x.startswith("::error")]
    assert line.startswith("::error file=%3A%3Awarning%3A%3Abad-utf8.md,title=jdlint::")
    walked = jdlint_cli.run("check", "--format", "github", "e\n::error::no-postings")
    assert walked.stderr == "::warning::no postings found in e\\n::error::no-postings\n"
    with_file = jdlint_cli.run(
        "check", "--format", "github", "-o", "r.txt", "::warning::bad-utf8.md"
    )
    assert with_file.stderr.splitlines()[1].startswith(
        "::error::::warning::bad-utf8.md: error: not valid UTF-8"
    )


@pytest.mark.parametrize(
    "name, text",
    [
        (
            "h.html",
            "<h1>Care Coordinator</h1>\n<p>We help.</p>\n<h2>Benefits\n"
            "::error file=README.md,line=1::Injected</h2>\n<h2>Duties</h2><ul><li>x</li></ul>\n",
        ),
        (
            "k.md",
            '---\ntitle: Care\nkeywords: ["z\\n::warning file=x.md::Injected"]\n---\n'
            "# Care\n\nWe help.\n",
        ),
        (
            "m.md",
            '---\ntitle: Care\nkeywords: ["##[set-output name=x;]true"]\n---\n# Care\n\nWe help.\n',
        ),
    ],
)
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "gitlab"])
def test_2_1_no_data_starts_a_runner_command_in_any_format(jdlint_cli, name, text, fmt):
    """Line breaks in a message are joined, JSON escapes ``##[`` as ``##\\u005b`` (the same
    value), and text holding ``##[`` is fenced under Actions."""
    jdlint_cli.write(name, text)
    env = {"GITHUB_ACTIONS": "true"}
    result = jdlint_cli.run("check", "--select", "ALL", "--format", fmt, name, env=env)
    out = result.stdout
    assert "Injected" in out or "set-output" in out
    if fmt == "text" and "##[" in text:
        # The runner runs nothing between the fences; only the random token ends them.
        token = out.splitlines()[0].removeprefix("::stop-commands::")
        assert out.endswith(f"\n::{token}::\n") and len(token) == 32
        assert out.count(token) == 2
    else:
        assert not RUNNER.search(out), out
    if fmt != "text":
        doc = json.loads(out)  # the escapes are JSON escapes: the same values
        assert ("##[set-output" in json.dumps(doc, ensure_ascii=False)) == ("##[" in text)


def test_2_1_under_actions_output_that_would_be_a_command_is_fenced(jdlint_cli, tmp_path):
    """A diff (which must stay byte for byte) and a text report whose path starts with
    ``::`` are wrapped in stop-commands with a random token; other output is untouched."""
    jdlint_cli.write("d.md", FIXABLE + "::set-output name=deploy::true\n")
    env = {"GITHUB_ACTIONS": "true"}
    diff = jdlint_cli.run("check", "--diff", "--select", "I101", "d.md", env=env)
    lines = diff.stdout.splitlines()
    token = lines[0].removeprefix("::stop-commands::")
    assert re.fullmatch(r"[0-9a-f]{32}", token)
    assert lines[-1] == f"::{token}::"
    assert " ::set-output name=deploy::true" in lines
    patch = tmp_path / "fix.patch"
    patch.write_text(diff.stdout)
    subprocess.run(["git", "init", "-q", str(jdlint_cli.root)], check=True)
    check = subprocess.run(["git", "apply", "--check", str(patch)], cwd=jdlint_cli.root)
    assert check.returncode == 0
    plain = jdlint_cli.run("check", "--diff", "--select", "I101", "good.md", env=env)
    assert "stop-commands" not in plain.output
    jdlint_cli.write("::x.md", FIXABLE)
    text = jdlint_cli.run("check", "--format", "text", "--select", "I101", "::x.md", env=env)
    assert text.stdout.startswith("::stop-commands::")


def test_2_1_runner_commands_are_recognised_as_the_runner_does():
    assert display.runner_command_in("a\n  ::error::x\n")
    assert display.runner_command_in("a\r::error::x")  # the runner splits at a lone CR
    assert display.runner_command_in("text ##[set-output name=a;]b")
    assert not display.runner_command_in("a :: b\nc::d\n")
    assert display.guard_runner("::x::\n", {}) == "::x::\n"  # outside Actions: unchanged


def test_2_2_control_sequences_from_a_posting_or_a_name_never_reach_the_terminal(jdlint_cli):
    jdlint_cli.write(
        "ansi\x1b[2J.md",
        "# Care Coordinator\n\nWe help adults.\n\n## Benefits \x1b]0;PWNED\x07\x1b[2K\x1b[1A\n\n"
        "## Duties\n\n- Meet clients.\n",
    )
    result = jdlint_cli.run("check", "--select", "S201", "--color", "ansi\x1b[2J.md")
    shown = click_unstyle(result.stdout)
    assert "\x1b" not in shown and "\x07" not in shown
    assert "ansi\\x1b[2J.md:5:4:" in shown
    assert "Section 'Benefits \\x1b]0;PWNED\\x07\\x1b[2K\\x1b[1A' is empty" in shown


def click_unstyle(text: str) -> str:
    """The report without jdlint's own colours (SGR sequences it adds itself)."""
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


FAKE_PACKAGE = (
    """open({marker!r}, "w").close()\ndef load(**kwargs):\n    raise RuntimeError("imported")\n"""
)


def _installed(site: Path, name: str, marker: Path, pipeline: bool) -> None:
    package = site / name
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(FAKE_PACKAGE.format(marker=str(marker)))
    dist = site / f"{name}-1.0.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0.0\n")
    if pipeline:
        import spacy

        nlp = spacy.blank("en")
        nlp.meta.update({"name": "fake", "version": "1.0.0"})
        nlp.to_disk(package / "en_fake-1.0.0")
        (package / "meta.json").write_text(json.dumps(nlp.meta))


def test_2_3_nlp_model_never_imports_a_package(tmp_path, monkeypatch):
    """A config may name a spaCy pipeline package, which is loaded from its data folder
    without importing it; any other installed package is a config error, not imported."""
    from jdlint import nlp
    from jdlint.errors import ConfigError

    site = tmp_path / "site"
    marker = tmp_path / "IMPORTED"
    _installed(site, "notapipeline", marker, pipeline=False)
    _installed(site, "fakepipe", marker, pipeline=True)
    monkeypatch.syspath_prepend(str(site))
    import importlib

    importlib.invalidate_caches()
    with pytest.raises(ConfigError, match="'notapipeline' is not a spaCy pipeline package"):
        nlp._build("notapipeline")
    with pytest.raises(ConfigError, match="'click' is not a spaCy pipeline package"):
        nlp._build("click")
    loaded = nlp._build("fakepipe")
    assert loaded.has_pipe("sentencizer")
    assert not marker.exists()
    assert "notapipeline" not in sys.modules and "fakepipe" not in sys.modules


def test_2_3_packs_stay_inside_the_repository_and_quote_nothing_from_other_files(jdlint_cli):
    outside = jdlint_cli.root / "x"
    outside.mkdir()
    (outside / "t.yml").write_text("ghp_SECRETTOKEN: 1\n")
    repo = jdlint_cli.root / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "p.md").write_text(POSTING)
    for packs in (str(outside / "t.yml"), "../x/t.yml", "/"):
        (repo / ".jdlint.yaml").write_text(f"packs: [{packs!r}]\n")
        result = jdlint_cli.run("check", str(repo / "p.md"))
        assert result.exit_code == 2
        assert "is outside" in result.stderr and "SECRET" not in result.stderr
    (repo / "t.yml").write_text("ghp_SECRETTOKEN: 1\n")
    (repo / ".jdlint.yaml").write_text("packs: [t.yml]\n")
    result = jdlint_cli.run("check", str(repo / "p.md"))
    assert result.exit_code == 2
    assert "t.yml:1: not a rule pack" in result.stderr and "SECRET" not in result.stderr


def test_2_5_a_config_above_the_repository_never_applies(jdlint_cli):
    jdlint_cli.write(".jdlint.yaml", "ignore: [ALL]\n")
    (jdlint_cli.root / "repo" / ".git").mkdir(parents=True)
    jdlint_cli.write("repo/p.md", FIXABLE)
    result = jdlint_cli.run("check", "--format", "json", "repo/p.md")
    assert json.loads(result.stdout)["summary"]["findings"] > 0
    jdlint_cli.write("norepo/p.md", FIXABLE)  # without a repository, the search goes up
    result = jdlint_cli.run("check", "--format", "json", "norepo/p.md")
    assert json.loads(result.stdout)["summary"]["findings"] == 0


@pytest.mark.parametrize("whose", ["file", "folder"])
def test_2_5_another_users_config_is_ignored_with_a_warning(jdlint_cli, monkeypatch, whose):
    """A .jdlint.yaml that belongs to another user (not you, root, or the owner of the
    posting's folder), or lies in a folder of another user, above the postings, is not
    used, and the search stops there; even a broken one cannot stop the run. (Ownership
    is simulated: only root could give a file away.)"""
    from jdlint import config

    planted = jdlint_cli.write("shared/.jdlint.yaml", "ignore: [ALL]\nnot yaml: [\n")
    jdlint_cli.write("shared/alice/postings/p.md", FIXABLE)
    foreign = planted.resolve() if whose == "file" else planted.resolve().parent
    real = config._owner
    monkeypatch.setattr(config, "_owner", lambda p: 4242 if Path(p) == foreign else real(p))
    monkeypatch.setattr(config, "_ignored", {})
    result = jdlint_cli.run("check", "--select", "I101", "shared/alice/postings/p.md")
    assert result.exit_code == 1  # linted (its I101 warning fails), not stopped by the config
    assert "I101" in result.stdout
    reason = "owned by another user" if whose == "file" else "in a folder owned by another user"
    assert result.stderr == (
        f"jdlint: warning: ignoring {planted.resolve()}: {reason} (uid 4242); "
        "pass it with --config to use it\n"
    )


# == 3. Hangs ==================================================================================


@pytest.mark.parametrize(
    "pattern",
    [r"(?s).*.*.*.*Q", "[a-z ]*[a-z ]*[a-z ]*[a-z ]*Q", r"\w+\s*\w+x", r".*Q.*Q.*Q", r"(.*)(.*)$"],
)
def test_3_1_unbounded_repeats_that_share_a_run_are_rejected(jdlint_cli, pattern):
    # I302 is a term rule (I301 has its own kind, without absent_pattern).
    jdlint_cli.write(".jdlint.yaml", f"rules:\n  I302:\n    absent_pattern: '{pattern}'\n")
    jdlint_cli.write("p.md", POSTING)
    result = jdlint_cli.run("check", "p.md")
    assert result.exit_code == 2
    assert "absent_pattern has unbounded repeats in a row that can match the same text" in (
        result.stderr
    )


def test_3_1_patterns_that_cannot_share_a_run_are_accepted():
    from jdlint import safe_regex

    for ok in [r"\s*,\s*", r"\d+,\d+", r"\bsalary\b.*\$\d+", r"[\d,.]*\s*(?:to|-)", "a.*b"]:
        assert safe_regex.problem(ok, re.I) is None, ok


SLOW_PARAGRAPH = "we help adults at home with their care plans " * 7_000  # 315 KB, no "x"
SLOW_POSTING = (
    "# Care Coordinator\n\n## Responsibilities\n\n- Meet clients.\n\n## Qualifications\n\n"
    + SLOW_PARAGRAPH
    + "\n"
)
# S101 (no overview) searches the body for its text_pattern (S104 has none since pay became
# a whole-posting finding).
SLOW_PATTERN = {"S101": {"text_pattern": "[a-z ]+X", "min_words": 0}}


def test_3_1_a_slow_pattern_that_passes_the_check_is_stopped_by_the_budget():
    """``[a-z ]+X`` is accepted (one repeat), yet quadratic on a paragraph without an X:
    the posting gets one error when its CPU budget runs out, inside the regular
    expression (it would search for an hour)."""
    text = SLOW_POSTING
    linter = Linter(from_dict({"select": ["S101"], "rules": SLOW_PATTERN, "time-limit": 2}))
    report = linter.lint_text(text, "p.md")
    assert report.error == (
        "stopped after 2 s of CPU time, the time limit for this posting (time-limit in "
        "config); jdlint reads some shape of it slowly: please report it"
    )


def test_3_3_every_posting_has_a_cpu_budget(monkeypatch):
    """A check that never ends: the posting gets one error and the run goes on."""
    from jdlint.checks import KINDS

    kind = KINDS["posting-length"]

    def forever(rule, ctx):
        while True:
            pass

    monkeypatch.setattr(kind, "check", forever)
    linter = Linter(from_dict({"select": ["K301", "I101"], "time-limit": 1}))
    report = linter.lint_text(FIXABLE, "p.md")
    assert report.error.startswith("stopped after 1 s of CPU time")
    monkeypatch.undo()
    again = linter.lint_text(FIXABLE, "p.md")
    assert again.error is None and "I101" in [f.code for f in again.findings]


def test_3_3_the_budget_is_checked_between_rules_where_no_timer_runs(monkeypatch):
    """In a thread (Dask workers) no signal can interrupt a check; the budget is checked
    between rules instead."""
    import threading

    from jdlint.checks import KINDS

    def busy(rule, ctx):
        end = time.thread_time() + 1.5
        while time.thread_time() < end:
            pass
        return iter(())

    monkeypatch.setattr(KINDS["posting-length"], "check", busy)
    linter = Linter(from_dict({"select": ["K301", "I101"], "time-limit": 0.5}))
    out = []
    thread = threading.Thread(target=lambda: out.append(linter.lint_text(FIXABLE, "p.md")))
    thread.start()
    thread.join()
    assert out[0].error.startswith("stopped after 0.5 s of CPU time")


def test_3_3_the_budget_grows_with_the_posting_and_is_configurable():
    from jdlint import budget

    assert budget.seconds_for(0) == 20
    assert budget.seconds_for(4_500_000) == 290
    assert budget.seconds_for(4_500_000, 7) == 7
    with pytest.raises(OverBudget), Budget(0.2):
        end = time.thread_time() + 5
        while time.thread_time() < end:
            pass


@pytest.mark.parametrize("value", [0, -1, "x", float("inf")])
def test_3_3_a_bad_time_limit_is_a_config_error(value):
    from jdlint.errors import ConfigError

    with pytest.raises(ConfigError, match="time-limit"):
        from_dict({"time-limit": value})


def _run(args, cwd, timeout=120, **kwargs):
    """The CLI in a subprocess. The timeout only stops a hang from stalling the suite; it
    is far beyond what any of these runs takes."""
    return subprocess.run(
        [*JDLINT, *args], cwd=cwd, env=_env(), capture_output=True, timeout=timeout, **kwargs
    )


def test_3_2_a_fifo_or_a_device_in_a_pack_folder_is_an_error_not_a_hang(tmp_path):
    (tmp_path / "p.md").write_text(POSTING)
    (tmp_path / "rules").mkdir()
    (tmp_path / ".jdlint.yaml").write_text("packs: [rules/]\n")
    os.mkfifo(tmp_path / "rules" / "x.yaml")
    result = _run(["p.md"], tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode().endswith("x.yaml: cannot read rule pack: not a regular file\n")
    (tmp_path / "rules" / "x.yaml").unlink()
    (tmp_path / "rules" / "x.yaml").symlink_to("/dev/zero")
    result = _run(["p.md"], tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode().endswith("x.yaml: cannot read rule pack: not a regular file\n")


def test_3_2_configs_and_packs_are_size_capped(jdlint_cli):
    jdlint_cli.write(".jdlint.yaml", "# " + "x" * 1_000_001 + "\n")
    jdlint_cli.write("p.md", POSTING)
    result = jdlint_cli.run("check", "p.md")
    assert result.exit_code == 2
    assert ".jdlint.yaml: cannot read config: file is 1,000,004 bytes, over the 1,000,000" in (
        result.stderr
    )


def killer(linter, item):
    """A posting that kills its worker process (as the OOM killer or a segfault would)."""
    if item == 7:
        os._exit(9)
    return item * 10


def test_3_4_a_worker_that_dies_is_reported_and_the_run_goes_on():
    """Found: a killed worker left ``--jobs`` waiting forever. Now the posting that killed
    its worker twice is an error of its own, every other one gives its result, in order."""
    breaks = []
    results = list(
        batch.ordered_map(
            killer,
            range(20),
            batch.LinterSpec(),
            2,
            batch=4,
            lost=lambda item: f"lost {item}",
            on_break=breaks.append,
        )
    )
    assert results == [i * 10 if i != 7 else "lost 7" for i in range(20)]
    assert len(breaks) == 2  # its batch, then it alone


def test_3_5_jsonl_lines_over_the_limit_are_errors_read_in_pieces(tmp_path):
    import io

    big = json.dumps({"id": "big", "text": "# Care\n\n" + "We help. " * 2000})
    data = (big + "\n" + json.dumps({"id": "ok", "text": POSTING}) + "\n").encode()

    class Counting(io.BytesIO):
        largest = 0

        def readline(self, size=-1):
            line = super().readline(size)
            Counting.largest = max(Counting.largest, len(line))
            return line

    lines = list(batch.read_lines(Counting(data), 1000))
    assert lines[0] == batch.LineTooLong(len(big) + 1, 1000)
    assert json.loads(lines[1])["id"] == "ok"
    assert Counting.largest <= 1001
    linter = Linter(from_dict({"select": ["S101"]}))
    out = json.loads(batch.lint_json_line(linter, (1, lines[0])).json)
    assert out["error"] == "line is over the 1,000-byte limit (max-file-size in config); not read"


def _descendants_alive(marker: str) -> list[int]:
    """Processes whose environment holds ``marker`` (this test's jdlint and its workers)."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker.encode() in (entry / "environ").read_bytes():
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
                if state != "Z":
                    alive.append(int(entry.name))
        except OSError:
            continue
    return alive


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads /proc (Linux)")
@pytest.mark.parametrize("how", ["SIGTERM", "SIGINT"])
def test_3_6_and_4_4_stopping_a_jobs_run_stops_its_workers(tmp_path, how):
    """SIGTERM to jdlint, or Ctrl-C (SIGINT to the whole process group): exit 143 or 130
    with one line, no traceback from any worker, and no worker left running (found: the
    workers ran on for hours, and Ctrl-C printed a traceback from each)."""
    marker = f"JDLINT_TEST_{os.getpid()}_{how}"
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text(SLOW_POSTING)
    (tmp_path / ".jdlint.yaml").write_text(
        "rules:\n  S101:\n    text_pattern: '[a-z ]+X'\n    min_words: 0\ntime-limit: 100\n"
    )
    env = _env(**{marker: "1"})
    proc = subprocess.Popen(
        [*JDLINT, "--jobs", "2", "--select", "S101", "a.md", "b.md", "c.md"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120  # waits for the workers to start; not a measure
        while len(_descendants_alive(marker)) < 4 and time.monotonic() < deadline:
            time.sleep(0.2)  # jdlint, the forkserver and two workers
        time.sleep(1)  # the workers are inside the slow posting
        if how == "SIGTERM":
            proc.send_signal(signal.SIGTERM)
        else:
            os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    assert proc.returncode == (143 if how == "SIGTERM" else 130)
    assert "Traceback" not in err.decode()
    assert err.decode().strip().splitlines()[-1] == (
        "jdlint: stopped (SIGTERM)" if how == "SIGTERM" else "Aborted!"
    )
    deadline = time.monotonic() + 30
    while _descendants_alive(marker) and time.monotonic() < deadline:
        time.sleep(0.2)  # the forkserver notices its parent has gone
    assert _descendants_alive(marker) == []


# == 4. Crashes and tracebacks =================================================================


@pytest.mark.parametrize("fmt", ["sarif", "gitlab", "json", "text", "github"])
def test_4_1_a_file_name_that_is_not_utf8_never_breaks_a_report(jdlint_cli, fmt):
    """Found: UnicodeEncodeError tracebacks (SARIF, GitLab, -o) and invalid UTF-8 (JSON).
    The name shows its bytes as escapes (SARIF percent-encodes them), the output is UTF-8."""
    (jdlint_cli.root / "d").mkdir()
    (jdlint_cli.root / os.fsdecode(b"d/caf\xe9.md")).write_text(FIXABLE)
    result = jdlint_cli.run("check", "--select", "I101", "--format", fmt, "d")
    assert result.exit_code == 1, result.output  # the I101 warning, not an error
    out = result.stdout_bytes.decode("utf-8")  # strict: valid UTF-8
    if fmt in ("sarif", "gitlab", "json"):
        text = json.dumps(json.loads(out))
        assert ("caf%E9.md" if fmt == "sarif" else "caf\\\\xe9.md") in text
    else:
        assert "caf\\xe9.md" in out
    to_file = jdlint_cli.run("check", "--select", "I101", "--format", fmt, "-o", "r.out", "d")
    assert to_file.exit_code == 1
    (jdlint_cli.root / "r.out").read_text(encoding="utf-8")


def test_4_2_odd_pyproject_files_above_a_posting_are_not_configs(jdlint_cli):
    jdlint_cli.write(
        "t1/pyproject.toml",
        '[project]\nname="x"\n[tool.other]\nx = ' + "[" * 3000 + "]" * 3000 + "\n",
    )
    jdlint_cli.write("t2/pyproject.toml", 'tool = "jdlint"\n')
    for folder in ("t1", "t2"):
        jdlint_cli.write(f"{folder}/p.md", FIXABLE)
        result = jdlint_cli.run("check", "--select", "I101", f"{folder}/p.md")
        assert result.exit_code == 1, result.output  # linted: its I101 warning fails
    jdlint_cli.write("t3.md", "+++\nx = " + "[" * 3000 + "]" * 3000 + "\n+++\n" + FIXABLE)
    result = jdlint_cli.run("check", "t3.md")
    assert "t3.md: error: line 2: front matter is not valid TOML: nested too deeply" in (
        result.output
    )


def test_4_3_a_folder_that_cannot_be_searched_is_one_files_error(jdlint_cli, monkeypatch):
    """Python 3.11's is_file() raises PermissionError in a folder without the search bit
    (root is never refused, so the refusal is simulated)."""
    jdlint_cli.write("postings/ok.md", FIXABLE)
    jdlint_cli.write("postings/locked/p.md", FIXABLE)
    real = os.stat

    def refusing(path, *args, **kwargs):
        if "locked" in os.fsdecode(path) and not os.fsdecode(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", refusing)
    result = jdlint_cli.run("check", "--select", "I101", "postings", "postings/locked/x.md")
    assert result.exit_code == 2
    assert "postings/locked/p.md: error: cannot read: Permission denied" in result.stdout
    assert "postings/locked/x.md: error: cannot read: Permission denied" in result.stdout
    assert "postings/ok.md:3:5: warning I101" in result.stdout


def test_4_5_a_full_disk_on_standard_output_is_one_line_and_status_2(tmp_path):
    (tmp_path / "p.md").write_text(FIXABLE)
    for args in (["--select", "I101", "p.md"], ["--diff", "--select", "I101", "p.md"]):
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [*JDLINT, *args],
                cwd=tmp_path,
                env=_env(),
                stdout=full,
                stderr=subprocess.PIPE,
                timeout=120,
            )
        assert result.returncode == 2
        assert result.stderr.decode() == (
            "jdlint: error: cannot write the output: No space left on device\n"
        )


def test_4_5_a_crash_outside_a_posting_is_one_line_and_status_2(jdlint_cli, monkeypatch):
    """Exit 1 means findings; a crash (here in a reporter) is status 2 and one line."""
    from jdlint import reporters

    def broken(reports, out, options):
        raise RuntimeError("reporter exploded")

    monkeypatch.setitem(reporters.REPORTERS, "text", broken)
    jdlint_cli.write("p.md", FIXABLE)
    result = jdlint_cli.run("check", "p.md")
    assert result.exit_code == 2
    assert result.stderr == (
        "jdlint: internal error: RuntimeError: reporter exploded "
        "(please report this; JDLINT_DEBUG=1 shows where)\n"
    )


def test_4_6_a_paragraph_over_spacys_limit_is_linted():
    """A 1.2 MB paragraph (spaCy's max_length is 1,000,000): linted with the blank
    pipeline (found: "internal error ... [E088]")."""
    text = "# Care Coordinator\n\n" + "We help adults at home with care. " * 36_000 + "\n"
    report = Linter(from_dict({"select": ["S203"]})).lint_text(text, "o.md")
    assert report.error is None
    assert [f.code for f in report.findings] == ["S203"]


def test_4_6_jsonl_text_with_half_a_surrogate_pair_or_nul_is_an_error(jdlint_cli):
    lines = [
        '{"id": "a", "text": "# Care\\n\\nWe \\ud800 help."}',
        '{"id": "b", "text": "# Care\\n\\nWe \\u0000 help."}',
        '{"id": "\\udce9", "text": "# Care\\n\\nWe help."}',
        '{"id": "d", "text": "# Care Coordinator\\n\\nWe help."}',
    ]
    jdlint_cli.write("in.jsonl", "\n".join(lines) + "\n")
    result = jdlint_cli.run("check", "--select", "S101", "--jsonl", "in.jsonl")
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("error") for o in out] == [
        "'text' holds half of a surrogate pair (\\ud800 at character 11), which is not text",
        "contains NUL characters, not a posting",
        "'id' holds half of a surrogate pair (a \\ud800-\\udfff escape)",
        None,
    ]
    assert result.exit_code == 2
    result.stdout.encode("utf-8")


# == 5. Wrong output ===========================================================================


def test_5_1_fix_exits_2_when_a_fix_could_not_be_written(jdlint_cli, monkeypatch):
    jdlint_cli.write("p.md", FIXABLE)

    def full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fixes.os, "replace", full)
    result = jdlint_cli.run("check", "--fix", "--select", "I101", "p.md")
    assert result.exit_code == 2
    assert "p.md: error: not fixed: cannot write: No space left on device" in result.stderr
    assert (jdlint_cli.root / "p.md").read_text() == FIXABLE


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c", "\x1e"])
def test_5_4_diff_is_a_valid_patch_around_unicode_line_separators(jdlint_cli, separator):
    text = f"# Care Coordinator\n\nWe{separator}help adults. The chairman signs.\n"
    jdlint_cli.write("nel.md", text)
    jdlint_cli.write("nonl.md", "# Care Coordinator\n\nThe chairman signs.")  # no last newline
    subprocess.run(["git", "init", "-q", str(jdlint_cli.root)], check=True)
    result = jdlint_cli.run("check", "--diff", "--select", "I101", "nel.md", "nonl.md")
    patch = jdlint_cli.write("d.patch", result.stdout)
    applied = subprocess.run(["git", "apply", str(patch)], cwd=jdlint_cli.root, capture_output=True)
    assert applied.returncode == 0, applied.stderr
    assert (jdlint_cli.root / "nel.md").read_text() == text.replace("chairman", "chair")
    assert (jdlint_cli.root / "nonl.md").read_text() == "# Care Coordinator\n\nThe chair signs."


def test_5_4_diff_headers_quote_odd_file_names_as_git_does():
    diff = fixes.unified_diff('q"x\n\udce9.md', "a\n", "b\n")
    assert diff.splitlines()[:2] == ['--- "a/q\\"x\\n\\351.md"', '+++ "b/q\\"x\\n\\351.md"']


def test_5_5_jsonld_on_a_folder_says_so(jdlint_cli):
    (jdlint_cli.root / "fold").mkdir()
    result = jdlint_cli.run("jsonld", "fold")
    assert result.exit_code == 2
    assert result.stderr == "fold: error: is a directory\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-be"])
def test_what_held_fix_output_fidelity_is_kept(tmp_path, encoding):
    """The review's "what held": a BOM, mixed line endings, NEL and LS come back byte for
    byte except for the fix, and a second run changes nothing."""
    text = "# Care Coordinator\r\n\rThe chairman signs.\x85More.\u2028\n\x0cEnd.\n"
    bom = codecs.BOM_UTF8 if encoding == "utf-8" else codecs.BOM_UTF16_BE
    path = tmp_path / "p.md"
    path.write_bytes(bom + text.encode(encoding))
    assert fix_file(_fixer(), str(path)).fixed == 1
    assert path.read_bytes() == bom + text.replace("chairman", "chair").encode(encoding)
    assert fix_file(_fixer(), str(path)).fixed == 0


def test_what_held_symlink_loops_in_a_walk_are_one_files_error(jdlint_cli):
    """A link to itself in a walked folder, with exclude globs that resolve each path:
    one error for that file, the others linted (Path.resolve raises on a loop)."""
    jdlint_cli.write(".jdlint.yaml", "exclude: ['drafts/*']\n")
    jdlint_cli.write("postings/ok.md", FIXABLE)
    (jdlint_cli.root / "postings" / "loop.md").symlink_to("loop.md")
    result = jdlint_cli.run("check", "--select", "I101", "--format", "sarif", "postings")
    assert result.exit_code == 2
    doc = json.loads(result.stdout)
    (note,) = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert note["message"]["text"].startswith("postings/loop.md: cannot read: ")
    assert [r["ruleId"] for r in doc["runs"][0]["results"]] == ["I101"]
