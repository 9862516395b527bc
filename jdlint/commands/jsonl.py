"""``jdlint check --jsonl FILE``: a stream of postings in, one JSON report object per line out."""

from __future__ import annotations

import contextlib
import sys
from functools import partial
from typing import TYPE_CHECKING, Any, NoReturn

from ..engine import DEFAULT_MAX_BYTES
from ..errors import ConfigError
from .common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, fail, warn

if TYPE_CHECKING:
    from .check import CheckOptions


def run(opts: CheckOptions, overrides: dict[str, Any], jobs: int) -> NoReturn:
    """Lint the stream in order, with ``jobs`` processes; exit 2 on any line's error, else
    1 when a finding reaches fail-on, else 0."""
    from ..batch import LinterSpec, failing, json_lines, lint_jsonl, read_lines
    from .check import failing as threshold_for

    source, output = opts.jsonl, opts.output
    assert source is not None
    if opts.paths:
        fail("--jsonl reads postings from its file; give no paths")
    if opts.fix or opts.fix_only or opts.show_diff:
        fail("--fix, --fix-only and --diff work on files, not a --jsonl stream")
    if opts.fmt not in ("auto", "json"):
        fail("--jsonl writes JSON Lines; --format must be json or auto")
    spec = LinterSpec(
        opts.config_path,
        tuple(overrides.items()),
        discover_from=None if opts.config_path else ".",
    )
    try:
        linter = spec.build()
        linter.check_config(None)
        threshold = threshold_for(linter, opts.fail_on, "-")
    except ConfigError as e:
        fail(str(e))
    try:
        src = sys.stdin.buffer if source == "-" else open(source, "rb")  # noqa: SIM115
    except OSError as e:
        fail(f"cannot read {source}: {e.strerror or e}")
    try:
        out = open(output, "wb") if output else sys.stdout.buffer  # noqa: SIM115
    except OSError as e:
        fail(f"cannot write report to {output}: {e.strerror or e}")
    errors = fails = postings = findings = 0
    try:
        with contextlib.ExitStack() as stack:
            if src is not sys.stdin.buffer:
                stack.enter_context(src)
            if out is not sys.stdout.buffer:
                stack.enter_context(out)
            limit = linter.config_for(None).get("max-file-size", DEFAULT_MAX_BYTES)
            results = lint_jsonl(
                json_lines(read_lines(src, limit)), spec, jobs, linter, partial(warn, "text")
            )
            stack.callback(results.close)  # stops the workers, also on Ctrl-C or SIGTERM
            for result in results:
                out.write(result.json.encode("utf-8") + b"\n")
                postings += 1
                errors += result.error
                fails += failing(result.worst, threshold)
                findings += result.findings
            out.flush()
    except ConfigError as e:
        fail(str(e))
    except OSError as e:
        fail(f"cannot write the report: {e.strerror or e}")
    if output and not opts.quiet:
        sys.stderr.write(f"jdlint: {findings} finding(s) in {postings} posting(s)\n")
    sys.exit(EXIT_ERROR if errors else EXIT_FINDINGS if fails else EXIT_OK)
