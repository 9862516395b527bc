"""Rule kinds: one module each. A rule in rules/*.yaml names its kind and sets its options.

Each kind module declares ``KIND`` (its name in packs), ``OPTIONS`` (validated against
packs and config), ``MESSAGE_FIELDS`` (what a rule's message may use), ``NEEDS``
("nlp" when it reads spaCy docs) and ``check(rule, ctx)``, a generator of findings.
"""

from __future__ import annotations

from types import ModuleType

from . import (
    empty_section,
    front_matter,
    list_required,
    long_block,
    required_section,
    role_coverage,
    section_headings,
)

_MODULES: tuple[ModuleType, ...] = (
    empty_section,
    front_matter,
    list_required,
    long_block,
    required_section,
    role_coverage,
    section_headings,
)

KINDS: dict[str, ModuleType] = {m.KIND: m for m in _MODULES}
