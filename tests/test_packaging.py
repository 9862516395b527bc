"""A wheel built from this checkout carries the rule packs: installed into a fresh
environment and run from another directory, jdlint finds them."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_packs_and_runs_from_elsewhere(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
    )
    wheel = next(dist.glob("jdlint-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "jdlint/_rules/structure.yaml" in names
    assert "jdlint/_rules/sections.yaml" in names
    assert "jdlint/schemas/report.schema.json" in names
    for template in ("report.html.j2", "macros.html.j2", "report.css", "report.js"):
        assert f"jdlint/templates/{template}" in names

    env_dir = tmp_path / "env"
    subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True)
    py = env_dir / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    # The dependencies come from the test environment; jdlint itself only from the wheel.
    subprocess.run(
        [str(env_dir / "bin" / "pip"), "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
    )
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    posting = elsewhere / "p.md"
    posting.write_text(
        "# Case Manager\n\nIntro.\n\n## Benefits\n\n## How to apply\n\nApply online.\n"
    )
    out = subprocess.run(
        [str(py), "-c", "import jdlint, sys; print(jdlint.__file__)"],
        cwd=elsewhere,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert str(site) in out
    run = subprocess.run(
        [str(env_dir / "bin" / "jdlint"), "--select", "S201", "p.md"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1, run.stderr  # a warning fails by default
    assert "p.md:5:4: warning S201" in run.stdout
    # The HTML report's template and assets load from the installed package.
    html = subprocess.run(
        [str(env_dir / "bin" / "jdlint"), "--format", "html", "-o", "r.html", "p.md"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
    )
    assert html.returncode == 1, html.stderr  # the same warning
    assert (elsewhere / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
