"""Cheap tests that spare a costly pattern must never change what the pattern finds.

Each prefilter (a word list, a literal-led pattern, an index of first words) is compared
with the full search it guards, on wordings of every alternative the pattern knows and on
near misses.
"""

from __future__ import annotations

import re

import pytest

from jdlint import location, prefilter, statements, terms

EEO_WORDINGS = [
    "We are an Equal Opportunity Employer.",
    "An equal-employment opportunity employer.",
    "Equal opportunities for all.",
    "EOE, including disability and veterans.",
    "EEO employer.",
    "E.O.E. M/F/D/V",
    "We are an affirmative action employer.",
    "Applicants are considered without regard to race or religion.",
    "without regard to an applicant's disability",
    "regardless of their background",
    "We do not discriminate on the basis of age.",
    "Our company will not discriminate against anyone.",
    "We welcome applications from all sections of the community.",
    "We encourage applicants from everyone.",
    "We are committed to equality and diversity.",
    "committed to promoting equality",
    "equality, diversity and inclusion",
    "A Disability Confident employer.",
    "Minorities/Females/Disabled/Veterans",
    # near misses: words of the list with no statement
    "Equal pay reviews happen yearly.",
    "Work without supervision.",
    "We welcome you to our team.",
    "Disability insurance is provided.",
    "No statement here at all.",
    # non-ASCII text is always searched in full
    "An equal opportunity employer ſince 1990.",
    "WE DO NOT DI\u017fCRIMINATE.",
]

ACCOMMODATION_WORDINGS = [
    "Reasonable accommodations are available.",
    "We make reasonable adjustments for interviews.",
    "If you need an accommodation, tell us.",
    "Candidates may request any adjustments.",
    "Accommodation is available on request.",
    "Accommodations during the interview are offered.",
    "ask for an accommodation in the application",
    "Accommodation and travel are paid.",  # a near miss
    "Flexible hours and a parking space.",
]


def test_the_wordings_cover_matches_and_misses() -> None:
    """The lists above hold both kinds, so the comparison can fail either way."""
    found = [statements.EEO.search(t) is not None for t in EEO_WORDINGS]
    assert any(found) and not all(found)
    found = [statements.ACCOMMODATION.search(t) is not None for t in ACCOMMODATION_WORDINGS]
    assert any(found) and not all(found)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Remote - US", [(None, None, "US", True)]),
        ("Fully remote, anywhere in the United States", [(None, None, "US", True)]),
        ("Boston, MA 02110", [("Boston", "MA", "US", False)]),
        ("Portland, Oregon", [("Portland", "OR", "US", False)]),
        ("Toronto, ON M5V 2T6", [("Toronto", "ON", "CA", False)]),
        ("Toronto, ON", []),  # "ON" alone may be the word "on"
        ("Berlin, Germany", [("Berlin", None, "DE", False)]),
        ("Remote in Germany", [(None, None, "DE", True)]),
        ("Boston MA", []),  # no comma: no place by the comma patterns
        ("Seeing patients, families and carers.", []),
    ],
)
def test_places_are_read_with_the_cheap_tests_in_front(text: str, expected: list) -> None:
    got = [(p.city, p.region, p.country, p.remote) for p in location.parse(text)]
    assert got == expected


def test_excluded_states_need_an_excluding_word() -> None:
    codes, spans = location.exclusions("Remote, excluding HI, AK")
    assert codes == {"HI", "AK"} and spans
    codes, spans = location.exclusions("We cannot hire in Alaska or Hawaii.")
    assert codes == {"AK", "HI"}
    assert location.exclusions("Remote, open in HI, AK") == (frozenset(), [])


def _slow_phrase_spans(text: str, phrases: list[str]) -> list[tuple[int, int]]:
    """phrase_spans without the first-word index: every phrase's expression tried."""
    low = text.lower().replace("’", "'")
    spans = []
    for phrase in phrases:
        p = phrase.lower().replace("’", "'")
        if not p:
            continue
        regex = re.compile(r"(?<!\w)" + re.escape(p).replace(r"\ ", r"[\s\-]+") + r"(?!\w)")
        spans += [(m.start(), m.end()) for m in regex.finditer(low)]
    return spans


