"""Settings from the editor: ``initializationOptions`` and ``workspace/didChangeConfiguration``.

Either the settings themselves or wrapped in ``{"jdlint": {...}}`` (as editors that keep
every server's settings in one object send them). Keys in camelCase or kebab-case:

    profile        role profile for every posting (as --profile)
    select         rule codes, prefixes or names to run (as --select; replaces config)
    extendSelect   rules to run on top of the selection (as --extend-select)
    ignore         rules to leave out (as --ignore; adds to config)
    showInfos      report findings of severity info (default true)
    debounce       milliseconds without an edit before a burst of edits is linted (100)
    ruleDocsUrl    link of each diagnostic's code, with {code} and {name} (default: the
                   rule's entry in its pack file)

A setting of the wrong type is left out and named in one message; unknown keys are
ignored (editors send their own).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DEFAULT_DEBOUNCE_MS = 100
MAX_DEBOUNCE_MS = 10_000


@dataclass(frozen=True)
class Settings:
    profile: str | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    show_infos: bool = True
    debounce_ms: int = DEFAULT_DEBOUNCE_MS
    rule_docs_url: str | None = None

    def overrides(self) -> dict[str, Any]:
        """The Linter's overrides, as the command line gives them."""
        return {
            "select": list(self.select) if self.select is not None else None,
            "extend-select": list(self.extend_select),
            "ignore": list(self.ignore),
            "profile": self.profile,
        }

    def selectors(self) -> list[tuple[str, str]]:
        """(setting, selector) of every rule selector given, to check against the packs."""
        return [
            *(("select", s) for s in self.select or ()),
            *(("extendSelect", s) for s in self.extend_select),
            *(("ignore", s) for s in self.ignore),
        ]


@dataclass
class Parsed:
    settings: Settings
    problems: list[str] = field(default_factory=list)


_ALIASES = {
    "profile": "profile",
    "select": "select",
    "extendselect": "extend_select",
    "extend-select": "extend_select",
    "ignore": "ignore",
    "showinfos": "show_infos",
    "show-infos": "show_infos",
    "debounce": "debounce_ms",
    "ruledocsurl": "rule_docs_url",
    "rule-docs-url": "rule_docs_url",
}


def _selectors(value: Any) -> tuple[str, ...] | None:
    """A list of strings, or one string of them separated by commas (as on the command line)."""
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return None
    return tuple(v.strip() for v in value if v.strip())


def parse(raw: Any) -> Parsed:
    """Settings from what the client sent (anything JSON can hold)."""
    if isinstance(raw, dict) and isinstance(raw.get("jdlint"), dict):
        raw = raw["jdlint"]
    if not isinstance(raw, dict):
        return Parsed(Settings())
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in raw.items():
        name = _ALIASES.get(str(key).lower()) or _ALIASES.get(str(key))
        if name is None or value is None:
            continue
        if name == "profile":
            if isinstance(value, str):
                values[name] = value.strip() or None
            else:
                problems.append(f"'{key}' must be a profile name")
        elif name in ("select", "extend_select", "ignore"):
            selectors = _selectors(value)
            if selectors is None:
                problems.append(f"'{key}' must be a list of rule codes, prefixes or names")
            else:
                values[name] = selectors
        elif name == "show_infos":
            if isinstance(value, bool):
                values[name] = value
            else:
                problems.append(f"'{key}' must be true or false")
        elif name == "debounce_ms":
            if (
                isinstance(value, (int, float))
                and not isinstance(value, bool)
                and (0 <= value <= MAX_DEBOUNCE_MS)
            ):
                values[name] = int(value)
            else:
                problems.append(
                    f"'{key}' must be a number of milliseconds (0 to {MAX_DEBOUNCE_MS})"
                )
        elif name == "rule_docs_url":
            if isinstance(value, str):
                values[name] = value.strip() or None
            else:
                problems.append(f"'{key}' must be a URL")
    return Parsed(Settings(**values), problems)
