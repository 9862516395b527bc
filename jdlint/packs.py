"""Rule packs: YAML files of rules (data) that configure the rule kinds (code).

A pack is validated as it is loaded; every error names the pack file and line.
"""

from __future__ import annotations

import os
import re
import string
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import files
from .errors import ConfigError
from .findings import CATEGORIES, Finding, Severity
from .headings import SectionVocabulary
from .options import resolve
from .roles import Concept, Profile, RoleData, Slot, check_references
from .roles import parse as parse_roles

CODE = re.compile(r"^[SDKRICH]\d{3}$")
NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

_RULE_KEYS: dict[str, tuple[type, ...]] = {
    "code": (str,),
    "name": (str,),
    "kind": (str,),
    "severity": (str,),
    "message": (str,),
    "description": (str,),
    "source": (str, list),
    "options": (dict,),
    "examples": (dict,),
    "enabled": (bool,),
    "category": (str,),
}
_REQUIRED_RULE_KEYS = ("code", "name", "kind", "severity", "message", "description", "examples")
_PACK_KEYS = {
    "pack",
    "description",
    "sources",
    "sections",
    "title_words",
    "rules",
    "profiles",
    "concepts",
}
_EXAMPLE_KEYS = {"text", "format", "count", "line", "config", "path", "message"}


@dataclass
class Example:
    text: str
    format: str = "markdown"
    count: int | None = None
    line: int | None = None
    config: dict[str, Any] = field(default_factory=dict)
    where: str = ""
    message: str | None = None  # the first finding's message, word for word


@dataclass
class Rule:
    code: str
    name: str
    kind: str
    category: str
    severity: Severity
    message: str
    description: str
    source: list[str]
    options: dict[str, Any]
    examples_pass: list[Example]
    examples_fail: list[Example]
    enabled: bool = True
    pack: str = ""
    line: int = 0

    def finding(
        self,
        start: int,
        end: int,
        message: str | None = None,
        *,
        suggestions: list[str] | None = None,
        **fields: Any,
    ) -> Finding:
        """A finding of this rule; the rule's message template is filled from ``fields``."""
        text = message if message is not None else self.message.format(**fields)
        return Finding(
            code=self.code,
            name=self.name,
            category=self.category,
            severity=self.severity,
            message=text,
            start=start,
            end=max(start, end),
            suggestions=list(suggestions or []),
            data=fields,
        )


@dataclass
class PackSet:
    rules: dict[str, Rule]
    vocabulary: SectionVocabulary
    files: list[str]
    roles: RoleData = field(default_factory=RoleData)

    def by_name(self) -> dict[str, Rule]:
        return {r.name: r for r in self.rules.values()}


def builtin_dir() -> Path:
    """Packs ship inside the wheel as jdlint/_rules; a source checkout has them at rules/."""
    here = Path(__file__).resolve().parent
    installed = here / "_rules"
    return installed if installed.is_dir() else here.parent / "rules"


def pack_files(paths: list[Path]) -> list[Path]:
    """The YAML files of the packs named: a file, or every ``*.yaml`` then ``*.yml`` under
    a folder (symbolic links to folders are not followed; a folder that vanishes or cannot
    be read during the walk is passed over)."""
    out: list[Path] = []
    for p in paths:
        if files.is_dir(p):
            found: list[Path] = []
            for root, dirs, names in os.walk(p):
                dirs.sort()
                found.extend(Path(root) / n for n in names if n.endswith((".yaml", ".yml")))
            out.extend(sorted(f for f in found if f.suffix == ".yaml"))
            out.extend(sorted(f for f in found if f.suffix == ".yml"))
        elif files.exists(p):
            out.append(p)
        else:
            raise ConfigError("rule pack not found", path=str(p))
    return out