LONG_LIST = [
    "competitive salary",
    "competitive-pay",
    "time-sensitive",
    "clients' independence",
    " leading space",
    "team leader",
    "Leaders",
    "kind of",
    "active  listening",
    "café culture",
    "401k match",
    "",
]


@pytest.mark.parametrize(
    "text",
    [
        "We offer a competitive salary and a competitive-pay review.",
        "Time-sensitive work; promote clients' independence.",
        "Our team leader and other leaders, kind of.",
        "Practise active listening in our café culture with a 401k match.",
        "A competitive salaries list: none of these phrases, leadership only.",
        "Teamleader leadersh kindof",
        "Join a  leading space for care.",
    ],
)
def test_a_long_phrase_list_finds_what_every_phrase_finds(text: str) -> None:
    assert len(LONG_LIST) > terms._LONG_LIST  # the index is in play
    assert sorted(terms.phrase_spans(text, LONG_LIST)) == sorted(
        _slow_phrase_spans(text, LONG_LIST)
    )


VAGUE_WORDINGS = [
    "Competitive pay and benefits.",
    "competitive base pay",
    "Salary is negotiable.",
    "Compensation DOE.",
    "Pay: TBD",
    "Wage DOQ",
    "Pay depending on experience.",
    "dependent on experience",
    "Commensurate with qualifications.",
    "Based on experience.",
    "At market-rate.",
    "market rate pay",
    "Salary is $50,000 and negotiable.",  # a figure and a vague word
    "Competitive advantage in the market.",  # near misses
    "Pay is weekly.",
    "No pay words at all.",
    "Pay: TBD \u212a",  # non-ASCII: searched in full
]


@pytest.mark.parametrize("text", VAGUE_WORDINGS)
def test_vague_pay_prefilter_finds_what_the_pattern_finds(text: str) -> None:
    from jdlint import pay

    full = [(m.start(), m.end()) for m in pay.VAGUE.finditer(text)]
    found = [(p.start, p.end) for p in pay.find(text) if p.kind == "vague"]
    assert found == full or (found and set(found) <= set(full))


def test_the_unsafe_letters_are_all_that_ignorecase_reads_as_ascii_and_lower_does_not() -> None:
    """``prefilter.lacks`` lower-cases a text and looks for plain words. That is exact only
    when every character IGNORECASE matches to an ASCII letter lower-cases to that very
    letter, or is one of ``UNSAFE`` (a text holding one is always searched in full): this
    Python's Unicode tables, checked whole."""
    from jdlint import prefilter

    letter = re.compile(r"(?i)[a-z]")
    odd = [
        c
        for c in map(chr, range(0x80, 0x110000))
        if letter.fullmatch(c) and not (len(c.lower()) == 1 and letter.fullmatch(c.lower()))
    ]
    assert odd and set(odd) <= set(prefilter.UNSAFE)
    assert prefilter.lacks("Unable to travel ’ •", ("excl",))  # other non-ASCII: ruled out
    assert not prefilter.lacks("eſcl", ("excl",))  # "ſ" reads as "s": searched in full


FIGURE_WORDINGS = [
    "$55,000 - $65,000 a year",
    "USD 25 to 30 per hour",
    "eur 40k-50k",
    "£30,000 per annum",
    "€45,000 per year",
    "Pay: NZD 28.50 hourly",
    "aud 90,000 per year",
    "Starting at $22/hr and up",
    "CAD $60,000 a year",
    "12 months, 40 hours a week, 2 visits",  # figures without a currency
    "Room 101 \u2019s 3 beds",
    "u\u017fd 40 an hour",  # "ſ": searched in full
    "\u0130 50 \u212aUSD",
]


