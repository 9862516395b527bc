"""Rule kinds: one module each. A rule in rules/*.yaml names its kind and sets its options.

Each kind module declares ``KIND`` (its name in packs), ``OPTIONS`` (validated against
packs and config), ``MESSAGE_FIELDS`` (what a rule's message may use), ``NEEDS``
("nlp" when it reads spaCy docs) and ``check(rule, ctx)``, a generator of findings. A kind
that judges the posting as a whole (its sections, duties, length) sets ``FULL_POSTING``, and
is not run on a summary that points to the full job description (``jdlint/teaser.py``).

A kind's module is ``jdlint/checks/<kind with "_" for "-">.py``, imported the first time
``KINDS`` is asked for it: a run imports only the kinds of the rules it uses (with the
packs cached, none is needed to load them), and ``jdlint rules`` none at all.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from types import ModuleType

# Every kind, grouped by the pack that uses it.
KIND_NAMES: tuple[str, ...] = (
    # inclusive language (rules/inclusive.yaml)
    "age-screen",
    "candidate-pronoun",
    "gender-coded",
    "physical-requirement",
    "term",
    # readability (rules/readability.yaml)
    "long-sentence",
    "must-preference",
    "other-language",
    "passive-voice",
    "pay-stated",
    "readability-metric",
    "requirement-count",
    "second-person",
    "third-person-reader",
    "undefined-acronym",
    "empty-section",
    "front-matter",
    "list-required",
    "long-block",
    "required-section",
    "role-coverage",
    "run-together",
    "section-headings",
    "summary-posting",
    "suppression-comment",
    # seo (rules/seo.yaml)
    "jsonld-check",
    "keyword-coverage",
    "keyword-placement",
    "keyword-stuffing",
    "posting-length",
    "title-guideline",
    # compliance (rules/compliance.yaml)
    "pay-transparency",
    "statement-required",
    # hygiene (rules/hygiene.yaml)
    "broken-contact",
    "conflicting-facts",
    "date-check",
    "duplicate-content",
    "glued-words",
    "location-stated",
    "other-department",
    "placeholder",
    "remote-demands",
    "title-hygiene",
)


class _Kinds(Mapping[str, ModuleType]):
    """Kind name -> module, each imported on first use."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self._names = frozenset(names)
        self._order = names
        self._loaded: dict[str, ModuleType] = {}

    def __getitem__(self, kind: str) -> ModuleType:
        try:
            return self._loaded[kind]
        except KeyError:
            pass
        if kind not in self._names:
            raise KeyError(kind)
        module = importlib.import_module(f"{__name__}.{kind.replace('-', '_')}")
        self._loaded[kind] = module
        return module

    def __contains__(self, kind: object) -> bool:
        # Asking whether a kind exists (a pack's ``kind:``) imports nothing.
        return kind in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)


KINDS: Mapping[str, ModuleType] = _Kinds(KIND_NAMES)