def _read_pack(f: Path) -> str:
    """A pack's text: a regular file of at most 1 MB (a FIFO or /dev/zero is an error)."""
    try:
        return files.read_regular(f, files.MAX_DATA_FILE).decode("utf-8")
    except files.NotReadable as e:
        raise ConfigError(f"cannot read rule pack: {e}", path=str(f)) from None
    except UnicodeDecodeError as e:
        raise ConfigError(
            f"cannot read rule pack: not valid UTF-8 (byte {e.start})", path=str(f)
        ) from None


@dataclass
class _Parsed:
    """What the pack files give, validated: everything of a PackSet but the sections a
    config adds."""

    rules: dict[str, Rule]
    sections: dict[str, list[str]]
    title_words: list[str]
    roles: RoleData


@lru_cache(maxsize=16)
def load(
    extra: tuple[str, ...] = (), extra_sections: tuple[tuple[str, tuple[str, ...]], ...] = ()
) -> PackSet:
    """Load the built-in packs and any extra pack files or folders (cached per process,
    and across processes in the user cache, see ``_cached``)."""
    pack_list = pack_files([builtin_dir()]) + pack_files([Path(p) for p in extra])
    texts = [_read_pack(f) for f in pack_list]
    parsed = _cached(pack_list, texts)
    sections = parsed.sections
    for key, phrases in extra_sections:
        sections.setdefault(key, []).extend(phrases)
    vocab = SectionVocabulary(sections, title_words=parsed.title_words)
    return PackSet(parsed.rules, vocab, [str(f) for f in pack_list], parsed.roles)


def _cached(pack_list: list[Path], texts: list[str]) -> _Parsed:
    """The packs parsed and validated, from the user cache when these very files (path
    and content) were validated by this version of jdlint before.

    Only a pack set that passed every check is stored, so a hit stands for content that
    was validated; a pack with an error is read and reported on every run. The entry is
    JSON, and is used only when it reads back as exactly what parsing gave."""
    from . import cache

    digest = cache.key(
        "packs", *[part for f, t in zip(pack_list, texts, strict=True) for part in (str(f), t)]
    )
    stored = cache.read("packs", digest)
    if stored is not None:
        try:
            return _from_data(stored)
        except (KeyError, TypeError, ValueError, AttributeError):
            pass  # an entry of another shape: parse again, and overwrite it
    parsed = _parse(pack_list, texts)
    data = _to_data(parsed)
    try:
        import json

        same = _from_data(json.loads(json.dumps(data))) == parsed
    except (TypeError, ValueError):
        same = False
    if same:  # an option value JSON cannot hold as it is (a tuple) is never cached
        cache.write("packs", digest, data)
    return parsed


def _parse(pack_list: list[Path], texts: list[str]) -> _Parsed:
    from . import yamlsrc
    from .checks import KINDS

    rules: dict[str, Rule] = {}
    names: dict[str, str] = {}
    sections: dict[str, list[str]] = {}
    title_words: list[str] = []
    roles = RoleData()
    for f, text in zip(pack_list, texts, strict=True):
        try:
            data = yamlsrc.load(text)
        except yamlsrc.YamlError as e:
            raise ConfigError(e.message, e.line, str(f)) from None
        if data is None:
            continue
        if not isinstance(data, dict):
            raise ConfigError("a rule pack must be a mapping", 1, str(f))
        allowed = ", ".join(sorted(_PACK_KEYS))
        if data and not any(key in _PACK_KEYS for key in data):
            # Quote nothing from a file that is no pack at all (a config may name any file).
            raise ConfigError(f"not a rule pack: it has none of the keys {allowed}", 1, str(f))
        for key in data:
            if key not in _PACK_KEYS:
                raise ConfigError(
                    f"unknown key '{key}' (allowed: {allowed})", data.key_line(key), str(f)
                )
        for key, phrases in (data.get("sections") or {}).items():
            if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
                raise ConfigError(
                    f"section '{key}' must list heading phrases",
                    data["sections"].key_line(key),
                    str(f),
                )
            sections.setdefault(key, []).extend(phrases)
        words = data.get("title_words") or []
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ConfigError("'title_words' must list words", data.key_line("title_words"), str(f))
        title_words.extend(words)
        parse_roles(data, str(f), roles)
        raw_rules = data.get("rules") or []
        if not isinstance(raw_rules, list):
            raise ConfigError("'rules' must be a list", data.key_line("rules"), str(f))
        for item in raw_rules:
            rule = _rule(item, str(f), KINDS)
            if rule.code in rules:
                other = rules[rule.code]
                raise ConfigError(
                    f"duplicate rule code {rule.code} (first defined at {other.pack}:{other.line})",
                    rule.line,
                    str(f),
                )
            if rule.name in names:
                raise ConfigError(
                    f"duplicate rule name '{rule.name}' (also {names[rule.name]})",
                    rule.line,
                    str(f),
                )
            names[rule.name] = rule.code
            rules[rule.code] = rule
    check_references(roles)
    _check_suggestion_ids(rules, roles)
    return _Parsed(dict(sorted(rules.items())), sections, title_words, roles)


