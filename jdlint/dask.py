"""Lint a partitioned catalogue of postings with Dask, on one machine or a cluster.

Each worker process builds one ``Linter`` (packs parsed, spaCy pipeline loaded) the first
time it lints a partition with a given configuration, and keeps it for every later
partition: never one per posting. Partitions go through ``map_partitions``, so postings
never leave the worker that holds them; only the small report records come back.

    import dask.bag as db
    from distributed import Client
    from jdlint.dask import lint_bag

    client = Client("tcp://scheduler:8786")          # or LocalCluster() on one machine
    postings = db.read_text("s3://bucket/postings/*.jsonl").map(json.loads)
    reports = lint_bag(postings, config={"ignore": ["K"]})
    reports.map(json.dumps).to_textfiles("s3://bucket/reports/*.jsonl")

A posting is a dict with ``text`` and optionally ``id`` and ``format`` (``markdown``,
``text`` or ``html``), the same fields as a ``jdlint --jsonl`` line; each result is the
per-file object of the JSON report (docs/json-report.md) with ``id`` and ``path`` set to the
posting's id. ``lint_dataframe`` does the same for a Dask DataFrame (needs pandas) and
gives one row per posting: id, score, error, counts by severity, and the report as JSON.

Requires the ``dask`` extra: ``pip install 'jdlint[dask]'``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from typing import Any

from .batch import LinterSpec

_lock = threading.Lock()
_linters: dict[LinterSpec, Any] = {}
builds = 0  # Linters built in this process (one per configuration, however many postings)


def _spec(config: Any, today: Any = None) -> LinterSpec:
    """A picklable description of the Linter: a config file path, a dict of settings, or
    None for the built-in defaults (no config file is searched for on the workers)."""
    if config is None:
        return LinterSpec(None, (("_settings", ()),), today)
    if isinstance(config, str):
        return LinterSpec(config, (), today)
    if isinstance(config, dict):
        return LinterSpec(None, (("_settings", _freeze(config)),), today)
    raise TypeError("config must be None, a path to a config file, or a dict of settings")


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((str(k), _freeze(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, tuple) and all(
        isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str) for item in value
    ):
        return {k: _thaw(v) for k, v in value}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


def worker_linter(spec: LinterSpec) -> Any:
    """The Linter for ``spec`` in this process, built on first use and then reused."""
    with _lock:
        linter = _linters.get(spec)
        if linter is None:
            linter = _linters[spec] = _build(spec)
        return linter


def _build(spec: LinterSpec) -> Any:
    global builds
    builds += 1
    from .config import from_dict
    from .engine import Linter

    settings = dict(spec.overrides).get("_settings")
    if settings is not None:
        return Linter(from_dict(_thaw(settings) if settings else {}), {}, spec.today)
    return spec.build()


def lint_records(records: Iterable[Any], spec: LinterSpec) -> list[dict[str, Any]]:
    """Lint one partition of postings (dicts, or plain strings of text) with the worker's
    Linter; each gives one report dict, in order."""
    from .batch import lint_json_line

    linter = worker_linter(spec)
    out = []
    for i, record in enumerate(records, 1):
        if isinstance(record, str):
            record = {"id": None, "text": record}
        line = json.dumps(record, ensure_ascii=False, default=str)
        out.append(json.loads(lint_json_line(linter, (i, line)).json))
    for report in out:
        report.pop("line", None)  # a position within the partition means nothing outside it
    return out


def lint_bag(bag: Any, config: Any = None) -> Any:
    """A Dask Bag of report dicts, one per posting of ``bag`` (dicts with ``text``, ``id``,
    ``format``), computed partition by partition on the workers."""
    spec = _spec(config)
    return bag.map_partitions(lint_records, spec)


REPORT_COLUMNS = ("id", "score", "error", "errors", "warnings", "infos", "findings", "report")


def _partition_frame(
    frame: Any, spec: LinterSpec, text_column: str, id_column: str | None, format_column: str | None
) -> Any:
    import pandas as pd

    records = []
    ids = frame[id_column] if id_column else frame.index
    formats = frame[format_column] if format_column else [None] * len(frame)
    for ident, text, fmt in zip(ids, frame[text_column], formats, strict=True):
        record: dict[str, Any] = {"id": _plain(ident), "text": text}
        if isinstance(fmt, str) and fmt:
            record["format"] = fmt
        records.append(record)
    rows = []
    for report in lint_records(records, spec):
        severities = [f["severity"] for f in report.get("findings", [])]
        rows.append(
            {
                "id": report.get("id"),
                "score": report.get("score"),
                "error": report.get("error"),
                "errors": severities.count("error"),
                "warnings": severities.count("warning"),
                "infos": severities.count("info"),
                "findings": len(severities),
                "report": json.dumps(report, ensure_ascii=False),
            }
        )
    return pd.DataFrame(rows, columns=list(REPORT_COLUMNS), index=frame.index)


def _plain(value: Any) -> Any:
    """A numpy scalar id as a plain Python value (so it survives json.dumps)."""
    return value.item() if hasattr(value, "item") else value


def _meta() -> Any:
    import pandas as pd

    return pd.DataFrame(
        {
            "id": pd.Series(dtype=object),
            "score": pd.Series(dtype="float64"),
            "error": pd.Series(dtype=object),
            "errors": pd.Series(dtype="int64"),
            "warnings": pd.Series(dtype="int64"),
            "infos": pd.Series(dtype="int64"),
            "findings": pd.Series(dtype="int64"),
            "report": pd.Series(dtype=object),
        }
    )


def lint_dataframe(
    ddf: Any,
    text_column: str = "text",
    id_column: str | None = "id",
    format_column: str | None = None,
    config: Any = None,
) -> Any:
    """A Dask DataFrame with one row per posting of ``ddf`` (same index and partitions):
    ``id``, ``score``, ``error``, counts of ``errors``/``warnings``/``infos``, ``findings``
    and the full per-posting ``report`` as JSON text."""
    spec = _spec(config)
    return ddf.map_partitions(
        _partition_frame, spec, text_column, id_column, format_column, meta=_meta()
    )


__all__ = ["lint_bag", "lint_dataframe", "lint_records", "worker_linter"]