@pytest.mark.parametrize("text", FIGURE_WORDINGS)
def test_the_figure_prefilter_finds_what_the_figure_patterns_find(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``pay.find`` skips the range and single-figure patterns where no currency symbol
    or code stands; without the cheap test it finds the same."""
    from jdlint import pay

    guarded = pay.find(text)
    monkeypatch.setattr(pay, "lacks", lambda text, words: False)
    assert guarded == pay.find(text)


def test_the_figure_wordings_cover_matches_and_misses() -> None:
    from jdlint import pay

    found = [any(p.kind != "vague" for p in pay.find(t)) for t in FIGURE_WORDINGS]
    assert found.count(True) >= 8 and found.count(False) >= 2


LEGAL_WORDINGS = [
    "Read our privacy policy.",
    "We process personal data lawfully.",
    "Data protection applies.",
    "GDPR and CCPA notices.",
    "We participate in E-Verify.",
    "Employment is at-will.",
    "A drug-free workplace.",
    "Subject to a background check.",
    "A criminal record check is required.",
    "Pay Transparency Nondiscrimination Provision",
    "We follow Fair Chance hiring.",
    "Conviction records are considered.",
    "Americans with Disabilities Act",
    "Title VII of the Civil Rights Act",
    "OFCCP and VEVRAA and Section 503",
    "I hereby certify that this is true.",
    "I understand the terms.",
    "Under pay transparency laws the range is given.",
    "The employer in good faith believes the range is accurate.",
    "By applying, you agree to the terms.",
    "Care planning with clients and families.",  # near misses
    "We will review your application.",
    "Personal growth matters.",
]


def test_legal_wordings_cover_matches_and_misses() -> None:
    found = [statements.LEGAL.search(t) is not None for t in LEGAL_WORDINGS]
    assert found.count(False) >= 3 and found.count(True) >= 18


def test_a_stream_of_known_tokens_is_the_stream_the_full_loop_builds() -> None:
    """A block whose every token was met before is streamed by list operations: the same
    forms, offsets, groups and hidden marks as the token-by-token loop."""
    from jdlint import packs
    from jdlint.nlp import analyse
    from jdlint.readers import read

    text = (
        "# Case Manager\n\n"
        "Our client's 40-hour week: plan care, review meds (daily) & visit twenty homes.\n\n"
        "- Lift 50lbs; the chairman’s H-1B visa, self-confident, 21–35 years.\n"
    )
    posting = read(text, "p.md", packs.load().vocabulary, "markdown")
    terms._plain_memo.clear()
    first = analyse(posting)
    slow = [terms.stream(doc, first) for doc in first.docs]
    known = dict(terms._plain_memo)
    assert any(v is terms._DROPPED for v in known.values())  # punctuation remembered
    second = analyse(posting)
    fast = [terms.stream(doc, second) for doc in second.docs]
    assert [(s.forms, s.starts, s.ends, s.group, s.hidden) for s in fast] == [
        (s.forms, s.starts, s.ends, s.group, s.hidden) for s in slow
    ]
    # The heading holds only plain words met before (the list path's case).
    assert fast[0].forms == [("case", "case"), ("manager", "manager")]


def test_a_pattern_set_finds_in_the_posting_what_each_block_search_finds() -> None:
    """``PatternSet.found`` starts each pattern only where the posting's index of forms
    holds one of its first forms: the same spans, block by block and pattern by pattern,
    as ``find_all`` on every block's stream, optional first words and lemmas included."""
    from jdlint import packs
    from jdlint.nlp import analyse
    from jdlint.readers import read

    text = (
        "# Chairman of Care Coordination\n\n"
        "The chairmen review drug screens and clean urine tests; a clean drug test, twice.\n\n"
        "- Lift 50lbs and lift up to fifty pounds; must be able to lift 25 kg.\n"
        "- He/she will be a young, energetic digital native; addicts and an addict.\n"
        "- Salesmen, salesman, self-confident, non-compliant and non compliant clients.\n"
    )
    patterns = (
        "chairman",
        "clean drug? test|screen|urine",
        "lift up? to? # lbs|pounds",
        "drug? test",
        "he / she",
        "young",
        "digital native",
        "addict",
        "salesman",
        "non-compliant",
        "self confident",
        "care? coordination",
        "missing words",
    )
    posting = read(text, "p.md", packs.load().vocabulary, "markdown")
    analysis = analyse(posting)
    index = terms.PatternSet(patterns)
    want: dict[int, list] = {}
    for b, doc in enumerate(analysis.docs):
        s = terms.stream(doc, analysis)
        for i, compiled in enumerate(index.compiled):
            spans = terms.find_all(s, compiled)
            if spans:
                want.setdefault(b, []).append((i, spans))
    got = index.found(analysis)
    assert got == want
    assert len(got) >= 3 and sum(len(v) for v in got.values()) >= 10


def test_the_acronym_pattern_led_by_its_capital_finds_what_the_look_behind_form_finds() -> None:
    """undefined_acronym's pattern tests the character before an acronym after its first
    capital (so the search skips to capitals); on any text it finds what the form with
    the look-behind in front finds."""
    import random

    from jdlint.checks import undefined_acronym

    before = re.compile(r"(?<![\w&'’.-])([A-Z][A-Z0-9]*[A-Z])(s?)(?![\w&-]|\.[A-Za-z]|/\d)")
    rng = random.Random(15)
    alphabet = "aAbBZzsS01.-&'’@#/: _é"
    texts = ["RN and LPN staff; the CCMs (CCM).", "x-RAY, R&D, U.S. HIPAA/1 AB", ""]
    texts += [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(20000)
    ]
    for text in texts:
        want = [(m.span(), m.groups()) for m in before.finditer(text)]
        got = [(m.span(), m.groups()) for m in undefined_acronym._ACRONYM.finditer(text)]
        assert got == want, text


STATEMENT_CASES = [
    (name, text)
    for name, texts in (
        ("EEO", EEO_WORDINGS),
        ("ACCOMMODATION", ACCOMMODATION_WORDINGS),
        ("LEGAL", LEGAL_WORDINGS),
    )
    for text in texts
]


@pytest.mark.parametrize("name, text", STATEMENT_CASES)
def test_a_statement_prefilter_finds_what_its_pattern_finds(name: str, text: str) -> None:
    pattern = getattr(statements, name)
    full = pattern.search(text)
    fast = statements.search(pattern, text)
    assert (full and full.span()) == (fast and fast.span())


def test_keyword_occurrences_start_only_where_the_first_word_stands() -> None:
    """``keywords.occurrences`` tries a keyword only where its first word stands: the same
    hits, left to right and not overlapping, as trying it at every token."""
    import random

    from jdlint import keywords

    def every_token(keyword: keywords.Keyword, tokens: list) -> list[tuple[int, int]]:
        k, hits, i = len(keyword.words), [], 0
        while i <= len(tokens) - k:
            if all(keywords._same(keyword.words[j], tokens[i + j]) for j in range(k)):
                hits.append((i, i + k - 1))
                i += k
            else:
                i += 1
        return hits

    rng = random.Random(7)
    forms = [("case", "case"), ("cases", "case"), ("manager", "manager"), ("managers", "manager")]
    forms += [("care", "care"), ("a", "a")]
    for _ in range(3000):
        tokens = [(*rng.choice(forms), 0, 0) for _ in range(rng.randint(0, 12))]
        words = tuple(rng.choice(forms) for _ in range(rng.randint(1, 3)))
        keyword = keywords.Keyword("x", "x", words)
        assert keywords.occurrences(keyword, tokens) == every_token(keyword, tokens)


def test_the_money_test_finds_what_the_money_pattern_finds() -> None:
    """conflicting_facts looks for a currency by substring tests before its pattern."""
    import random

    from jdlint.checks import conflicting_facts as cf

    rng = random.Random(11)
    pieces = ["USD", "usd", "xUSD", "USDx", "NZD ", "$", "£", "€", "💰", " ", "a", "1", "_", "é"]
    texts = ["Pay: USD 50,000", "AUDIT teams", "CADENCE", "GBP-led", "no money here", ""]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(20000)]
    for text in texts:
        assert cf._has_money(text) == (cf._MONEY.search(text) is not None), text