# -- the cache entry: a _Parsed as plain JSON data, and back ---------------------------


def _to_data(parsed: _Parsed) -> dict[str, Any]:
    # Field by field from the dataclasses (``asdict``), so a field added to a rule, an
    # example or a profile is stored without a change here; ``_cached`` stores an entry
    # only when ``_from_data`` gives back exactly what was parsed.
    return {
        "rules": [{**asdict(r), "severity": r.severity.name} for r in parsed.rules.values()],
        "sections": parsed.sections,
        "title_words": parsed.title_words,
        "profiles": [asdict(p) for p in parsed.roles.profiles.values()],
        "concepts": [asdict(c) for c in parsed.roles.concepts.values()],
    }


def _from_data(data: dict[str, Any]) -> _Parsed:
    rules = {}
    for r in data["rules"]:
        fields = dict(r)
        fields["severity"] = Severity[r["severity"]]
        fields["examples_pass"] = [Example(**e) for e in r["examples_pass"]]
        fields["examples_fail"] = [Example(**e) for e in r["examples_fail"]]
        rules[r["code"]] = Rule(**fields)
    roles = RoleData()
    for p in data["profiles"]:
        fields = dict(p)
        fields["suggest"] = {k: (mode, words) for k, (mode, words) in p["suggest"].items()}
        roles.profiles[p["id"]] = Profile(**fields)
    for c in data["concepts"]:
        fields = dict(c)
        fields["ways"] = tuple(
            tuple(Slot(tuple(tuple(alt) for alt in slot["alternatives"])) for slot in way)
            for way in c["ways"]
        )
        fields["countries"] = tuple(c["countries"])
        roles.concepts[c["key"]] = Concept(**fields)
    sections = {str(k): list(v) for k, v in data["sections"].items()}
    return _Parsed(rules, sections, list(data["title_words"]), roles)


def _check_suggestion_ids(rules: dict[str, Rule], roles: RoleData) -> None:
    """A profile's ``suggest`` names term ids that some rule's terms carry (a typo would
    otherwise leave the family's suggestions silently unused)."""
    ids = {
        entry["id"]
        for rule in rules.values()
        for entry in rule.options.get("terms", []) or []
        if isinstance(entry, dict) and isinstance(entry.get("id"), str)
    }
    for p in roles.profiles.values():
        for key in p.suggest:
            if key not in ids:
                raise ConfigError(
                    f"profile '{p.id}' suggests for unknown term id '{key}'", path=p.pack
                )


