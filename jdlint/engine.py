"""The Linter: read a posting, run the active rules, apply suppressions, sort findings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from . import budget, packs, readers, startup, suppress
from . import config as cfg
from .checks import KINDS
from .checks.context import Context
from .errors import InputError
from .findings import Finding, Severity, one_per_fact
from .nlp import get_nlp
from .posting import Posting
from .roles import GENERAL, RoleData, detect
from .textio import decode, read_file

# Points a finding takes off the 0-100 score, by severity.
PENALTY = {Severity.ERROR: 10, Severity.WARNING: 4, Severity.INFO: 1}


@dataclass
class FileReport:
    path: str
    findings: list[Finding] = field(default_factory=list)
    posting: Posting | None = None
    error: str | None = None
    profile: dict[str, str] = field(default_factory=lambda: {"id": "general", "source": "default"})
    metrics: dict[str, Any] = field(default_factory=dict)
    coverage: Any = None

    @property
    def score(self) -> int | None:
        if self.error:
            return None
        return max(0, 100 - sum(PENALTY[f.severity] for f in self.findings))

    def line_col(self, offset: int) -> tuple[int, int]:
        assert self.posting is not None
        return self.posting.lines.line_col(offset)


class Linter:
    """Keeps packs and the spaCy pipeline loaded across many postings.

    ``config`` fixes one configuration for every file; without it each file uses the
    nearest config found upward from it (``overrides`` from the command line on top).
    """

    def __init__(
        self,
        config: cfg.Config | None = None,
        overrides: dict[str, Any] | None = None,
        today: dt.date | None = None,
    ) -> None:
        self.fixed_config = config
        self.overrides = overrides or {}
        self.today = today
        self._rulesets: dict[
            tuple[str | None, str], tuple[cfg.Config, packs.PackSet, list[packs.Rule]]
        ] = {}

    # -- configuration -----------------------------------------------------------

    def config_for(self, path: str | None) -> cfg.Config:
        if self.fixed_config is not None:
            base = self.fixed_config
        else:
            base = cfg.discover(str(Path(path).parent if path and path != "-" else Path.cwd()))
        return base.merged(self.overrides)

    def ruleset(self, config: cfg.Config) -> tuple[packs.PackSet, list[packs.Rule]]:
        """Packs and active rules for a config, computed once per distinct config."""
        cache_key = (config.path, repr(sorted(config.values.items(), key=lambda kv: kv[0])))
        if cache_key not in self._rulesets:
            pack_set = packs.load(config.pack_paths(), config.extra_sections())
            self._rulesets[cache_key] = (config, pack_set, cfg.active_rules(pack_set, config))
        _, pack_set, rules = self._rulesets[cache_key]
        return pack_set, rules

    def check_config(self, path: str | None = None) -> None:
        """Raise ConfigError now, before any file is read, if the config is invalid."""
        self.ruleset(self.config_for(path))

    def may_fix(self, text: str, path: str | None = None) -> bool:
        """False when no active rule could fix anything in ``text``: every kind that makes
        fixes names the words a fix needs (``fix_words``), and none is in the text. True
        whenever a kind cannot say (then the posting must be linted to know)."""
        _, rules = self.ruleset(self.config_for(path))
        words: set[str] = set()
        for rule in rules:
            kind = KINDS[rule.kind]
            if not getattr(kind, "FIXES", False):
                continue
            named = kind.fix_words(rule) if hasattr(kind, "fix_words") else None
            if named is None:
                return True
            words |= named
        if not words:
            return False
        lowered = text.lower().replace("\u2019", "'")
        return any(w in lowered for w in words)

    def read_problem(self, text: str, path: str = "<text>", fmt: str | None = None) -> str | None:
        """The error linting would give ``text`` before any rule runs (empty, broken front
        matter, ...), found without spaCy; None when it reads."""
        if not text.strip():
            return "file is empty"
        pack_set, _ = self.ruleset(self.config_for(path if path != "<text>" else None))
        try:
            readers.read(text, path, pack_set.vocabulary, fmt)
        except InputError as e:
            return str(e)
        return None

    # -- linting -----------------------------------------------------------------

    def lint_text(self, text: str, path: str = "<text>", fmt: str | None = None) -> FileReport:
        config = self.config_for(path if path != "<text>" else None)
        pack_set, rules = self.ruleset(config)
        report = FileReport(path)
        if not text.strip():
            report.error = "file is empty"
            return report
        model = config.get("nlp", {}).get("model")
        get_nlp(model)  # built once per process, before (and outside) any posting's budget
        startup.resume()  # the process has started: see jdlint/startup.py
        seconds = budget.seconds_for(len(text), config.get("time-limit"))
        try:
            with budget.Budget(seconds) as spent:
                return self._lint(text, path, fmt, config, pack_set, rules, model, spent)
        except budget.OverBudget as e:
            return FileReport(path, error=e.message)

    def _lint(
        self,
        text: str,
        path: str,
        fmt: str | None,
        config: cfg.Config,
        pack_set: packs.PackSet,
        rules: list[packs.Rule],
        model: str | None,
        spent: budget.Budget,
    ) -> FileReport:
        report = FileReport(path)
        try:
            posting = readers.read(text, path, pack_set.vocabulary, fmt)
        except InputError as e:
            report.error = str(e)
            return report
        report.posting = posting
        try:
            report.profile = _profile(
                posting, config, self.overrides.get("profile"), pack_set.roles
            )
        except InputError as e:
            report.error = e.message
            return report
        ignored = cfg.ignored_for(config, path) if path not in ("<text>", "-") else []
        ctx = Context(
            posting,
            settings={
                "config": config,
                "rules": pack_set.rules,
                "profile": report.profile["id"],
                "roles": pack_set.roles,
            },
            today=self.today or dt.date.today(),
            _nlp_factory=partial(get_nlp, model),
        )
        findings: list[Finding] = []
        summary = ctx.teaser() is not None
        try:
            for rule in rules:
                spent.check()  # where no timer can interrupt (a thread), between rules
                if ignored and cfg.rule_ignored(ignored, rule.code, rule.name):
                    continue
                kind = KINDS[rule.kind]
                if summary and getattr(kind, "FULL_POSTING", False):
                    continue  # a summary of the job is not judged as the whole posting (S106)
                findings.extend(kind.check(rule, ctx))
            spent.check()
            report.metrics = _metrics(ctx)
        except InputError as e:  # the text is more than the spaCy pipeline takes
            return FileReport(path, error=e.message)
        comments = suppress.scan(text, posting.lines)
        findings.extend(_suppression_problems(comments, pack_set, rules, posting))
        if comments.regions:
            index = suppress.Suppressions(comments.regions)
            findings = [
                f
                for f in findings
                if not index.covers(posting.lines.line_col(f.start)[0], f.code, f.name)
            ]
        findings = one_per_fact(findings)
        findings.sort(key=lambda f: (f.start, f.code, f.end))
        report.findings = findings
        report.coverage = ctx._coverage or None
        return report

    def lint_file(self, path: str | Path, fmt: str | None = None) -> FileReport:
        path = str(path)
        config = self.config_for(path)
        limit = config.get("max-file-size", DEFAULT_MAX_BYTES)
        try:
            data, _ = read_file(Path(path), limit)
            text = decode(data)
        except InputError as e:
            return FileReport(path, error=str(e))
        return self.lint_text(text, path, fmt)


DEFAULT_MAX_BYTES = 5_000_000


def _profile(
    posting: Posting, config: cfg.Config, cli: str | None, roles: RoleData
) -> dict[str, str]:
    """The role profile: command line, front matter, config, else detected from the title.

    The command line's and the config's were checked before any posting was read
    (``config.check_profile``); a front matter profile that names none is S001's finding,
    and the posting is linted with the profile it would have had without it."""
    given = [
        (cli, "command-line"),
        (posting.meta.get("profile"), "front-matter"),
        (config.get("profile"), "config"),
    ]
    for value, source in given:
        if isinstance(value, str) and value.strip():
            pid = value.strip()
            if pid != GENERAL and pid not in roles.profiles:
                if source == "front-matter":
                    continue
                known = ", ".join([GENERAL, *sorted(roles.profiles)])
                raise InputError(f"unknown profile '{pid}' from {source} (profiles: {known})")
            return {"id": pid, "source": source}
    pid, source = detect(posting, roles)
    return {"id": pid, "source": source}


def _suppression_problems(
    comments: suppress.Scan, pack_set: packs.PackSet, rules: list[packs.Rule], posting: Posting
) -> list[Finding]:
    """S002: a code in a suppression comment that names no rule, and a comment that nearly
    is a suppression (``jdlint: disable``); either would otherwise hide nothing, silently.
    The message says what the comment still does, so it never claims that nothing is
    suppressed while its other codes are."""
    from .didyoumean import hint

    rule = next((r for r in rules if r.kind == "suppression-comment"), None)
    if rule is None or not (comments.mentions or comments.near_misses):
        return []
    names = cfg.selector_names(pack_set)
    out = []

    def known(selector: str) -> bool:
        return any(cfg.rule_ignored([selector], r.code, r.name) for r in pack_set.rules.values())

    for m in comments.mentions:
        unknown = [s for s in m.selectors if not known(s)]
        valid = [s for s in m.selectors if known(s)]
        verb = "turns back on" if m.action == "enable" else "suppresses"
        for selector in unknown:
            if valid:
                effect = f"it {verb} nothing (the comment still {verb} {', '.join(valid)})"
            else:
                effect = f"the comment {verb} nothing"
            problem = (
                f"jdlint-{m.action} names '{selector}', which is no rule code, prefix or "
                f"name{hint(selector, names)}: {effect}."
            )
            start, end = posting.lines.offset(m.line), posting.lines.line_end(m.line)
            out.append(rule.finding(start, end, problem=problem, selector=selector))
    for near in comments.near_misses:
        problem = (
            f"'{near.typed}' is not a suppression comment and suppresses nothing: "
            f"did you mean '{near.meant}'?"
        )
        start, end = posting.lines.offset(near.line), posting.lines.line_end(near.line)
        out.append(rule.finding(start, end, problem=problem, selector=near.typed))
    return out


def _metrics(ctx: Context) -> dict[str, Any]:
    posting = ctx.posting
    body = posting.body_blocks()
    sentences = sum(len(list(ctx.analysis.doc(b.index).sents)) for b in body) if body else 0
    metrics: dict[str, Any] = {"words": posting.words, "sentences": sentences}
    if body:
        from . import readability

        # textstat on the posting's prose, the same values the R1xx rules read.
        metrics.update(readability.get(ctx).rounded())
    return metrics
