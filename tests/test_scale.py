"""Many postings: --jobs (a process pool, input order kept), --jsonl (a stream of postings,
one report object per line) and the Dask integration on a local cluster of processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from postings import CLEAN, FLAWED

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def _jdlint(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "jdlint", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


# -- --jobs ------------------------------------------------------------------------------


def test_jobs_gives_the_same_report_in_the_same_order(tmp_path: Path) -> None:
    for name in ("b.md", "a.md", "c.txt"):
        (tmp_path / name).write_text(FLAWED, encoding="utf-8")
    (tmp_path / "d.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    args = ["--format", "json", "b.md", "a.md", "missing.md", str(EXAMPLES), "c.txt", "d.md"]
    one = _jdlint(*args, "empty.md", cwd=tmp_path)
    two = _jdlint("--jobs", "2", *args, "empty.md", cwd=tmp_path)
    assert one.returncode == two.returncode == 2  # the empty and the missing file
    assert one.stdout == two.stdout
    paths = [f["path"] for f in json.loads(two.stdout)["files"]]
    assert paths[:3] == ["b.md", "a.md", "missing.md"]
    assert paths[-3:] == ["c.txt", "d.md", "empty.md"]


def test_jobs_zero_means_every_core_and_text_output_matches(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(FLAWED, encoding="utf-8")
    (tmp_path / "b.md").write_text(FLAWED, encoding="utf-8")
    one = _jdlint("--select", "S", "a.md", "b.md", cwd=tmp_path)
    every = _jdlint("--select", "S", "-j", "0", "a.md", "b.md", cwd=tmp_path)
    assert one.stdout == every.stdout
    assert "a.md:1:3: warning S101" in every.stdout


def test_jobs_zero_starts_workers_only_for_work_that_pays_for_them(tmp_path: Path) -> None:
    """A few postings are linted in this process (starting workers costs more than they
    save); enough work gets one worker per core, and never more than the cores."""
    from jdlint.batch import WORK_PER_WORKER, auto_jobs

    posting = tmp_path / "p.md"
    posting.write_text(FLAWED, encoding="utf-8")
    few = [str(posting)] * 16
    assert auto_jobs(few, cores=2) == 1
    many = [str(posting)] * (4 * WORK_PER_WORKER // len(FLAWED) + 1)
    assert auto_jobs(many, cores=2) == 2
    assert auto_jobs(many, cores=1) == 1
    assert auto_jobs([str(tmp_path / "missing.md")] * 1000, cores=2) == 1


def test_jobs_reports_a_bad_config_as_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(FLAWED, encoding="utf-8")
    (tmp_path / "b.md").write_text(FLAWED, encoding="utf-8")
    result = _jdlint("--jobs", "2", "--select", "Z999", "a.md", "b.md", cwd=tmp_path)
    assert result.returncode == 2
    assert "Z999" in result.stderr


def test_negative_jobs_is_a_usage_error(jdlint_cli):
    jdlint_cli.write("a.md", FLAWED)
    assert jdlint_cli.run("--jobs", "-1", "a.md").exit_code == 2


# -- --jsonl -----------------------------------------------------------------------------


def _jsonl_input() -> str:
    lines = [
        json.dumps({"id": "req-1", "text": FLAWED, "format": "markdown", "title": "ignored"}),
        "this is not json",
        json.dumps({"id": 2, "text": CLEAN}),
        "",
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "bad-format", "text": CLEAN, "format": "pdf"}),
        json.dumps(["a list"]),
        json.dumps(
            {
                "id": "html",
                "text": "<h1>Care Coordinator</h1><p>Meet clients.</p>",
                "format": "html",
            }
        ),
        json.dumps({"id": "empty", "text": "   "}),
    ]
    return "\n".join(lines) + "\n"


def _check_stream(out: str) -> list[dict]:
    objs = [json.loads(line) for line in out.splitlines()]
    assert [o["line"] for o in objs] == [1, 2, 3, 5, 6, 7, 8, 9]
    assert [o["id"] for o in objs] == [
        "req-1",
        None,
        2,
        "no-text",
        "bad-format",
        None,
        "html",
        "empty",
    ]
    first = objs[0]
    assert first["path"] == "req-1"
    assert "error" not in first
    codes = [f["code"] for f in first["findings"]]
    assert "S201" in codes  # the empty Benefits section
    s201 = next(f for f in first["findings"] if f["code"] == "S201")
    assert (s201["line"], s201["column"]) == (8, 4)
    assert objs[1]["error"].startswith("not valid JSON")
    assert objs[2]["path"] == "2" and "error" not in objs[2]
    assert objs[3]["error"] == "no 'text' string"
    assert "unknown format" in objs[4]["error"]
    assert objs[5]["error"] == "not a JSON object"
    assert "error" not in objs[6] and objs[6]["path"] == "html"
    assert objs[7]["error"] == "file is empty"
    for o in objs:
        assert isinstance(o["findings"], list)
    return objs


def test_jsonl_stream_in_process(jdlint_cli):
    jdlint_cli.write("in.jsonl", _jsonl_input())
    result = jdlint_cli.run("--select", "S", "--jsonl", "in.jsonl")
    assert result.exit_code == 2  # bad lines are errors; the stream went on
    _check_stream(result.stdout)


def test_jsonl_from_stdin_with_jobs_keeps_the_order(tmp_path: Path) -> None:
    seq = _jdlint("--select", "S", "--jsonl", "-", cwd=tmp_path, stdin=_jsonl_input())
    par = _jdlint("--select", "S", "--jsonl", "-", "-j", "2", cwd=tmp_path, stdin=_jsonl_input())
    assert seq.returncode == par.returncode == 2
    assert seq.stdout == par.stdout
    _check_stream(par.stdout)


def test_jsonl_exit_status_and_output_file(jdlint_cli):
    good = json.dumps({"id": "a", "text": FLAWED}) + "\n"
    jdlint_cli.write("in.jsonl", good * 3)
    ok = jdlint_cli.run("--select", "S", "--fail-on", "error", "--jsonl", "in.jsonl")
    assert ok.exit_code == 0  # warnings only
    failing = jdlint_cli.run("--select", "S", "--jsonl", "in.jsonl")
    assert failing.exit_code == 1  # warnings fail by default
    to_file = jdlint_cli.run("--select", "S", "--jsonl", "in.jsonl", "-o", "out.jsonl")
    assert to_file.exit_code == 1
    lines = (jdlint_cli.root / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and lines[0] == ok.stdout.splitlines()[0]
    assert "3 posting(s)" in to_file.stderr


def test_jsonl_line_that_is_not_utf8_is_its_own_error(jdlint_cli):
    good = json.dumps({"id": "a", "text": FLAWED}).encode() + b"\n"
    (jdlint_cli.root / "in.jsonl").write_bytes(b'{"id": "x", "text": "\xff"}\n' + good)
    result = jdlint_cli.run("--select", "S", "--jsonl", "in.jsonl")
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["error"] == "not valid UTF-8"
    assert second["path"] == "a" and "error" not in second


def test_jsonl_refuses_paths_fix_and_other_formats(jdlint_cli):
    jdlint_cli.write("in.jsonl", json.dumps({"id": "a", "text": FLAWED}) + "\n")
    jdlint_cli.write("a.md", FLAWED)
    assert jdlint_cli.run("--jsonl", "in.jsonl", "a.md").exit_code == 2
    assert jdlint_cli.run("--jsonl", "in.jsonl", "--fix").exit_code == 2
    assert jdlint_cli.run("--jsonl", "in.jsonl", "--format", "sarif").exit_code == 2
    assert jdlint_cli.run("--jsonl", "missing.jsonl").exit_code == 2


# -- Dask --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dask_client():
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        host="127.0.0.1",
        scheduler_port=0,
        worker_dashboard_address=None,
    )
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def _postings(n: int) -> list[dict]:
    return [
        {"id": f"p{i}", "text": FLAWED if i % 2 else CLEAN, "format": "markdown"} for i in range(n)
    ]


def test_dask_bag_lints_every_posting_with_one_linter_per_worker(dask_client) -> None:
    import dask.bag as db

    from jdlint import batch
    from jdlint import dask as jdask

    postings = _postings(40)
    bag = db.from_sequence(postings, npartitions=8)
    reports = jdask.lint_bag(bag, config={"select": ["S"]}).compute()
    assert [r["id"] for r in reports] == [p["id"] for p in postings]
    # The same reports as the command line's --jsonl stream, line numbers aside.
    linter = jdask.worker_linter(jdask._spec({"select": ["S"]}))
    for posting, report in zip(postings[:2], reports[:2], strict=True):
        expected = json.loads(batch.lint_json_line(linter, (1, json.dumps(posting))).json)
        expected.pop("line")
        assert report == expected
    assert any(f["code"] == "S201" for f in reports[1]["findings"])
    # 8 partitions on 2 workers, each worker built its Linter once.
    builds = dask_client.run(lambda: __import__("jdlint.dask").dask.builds)
    assert len(builds) == 2
    assert all(n <= 1 for n in builds.values()), builds
    assert sum(builds.values()) >= 1


def test_dask_dataframe_gives_one_row_per_posting(dask_client) -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")

    from jdlint.dask import lint_dataframe

    frame = pd.DataFrame(_postings(12))
    ddf = dd.from_pandas(frame, npartitions=3)
    out = lint_dataframe(
        ddf,
        text_column="text",
        id_column="id",
        format_column="format",
        config={"select": ["S"]},
    ).compute()
    assert list(out["id"]) == list(frame["id"])
    flawed = out.iloc[1]
    assert flawed["warnings"] >= 1 and flawed["findings"] == len(
        json.loads(flawed["report"])["findings"]
    )
    assert out["error"].isna().all()