EURO_WORDINGS = [
    "€ 2.800 brutto pro Monat",
    "2.800,- € pro Monat",
    "EUR 2.500 bis 3.000",
    "da 30.000 a 35.000 €",
    "RAL 30-35k",
    "od 1 500 zł",
    "nuo 2000 iki 2500 EUR",
    "Euro 40.000 jährlich",
    "PLN 9 000 miesięcznie",
    "2.800 pro Monat",  # figures without a mark
    "Team of 12, 3 sites",
    "eur 2.800",  # lower case: no mark for these patterns
]


@pytest.mark.parametrize("text", EURO_WORDINGS)
def test_the_euro_mark_prefilter_finds_what_the_euro_patterns_find(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jdlint import pay_eu

    guarded = pay_eu.find(text)
    monkeypatch.setattr(pay_eu, "_MARKS", ("",))  # "" is in every text: no prefilter
    assert guarded == pay_eu.find(text)


def test_the_euro_wordings_cover_matches_and_misses() -> None:
    from jdlint import pay_eu

    found = [bool(pay_eu.find(t)) for t in EURO_WORDINGS]
    assert found.count(True) >= 7 and found.count(False) >= 3


def test_a_text_the_remote_prefilter_rules_out_has_no_remote_word() -> None:
    """Wherever ``lacks`` rules a text out, ``_REMOTE_WORDS`` finds nothing, on wordings of
    every alternative, near misses and random mixes with the letters IGNORECASE reads as
    ASCII."""
    import random

    regex, words = location._REMOTE_WORDS, location._REMOTE_NEEDS
    rng = random.Random(5)
    pieces = ["remote", "REMOTELY", "telecommuting", "work from home", "Work  From\tHome"]
    pieces += ["WFH", "wfh", "home", "work", "remo", "ſ", "ı", "İ", "\u212a", " ", "é", "-"]
    texts = ["A remote role.", "Work from home two days.", "Hybrid, in office.", ""]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 5))) for _ in range(20000)]
    ruled_out = 0
    for text in texts:
        if prefilter.lacks(text, words):
            ruled_out += 1
            assert regex.search(text) is None, text
    assert ruled_out > 100