def _rule(item: Any, path: str, kinds: dict[str, Any]) -> Rule:
    if not isinstance(item, dict):
        raise ConfigError("each rule must be a mapping", getattr(item, "line", None), path)
    line = getattr(item, "line", 0)

    def fail(msg: str, key: str | None = None) -> ConfigError:
        return ConfigError(msg, item.key_line(key) if key else line, path)

    for key, value in item.items():
        if key not in _RULE_KEYS:
            raise fail(
                f"unknown key '{key}' in rule (allowed: {', '.join(sorted(_RULE_KEYS))})", key
            )
        if not isinstance(value, _RULE_KEYS[key]) or (
            isinstance(value, bool) and bool not in _RULE_KEYS[key]
        ):
            raise fail(f"rule key '{key}' has the wrong type", key)
    for key in _REQUIRED_RULE_KEYS:
        if key not in item:
            raise fail(f"rule is missing '{key}'")
    code, name, kind = item["code"], item["name"], item["kind"]
    if not CODE.match(code):
        raise fail(
            f"rule code '{code}' must be one of S, D, K, R, I, C, H and three digits", "code"
        )
    if not NAME.match(name):
        raise fail(f"rule name '{name}' must be kebab-case", "name")
    if kind not in kinds:
        raise fail(f"unknown rule kind '{kind}' (kinds: {', '.join(sorted(kinds))})", "kind")
    category = CATEGORIES[code[0]]
    if item.get("category", category) != category:
        raise fail(f"category of {code} is '{category}', from its letter", "category")
    try:
        severity = Severity.parse(item["severity"])
    except ValueError as e:
        raise fail(str(e), "severity") from None
    module = kinds[kind]
    options, errors = resolve(module.OPTIONS, item.get("options") or {}, f"rule {code}")
    if not errors and hasattr(module, "validate"):
        errors = [f"rule {code}: {e}" for e in module.validate(options)]
    if errors:
        raise fail(errors[0], "options")
    allowed = tuple(getattr(module, "MESSAGE_FIELDS", ()))
    try:
        fields = {f for _, f, _, _ in string.Formatter().parse(item["message"]) if f is not None}
    except ValueError as e:
        raise fail(f"message is not a valid template: {e}", "message") from None
    unknown = fields - set(allowed)
    if unknown:
        raise fail(
            f"message uses unknown field(s) {sorted(unknown)} for kind '{kind}' (fields: {', '.join(allowed) or 'none'})",
            "message",
        )
    try:
        item["message"].format(**{name: "x" for name in allowed})
    except (ValueError, IndexError, KeyError) as e:
        raise fail(f"message is not a valid template: {e}", "message") from None
    examples = item["examples"]
    for key in examples:
        if key not in ("pass", "fail"):
            raise fail(f"examples take 'pass' and 'fail', not '{key}'", "examples")
    passes = [
        _example(e, path, f"{code} pass #{i + 1}") for i, e in enumerate(examples.get("pass") or [])
    ]
    fails = [
        _example(e, path, f"{code} fail #{i + 1}") for i, e in enumerate(examples.get("fail") or [])
    ]
    if not passes or not fails:
        raise fail(f"rule {code} needs at least one pass and one fail example", "examples")
    source = item.get("source") or []
    return Rule(
        code=code,
        name=name,
        kind=kind,
        category=category,
        severity=severity,
        message=item["message"],
        description=item["description"].strip(),
        source=[source] if isinstance(source, str) else list(source),
        options=options,
        examples_pass=passes,
        examples_fail=fails,
        enabled=item.get("enabled", True),
        pack=path,
        line=line,
    )


def _example(raw: Any, path: str, where: str) -> Example:
    if isinstance(raw, str):
        return Example(raw, where=where)
    line = getattr(raw, "line", None)
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        raise ConfigError(f"{where}: an example is a string or a mapping with 'text'", line, path)
    unknown = set(raw) - _EXAMPLE_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown example key(s) {sorted(unknown)}", line, path)
    return Example(
        text=raw["text"],
        format=raw.get("format", "markdown"),
        count=raw.get("count"),
        line=raw.get("line"),
        config=dict(raw.get("config") or {}),
        where=where,
        message=raw.get("message"),
    )
