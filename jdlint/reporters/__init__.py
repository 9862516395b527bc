"""Report formats. Each reporter writes a whole run's reports to a stream."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

from ..engine import FileReport
from . import json_report, text

Reporter = Callable[[list[FileReport], IO[str], dict], None]

REPORTERS: dict[str, Reporter] = {
    "text": text.write,
    "json": json_report.write,
}
