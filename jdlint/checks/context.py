"""What a check sees: the posting, the run's settings, and the NLP layer on demand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..posting import Posting

if TYPE_CHECKING:
    from ..nlp import Analysis
    from ..roles import Coverage


@dataclass
class Context:
    posting: Posting
    settings: dict[str, Any] = field(default_factory=dict)
    today: dt.date = field(default_factory=dt.date.today)
    _analysis: Analysis | None = None
    _nlp_factory: Any = None
    _coverage: Any = None
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False)

    def memo(self, key: Any, build: Any) -> Any:
        """``build()`` on first use of ``key``, then the same value for this posting: what
        several rules derive from the posting (keywords, readability) is built once."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = build()
            return value

    @property
    def analysis(self) -> Analysis:
        """spaCy docs for the posting's blocks, built on first use and shared by all rules."""
        if self._analysis is None:
            from ..nlp import analyse

            self._analysis = analyse(self.posting, self._nlp_factory)
        return self._analysis

    def coverage(self) -> Coverage | None:
        """The role profile's concepts and where each was found; None for no role profile."""
        if self._coverage is None:
            from ..roles import measure

            self._coverage = measure(self) or False
        return self._coverage or None

    def teaser(self) -> tuple[int, int, str] | None:
        """The pointer to the full description when the posting is only a summary."""
        from ..teaser import find

        return self.memo("teaser", lambda: find(self.posting))

    def keyed_sections(self) -> list[str]:
        return [s.key for s in self.posting.sections if s.key and not s.implicit]
