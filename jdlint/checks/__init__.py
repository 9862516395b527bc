"""Rule kinds: one module each. A rule in rules/*.yaml names its kind and sets its options.

Each kind module declares ``KIND`` (its name in packs), ``OPTIONS`` (validated against
packs and config), ``MESSAGE_FIELDS`` (what a rule's message may use), ``NEEDS``
("nlp" when it reads spaCy docs) and ``check(rule, ctx)``, a generator of findings. A kind
that judges the posting as a whole (its sections, duties, length) sets ``FULL_POSTING``, and
is not run on a summary that points to the full job description (``jdlint/teaser.py``).
"""

from __future__ import annotations

from types import ModuleType

from . import (  # seo (rules/seo.yaml) and compliance (rules/compliance.yaml)
    age_screen,
    broken_contact,
    candidate_pronoun,
    conflicting_facts,
    date_check,
    duplicate_content,
    empty_section,
    front_matter,
    gender_coded,
    glued_words,
    jsonld_check,
    keyword_coverage,
    keyword_placement,
    keyword_stuffing,
    list_required,
    location_stated,
    long_block,
    long_sentence,
    must_preference,
    other_department,
    other_language,
    passive_voice,
    pay_stated,
    pay_transparency,
    physical_requirement,
    placeholder,
    posting_length,
    readability_metric,
    remote_demands,
    required_section,
    requirement_count,
    role_coverage,
    run_together,
    second_person,
    section_headings,
    statement_required,
    summary_posting,
    suppression_comment,
    term,
    third_person_reader,
    title_guideline,
    title_hygiene,
    undefined_acronym,
)

_MODULES: tuple[ModuleType, ...] = (
    # inclusive language (rules/inclusive.yaml)
    age_screen,
    candidate_pronoun,
    gender_coded,
    physical_requirement,
    term,
    # readability (rules/readability.yaml)
    long_sentence,
    must_preference,
    other_language,
    passive_voice,
    pay_stated,
    readability_metric,
    requirement_count,
    second_person,
    third_person_reader,
    undefined_acronym,
    empty_section,
    front_matter,
    list_required,
    long_block,
    required_section,
    role_coverage,
    run_together,
    section_headings,
    summary_posting,
    suppression_comment,
    # seo (rules/seo.yaml)
    jsonld_check,
    keyword_coverage,
    keyword_placement,
    keyword_stuffing,
    posting_length,
    title_guideline,
    # compliance (rules/compliance.yaml)
    pay_transparency,
    statement_required,
    # hygiene (rules/hygiene.yaml)
    broken_contact,
    conflicting_facts,
    date_check,
    duplicate_content,
    glued_words,
    location_stated,
    other_department,
    placeholder,
    remote_demands,
    title_hygiene,
)

KINDS: dict[str, ModuleType] = {m.KIND: m for m in _MODULES}