def test_the_duty_pattern_led_by_its_letters_finds_what_the_look_behind_form_finds() -> None:
    """assemble's duty pattern starts each alternative with its letter (the look-behind
    after it), so the search skips to "T", "Y", "R" and "y"; on any text it finds what the
    form with the look-behind in front finds."""
    import random

    from jdlint.readers import assemble

    before = re.compile(
        r"(?:^|(?<=[.!?;]\s))(?:To\s+(?!be\b)[a-z]{3,}|You(?:\s+will|'ll|’ll)\s+(?:also\s+)?"
        r"(?!have\b|be\b|need\b|hold\b|receive\b|get\b|enjoy\b|join\b|benefit\b|gain\b|earn\b)"
        r"[a-z]{3,}|Responsible\s+for\b)"
        r"|\byou\s+(?:are|will\s+be)\s+responsible\s+(?:and\s+accountable\s+)?for\b"
    )
    rng = random.Random(23)
    # Words of the pattern and the characters around them, glued at random.
    pieces = [
        *"Tty.;!? \t\n\u00a0aé1_",
        "To",
        "You",
        "you",
        "will",
        "'ll",
        "’ll",
        "also",
        "be",
        "have",
        "plan",
        "Responsible",
        "responsible",
        "for",
        "are",
        "and accountable",
        "are responsible for",
        "You will",
        "Tox",
        "xyou",
    ]
    texts = [
        "To assess needs. You will coordinate care; you are responsible for rotas.",
        "Responsible for audits. Tom will help. You'll also plan. You will be paid.",
        "Xyou are responsible for x. To be kind. (You will lead) yes.You will go",
        "",
    ]
    texts += [
        " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        if rng.random() < 0.5
        else "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        for _ in range(20000)
    ]
    found = 0
    for text in texts:
        want = [m.span() for m in before.finditer(text)]
        assert [m.span() for m in assemble._DUTY.finditer(text)] == want, text
        found += len(want)
    assert found >= 200


def test_all_caps_settled_by_a_lower_case_letter_agrees_with_counting_every_letter() -> None:
    """is_all_caps returns False at the first ASCII lower-case letter; on any text it says
    what collecting every letter says (letters of any script, digits and marks included)."""
    import random

    from jdlint import headings

    def before(text: str) -> bool:
        letters = re.findall(r"[^\W\d_]", text)
        return len(letters) >= 3 and all(c.isupper() for c in letters)

    rng = random.Random(7)
    alphabet = "aZBCD ÉéßΣσ1²½ⅰⓐ_-:'"
    texts = ["RN", "RNS", "ESSENTIAL DUTIES:", "Essential", "ÉTÉ", "ABⓐ", "AB½", "ABⅰ", ""]
    texts += [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(20000)
    ]
    assert sum(before(t) for t in texts) >= 100
    for text in texts:
        assert headings.is_all_caps(text) == before(text), text


def test_the_glue_pattern_led_by_a_character_finds_what_glue_finds() -> None:
    """readability's cuts come from a pattern that starts at a capital, colon, bullet or
    dash: the same (start, end) as GLUE's matches, between any start and end."""
    import random

    from jdlint import readability

    rng = random.Random(7)
    alphabet = "aAbZz.!?:-–*•· \n\tx"
    texts = ["teams * Conduct", "a * * X", ":- * * X", "ab.Cd", "xY", "abcDef. Gh - Ij", ""]
    texts += [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 25))) for _ in range(20000)
    ]
    for text in texts:
        spans = [(0, len(text))]
        spans += [tuple(sorted((rng.randint(0, len(text)), rng.randint(0, len(text)))))]
        for start, end in spans:
            want = [m.span() for m in readability.GLUE.finditer(text, start, end)]
            assert list(readability._glue(text, start, end)) == want, (text, start, end)


def test_words_are_counted_as_the_word_pattern_finds_them() -> None:
    import random

    from jdlint import posting

    rng = random.Random(8)
    alphabet = "aZ9é_-'’ .\u00b2\u0663"
    texts = ["x-ray's co-op", "a--b", "'a'", "-", ""]
    texts += [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 25))) for _ in range(20000)
    ]
    for text in texts:
        assert posting.count_words(text) == len(posting._WORD.findall(text)), text


def test_prose_lines_close_up_white_space_as_the_space_pattern_does() -> None:
    import random
    import sys

    from jdlint import readability

    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert spaces == [c for c in map(chr, range(sys.maxunicode + 1)) if re.match(r"\s", c)]
    rng = random.Random(9)
    alphabet = [*spaces, "a", ".", "\u200b", "\ufeff"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        t = re.sub(r"\s+", " ", text).strip()
        want = "" if not t else t if readability._ENDS_SENTENCE.search(t) else None
        if want is None:
            want = t.rstrip(":;,-–— ") + "."
        assert readability.prose_of([text]) == want, repr(text)


def test_a_term_list_needs_four_separators_before_its_label_is_taken_off() -> None:
    import random

    from jdlint import readability
    from jdlint.posting import count_words

    def slow(text: str) -> bool:
        body = readability._LABEL.sub("", text.strip(), count=1)
        items = [i for i in readability._ITEM_SEP.split(body) if i.strip()]
        if len(items) < 5 or readability._INNER_SENTENCE.search(body):
            return False
        return sum(count_words(i) for i in items) / len(items) <= 3

    rng = random.Random(10)
    parts = ["a", "bc d", ",", ";", ": ", ". ", " ", "Skills:", "x y z w"]
    texts = ["Skills: RN, LPN, case management, UM, QA", "a, b; c, d, e", "a, b, c, d"]
    texts += ["".join(rng.choice(parts) for _ in range(rng.randint(1, 14))) for _ in range(20000)]
    found = [readability._term_list(t) for t in texts]
    assert found == [slow(t) for t in texts]
    assert any(found) and not all(found)


GLUED_TEXTS = [
    "# Designer\n\nWe are passionateabout care.\n\n- Be passionateabout people.\n",
    "# Case Manager\n\nAsthe lead, work withtools and Spring Healthwe teams.\n",
    "# Nurse\n\nNorthzone and northzone, Instacart, GitLab, asthe ofthe into.\n",
    "<h1>Developer</h1><p>Run <code>loginportal</code>, then loginportal.</p>",
    "# Role\n\n#caseworkerjobs @carecompany passionateabout.txt dedicatedto.\n",
    "# Role\n\nNous cherchons une personne passionnée.\n\nWe are dedicatedto you.\n",
]


@pytest.mark.parametrize("text", GLUED_TEXTS)
def test_glued_words_skip_postings_with_no_candidate_and_find_the_same(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check looks for a token it could report before its token-by-token loop; with
    that test always passing, the loop finds the same."""
    from jdlint.checks import glued_words
    from jdlint.config import from_dict
    from jdlint.engine import Linter

    def run() -> list:
        path = "p.html" if text.startswith("<") else "p.md"
        report = Linter(from_dict({"select": ["ALL"]})).lint_text(text, path)
        return [(f.code, f.start, f.end, f.message) for f in report.findings]

    fast = run()
    monkeypatch.setattr(glued_words, "_any_candidate", lambda *args: True)
    assert run() == fast


def _random_texts(seed: int, parts: list[str], n: int = 20000) -> list[str]:
    import random

    rng = random.Random(seed)
    return ["".join(rng.choice(parts) for _ in range(rng.randint(1, 8))) for _ in range(n)]


PHRASE_PREFILTERS = [
    (
        "third_person_reader",
        "_PHRASE",
        11,
        [
            *("the ", "The ", "IDEAL ", "successful ", "candidate", "Applicant", "s", "'s", " "),
            *("person", "hire", "post-holder", "jobHolder", "incumbent", "individual", "ſ", "."),
        ],
        ["The ideal candidate will", "the post-holder's", "perſon", "the applicant"],
    ),
    (
        "must_preference",
        "_MUST",
        12,
        ["must", "MUST", "Must", "muſt", "mus", "t", " ", ",", "preferred", "x"],
        ["You must have Epic, preferred.", "MUSTANG", "muſt"],
    ),
]


@pytest.mark.parametrize("module, pattern, seed, parts, texts", PHRASE_PREFILTERS)
def test_a_rule_reads_only_text_its_prefilter_lets_through_where_its_pattern_matches(
    module: str, pattern: str, seed: int, parts: list[str], texts: list[str]
) -> None:
    """third_person_reader looks for its phrases only where a role word is, and
    must_preference for its clauses only where "must" is: no text the pattern matches is
    ruled out, "ſ" (an "s" under IGNORECASE) included."""
    import importlib

    rule = importlib.import_module(f"jdlint.checks.{module}")
    regex = getattr(rule, pattern)
    matched = 0
    for text in [*texts, *_random_texts(seed, parts)]:
        if regex.search(text):
            matched += 1
            assert rule._may_match(text), text
    assert matched > 100


def test_duplicate_words_of_the_whole_posting_are_each_blocks_words() -> None:
    """duplicate_content reads the posting's words in one search of the blocks joined by
    line breaks: the same words, casefolded the same, as block by block."""
    import random

    from jdlint.checks import duplicate_content as d

    rng = random.Random(13)
    alphabet = "aZß Σσς İı_9-.\u0130\ufb01\u00b2\n"
    for _ in range(5000):
        blocks = [
            "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
            for _ in range(rng.randint(0, 5))
        ]
        want: list[str] = []
        for b in blocks:
            found = d._WORD.findall(b)
            if found:
                want.extend(" ".join(found).casefold().split(" "))
        found = d._WORD.findall("\n".join(blocks))
        got = " ".join(found).casefold().split(" ") if found else []
        assert got == want, blocks
        assert len(found) == sum(len(d._WORD.findall(b)) for b in blocks)


def test_the_hardest_sentence_is_the_same_for_every_readability_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The hardest sentence is worked out once per posting; worked out by each rule that
    fires, the findings are the same."""
    from jdlint import readability
    from jdlint.checks import readability_metric
    from jdlint.config import from_dict
    from jdlint.engine import Linter

    sentence = (
        "Notwithstanding organisational considerations, comprehensive multidisciplinary "
        "collaboration necessitates extraordinarily sophisticated interpersonal capabilities"
    )
    text = "# Case Manager\n\n" + "".join(
        f"{sentence} number {i}, evidently, and continuously.\n\n" for i in range(12)
    )

    def run() -> list:
        report = Linter(from_dict({"select": ["ALL"]})).lint_text(text, "p.md")
        return [(f.code, f.start, f.end, f.message) for f in report.findings]

    fast = run()
    assert sum(1 for f in fast if "sentence" in f[3]) >= 1

    def each_time(ctx, r, min_words):  # type: ignore[no-untyped-def]
        candidates = [s for s in r.sentences if s.words >= min_words] or r.sentences
        grades = readability.grades([s.text for s in candidates])
        return max(zip(candidates, grades, strict=False), key=lambda p: p[1])

    monkeypatch.setattr(readability_metric, "_hardest", each_time)
    assert run() == fast


def test_the_lone_x_pattern_led_by_its_letter_finds_what_the_word_boundary_form_finds() -> None:
    from jdlint.checks import placeholder

    before = re.compile(r"\b[Xx]\b")
    parts = ["x", "X", "xx", " ", "-", "_", "é", "1", "$", ".", "\n", "a"]
    for text in ["Salary $X per year", "XX/XX/XXXX", "x-ray", "", *_random_texts(14, parts)]:
        want = [m.span() for m in before.finditer(text)]
        assert [m.span() for m in placeholder._LONE_X.finditer(text)] == want, text
