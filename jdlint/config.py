"""Configuration: found upward from each posting, validated against what jdlint reads.

Sources, first found wins: ``.jdlint.yaml`` / ``.jdlint.yml``, or ``[tool.jdlint]`` in
``pyproject.toml``. Keys use kebab-case as in ruff; every unknown key is an error naming
the file and line.

The upward search stops at the repository root (the first folder holding ``.git``), as
git's own does: a config above the repository never applies. It stops too at a folder,
and passes over a config file, that belongs to someone other than the current user, root
or the owner of the posting's folder: another user's file (a ``.jdlint.yaml`` dropped into
a shared ``/tmp`` folder above someone's postings) is ignored with a warning and ends the
search (``--config`` names one explicitly). A config is at most 1 MB, and a pack it names lies inside the same
repository (or the config's folder, outside one).
"""

from __future__ import annotations

import fnmatch
import os
import re
import sys
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import files
from .didyoumean import close_match, hint
from .errors import ConfigError
from .findings import Severity
from .options import check_type, resolve, type_name
from .packs import PackSet, Rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAMES = (".jdlint.yaml", ".jdlint.yml")

# key: (type, doc)
KEYS: dict[str, tuple[Any, str]] = {
    "allow": (list[str], "phrases the inclusive-language rules never report"),
    "select": (list[str], "rule codes, prefixes or names to enable (replaces the default set)"),
    "extend-select": (list[str], "rules to enable on top of the default set"),
    "ignore": (list[str], "rule codes, prefixes or names to disable"),
    "severity": (dict[str, str], "severity per code or prefix: error, warning or info"),
    "per-file-ignores": (dict[str, list[str]], "glob (relative to the config) to codes"),
    "rules": (dict[str, dict], "options per rule code, e.g. S203: {max_words: 200}"),
    "packs": (list[str], "extra rule pack files or folders (relative to the config)"),
    "sections": (dict[str, list[str]], "extra heading phrases per canonical section"),
    "profile": (str, "default role profile"),
    "keywords": (list[str], "target keywords"),
    "employer": (
        dict[str, Any],
        "the employer: name, size (employees; pay transparency thresholds)",
    ),
    "fail-on": (
        str,
        "lowest severity that makes the run fail: error, warning (the default) or info",
    ),
    "show-source": (
        bool,
        "show each finding's source line in the text report (default: on a terminal)",
    ),
    "nlp": (dict[str, str], "spaCy settings: model (an installed pipeline name)"),
    "exclude": (list[str], "globs of files to skip when walking directories"),
    "max-file-size": (int, "largest posting to read, in bytes"),
    "time-limit": (
        float,
        "CPU seconds one posting may take before it is reported as an error "
        "(default: 20 plus 60 per megabyte of posting)",
    ),
}


@dataclass
class Config:
    path: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    # Values given on the command line, so an error about them does not blame the file.
    cli: dict[str, Any] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        return Path(self.path).resolve().parent if self.path else Path.cwd()

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def line(self, key: str) -> int | None:
        return self.lines.get(key)

    def merged(self, overrides: dict[str, Any]) -> Config:
        """Command-line settings over the file's: select replaces, ignore extends."""
        values = dict(self.values)
        cli = dict(self.cli)
        for key, value in overrides.items():
            if value is None or value == []:
                continue
            cli[key] = value
            if key in ("ignore", "extend-select"):
                values[key] = list(values.get(key, [])) + list(value)
            else:
                values[key] = value
        return replace(self, values=values, cli=cli)

    def sub_line(self, key: str, sub: Any) -> int | None:
        """The line of ``sub`` inside the mapping set by ``key`` (else the key's line)."""
        value = self.values.get(key)
        key_lines = getattr(value, "key_lines", None)
        if key_lines and sub in key_lines:
            return key_lines[sub]
        return self.line(key)

    def pack_paths(self) -> tuple[str, ...]:
        """Pack files and folders, resolved; a config file may only name packs inside its
        repository (or its own folder outside one), so a config from a cloned repository
        cannot read the rest of the disk."""
        out = []
        boundary = boundary_of(Path(self.path).parent) if self.path else None
        for p in self.get("packs", []):
            resolved = files.real(self.root / p)
            if boundary is not None and not files.inside(resolved, boundary):
                raise ConfigError(
                    f"pack '{p}' is outside {boundary}, the repository of this config; "
                    "packs must be inside it",
                    self.line("packs"),
                    self.path,
                )
            out.append(str(resolved))
        return tuple(out)

    def extra_sections(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return tuple((k, tuple(v)) for k, v in sorted(self.get("sections", {}).items()))


def parse(text: str, path: str) -> Config:
    if path.endswith(".toml"):
        data = _toml_section(text, path)
        if not isinstance(data, dict):
            raise ConfigError("[tool.jdlint] must be a table of settings", path=path)
        lines: dict[str, int] = _toml_key_lines(text)
    else:
        from . import yamlsrc  # PyYAML only for a YAML config

        try:
            data = yamlsrc.load(text)
        except yamlsrc.YamlError as e:
            raise ConfigError(e.message, e.line, path) from None
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise ConfigError("config must be a mapping of settings", 1, path)
        lines = dict(getattr(data, "key_lines", {}))
    return from_dict(data, path, lines)


def _toml_section(text: str, path: str) -> Any:
    """``[tool.jdlint]`` of a TOML text ({} when absent); ConfigError when the TOML is bad."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"invalid TOML: {e}", path=path) from None
    except (RecursionError, ValueError):  # nested too deep for the parser
        raise ConfigError("invalid TOML: nested too deeply", path=path) from None
    tool = doc.get("tool", {})
    if not isinstance(tool, dict):
        return {}  # ``tool = "x"``: no [tool] table, so no jdlint settings
    return tool.get("jdlint", {})


_TOML_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
_TOML_KEY = re.compile(r"^\s*(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+)\s*(?:\.[^=]*)?=")


def _toml_key_lines(text: str) -> dict[str, int]:
    """Lines of the settings under [tool.jdlint] (and of its [tool.jdlint.X] tables)."""
    lines: dict[str, int] = {}
    inside = False
    for number, line in enumerate(text.splitlines(), start=1):
        header = _TOML_HEADER.match(line)
        if header:
            parts = [p.strip().strip("\"'") for p in header.group(1).split(".")]
            inside = parts[:2] == ["tool", "jdlint"]
            if inside and len(parts) > 2:
                lines.setdefault(parts[2], number)
            inside = inside and len(parts) == 2
            continue
        key = _TOML_KEY.match(line) if inside else None
        if key:
            lines.setdefault(key.group(1).strip("\"'"), number)
    return lines


def from_dict(
    data: dict[str, Any], path: str | None = None, lines: dict[str, int] | None = None
) -> Config:
    """A validated Config from settings (as a config file or the Python API gives them)."""
    given_lines = lines or {}
    config = Config(path, {}, {})
    for raw_key, value in data.items():
        key = str(raw_key).replace("_", "-")
        line = given_lines.get(raw_key, given_lines.get(key))
        if key not in KEYS:
            known = ", ".join(sorted(KEYS))
            raise ConfigError(f"unknown setting '{raw_key}' (settings: {known})", line, path)
        if key in config.values:
            raise ConfigError(f"'{key}' is set twice (as '{raw_key}')", line, path)
        tp, _ = KEYS[key]
        if isinstance(value, str) and tp == list[str]:
            value = [v.strip() for v in value.split(",") if v.strip()]
        if not check_type(value, tp):
            raise ConfigError(f"'{key}' must be {type_name(tp)}", line, path)
        config.values[key] = value
        if line:
            config.lines[key] = line
    _check_values(config)
    return config


def _check_values(config: Config) -> None:
    for key in ("fail-on",):
        if key in config.values:
            try:
                Severity.parse(config.values[key])
            except ValueError as e:
                raise ConfigError(str(e), config.line(key), config.path) from None
    for code, sev in config.get("severity", {}).items():
        try:
            Severity.parse(sev)
        except ValueError as e:
            raise ConfigError(
                f"severity of {code}: {e}", config.sub_line("severity", code), config.path
            ) from None
    limit = config.get("time-limit")
    if limit is not None and not 0 < limit < float("inf"):
        raise ConfigError(
            "'time-limit' must be a positive number of seconds",
            config.line("time-limit"),
            config.path,
        )
    size = config.get("max-file-size")
    if size is not None and size <= 0:
        raise ConfigError(
            "'max-file-size' must be a positive number of bytes",
            config.line("max-file-size"),
            config.path,
        )
    unknown_nlp = set(config.get("nlp", {})) - {"model"}
    if unknown_nlp:
        raise ConfigError(
            f"unknown nlp setting(s) {sorted(unknown_nlp)} (nlp takes: model)",
            config.line("nlp"),
            config.path,
        )


def load_file(path: str | Path) -> Config:
    p = Path(path)
    try:
        text = files.read_regular(p, files.MAX_DATA_FILE).decode("utf-8")
    except files.NotReadable as e:
        raise ConfigError(f"cannot read config: {e}", path=str(p)) from None
    except UnicodeDecodeError as e:
        raise ConfigError(
            f"cannot read config: not valid UTF-8 (byte {e.start})", path=str(p)
        ) from None
    return parse(text, str(p))


def boundary_of(folder: Path) -> Path:
    """The repository root holding ``folder`` (the nearest folder with ``.git``), else
    ``folder`` itself."""
    start = files.real(folder)
    for candidate in (start, *start.parents):
        if files.exists(candidate / ".git"):
            return candidate
    return start


def _euid() -> int | None:
    return os.geteuid() if hasattr(os, "geteuid") else None


def _owner(path: Path) -> int | None:
    try:
        return path.stat().st_uid
    except (OSError, ValueError):
        return None


# Config files passed over because of their owner: path -> reason (the CLI warns once).
_ignored: dict[str, str] = {}


def ignored_configs() -> dict[str, str]:
    """Config files that the search met and did not use, each with the reason."""
    return dict(_ignored)


def discover(directory: str) -> Config:
    """The nearest config at or above ``directory``; an empty Config when there is none.

    The search stops at the repository root, and at a folder or config file owned by
    someone other than the current user, root or the owner of ``directory`` (see the
    module's doc).

    The search runs each time (a few stats per folder), so a config created or edited
    between two runs of a long-lived process is seen; parsed files are cached by path,
    modification time and size.
    """
    d = files.real(directory)
    me = _euid()
    trusted = None if me is None else {me, 0, _owner(d)}
    for folder in (d, *d.parents):
        found: list[tuple[Path, bool]] = [
            (folder / name, False) for name in CONFIG_NAMES if files.is_file(folder / name)
        ]
        if not found and files.is_file(folder / "pyproject.toml"):
            found = [(folder / "pyproject.toml", True)]
        for candidate, pyproject in found[:1]:
            if pyproject and not _stamped(candidate, _has_section):
                continue  # a pyproject.toml without [tool.jdlint] is not a config
            # Checked before parsing: another user's file cannot even stop the run.
            folder_owner, owner = _owner(folder), _owner(candidate)
            if trusted is not None and folder_owner not in trusted:
                _ignored[str(candidate)] = (
                    f"in a folder owned by another user (uid {folder_owner}); "
                    "pass it with --config to use it"
                )
                return Config()
            if trusted is not None and owner not in trusted:
                _ignored[str(candidate)] = (
                    f"owned by another user (uid {owner}); pass it with --config to use it"
                )
                return Config()
            return _stamped(candidate, _load_stamped)
        if trusted is not None and _owner(folder) not in trusted:
            break  # another user's folder: nothing in or above it applies
        if files.exists(folder / ".git"):
            break  # the repository root: nothing above it applies
    return Config()


def _stamped(path: Path, load: Any) -> Any:
    """``load`` of a file, cached by its path, modification time and size."""
    try:
        st = path.stat()
    except OSError:
        return load.__wrapped__(str(path), 0, 0)  # gone meanwhile: not cached
    return load(str(path), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=256)
def _load_stamped(path: str, mtime_ns: int, size: int) -> Config:
    """A config file parsed once per version."""
    return load_file(path)


@lru_cache(maxsize=256)
def _has_section(path: str, mtime_ns: int, size: int) -> bool:
    """Whether a pyproject.toml has [tool.jdlint]. Any pyproject.toml above a posting is
    read, and most are not jdlint's: one that cannot be read or parsed is not a config."""
    try:
        doc = tomllib.loads(files.read_regular(path, files.MAX_DATA_FILE).decode("utf-8"))
    except (
        files.NotReadable,
        UnicodeDecodeError,
        tomllib.TOMLDecodeError,
        RecursionError,
        ValueError,
    ):
        return False
    tool = doc.get("tool")
    return isinstance(tool, dict) and "jdlint" in tool


# -- rule selection ------------------------------------------------------------------


def _matches(selector: str, rule: Rule) -> bool:
    s = selector.strip()
    return s.upper() == "ALL" or rule.code.startswith(s.upper()) or rule.name == s.lower()


def selector_names(packs: PackSet) -> list[str]:
    """Every selector that names rules: codes, their prefixes, names (for close matches)."""
    codes = list(packs.rules)
    prefixes = {c[:i] for c in codes for i in range(1, len(c))}
    return [*codes, *sorted(prefixes), *(r.name for r in packs.rules.values())]


def _check_selectors(
    selectors: list[str], packs: PackSet, what: str, config: Config, sub: Any = None
) -> None:
    for s in selectors:
        if not any(_matches(s, r) for r in packs.rules.values()):
            close = hint(s, selector_names(packs))
            if s in (config.cli.get(what) or []):
                raise ConfigError(f"unknown rule code or name '{s}' in --{what}{close}")
            line = config.sub_line(what, sub) if sub is not None else config.line(what)
            raise ConfigError(
                f"unknown rule code or name '{s}' in {what}{close}", line, config.path
            )


def check_profile(packs: PackSet, config: Config) -> None:
    """An unknown ``profile`` (config or --profile) stops the run before any posting is
    read, naming the close match; a posting's own front matter is S001's to report."""
    from .roles import GENERAL

    value = config.get("profile")
    if not isinstance(value, str) or not value.strip():
        return
    known = [GENERAL, *packs.roles.profiles]
    if value.strip() in known:
        return
    match = close_match(value.strip(), known)
    tail = (
        f" (did you mean '{match}'? see 'jdlint profiles')"
        if match
        else (" (see 'jdlint profiles')")
    )
    if value == config.cli.get("profile"):
        raise ConfigError(f"unknown profile '{value}' in --profile{tail}")
    raise ConfigError(f"unknown profile '{value}'{tail}", config.line("profile"), config.path)


def active_rules(packs: PackSet, config: Config) -> list[Rule]:
    """The rules a run uses, with config severities and options applied."""
    select = config.get("select")
    extend = config.get("extend-select", [])
    ignore = config.get("ignore", [])
    for key, sel in (("select", select or []), ("extend-select", extend), ("ignore", ignore)):
        _check_selectors(sel, packs, key, config)
    severity = config.get("severity", {})
    for sel in severity:
        _check_selectors([sel], packs, "severity", config, sub=sel)
    for pattern, codes in config.get("per-file-ignores", {}).items():
        _check_selectors(codes, packs, "per-file-ignores", config, sub=pattern)
    options = config.get("rules", {})
    for code in options:
        if code.upper() not in packs.rules:
            raise ConfigError(
                f"unknown rule code '{code}' in rules{hint(code, list(packs.rules))}",
                config.sub_line("rules", code),
                config.path,
            )
    check_profile(packs, config)

    # Options set in config are checked for every rule they name, active or not, with the
    # same checks a pack's options get (types, and the kind's validate: a regex that could
    # hang, ...).
    resolved: dict[str, dict[str, Any]] = {}
    if options:
        from .checks import KINDS

        for key, given in options.items():
            rule = packs.rules[key.upper()]
            module = KINDS[rule.kind]
            values, errors = resolve(
                module.OPTIONS, {**rule.options, **given}, f"rules.{rule.code}"
            )
            if not errors and hasattr(module, "validate"):
                errors = [f"rules.{rule.code}: {e}" for e in module.validate(values)]
            if errors:
                raise ConfigError(
                    errors[0], _option_line(config, key, given, errors[0]), config.path
                )
            resolved[rule.code] = values

    out = []
    for rule in packs.rules.values():
        on = any(_matches(s, rule) for s in select) if select is not None else rule.enabled
        on = (on or any(_matches(s, rule) for s in extend)) and not any(
            _matches(s, rule) for s in ignore
        )
        if not on:
            continue
        # The most specific severity selector wins: "I204" over "I2" over "I".
        for sel in sorted(severity, key=len):
            if _matches(sel, rule):
                rule = replace(rule, severity=Severity.parse(severity[sel]))
        if rule.code in resolved:
            rule = replace(rule, options=resolved[rule.code])
        out.append(rule)
    return out


def _option_line(config: Config, code: str, given: dict[str, Any], error: str) -> int | None:
    """The line of the option an error names, else of the rule's entry under ``rules``."""
    named = re.search(r"option '([^']+)'", error)
    key_lines = getattr(given, "key_lines", {})
    if named and named.group(1) in key_lines:
        return key_lines[named.group(1)]
    # A kind's validate() names the option first: "text_pattern nests ...".
    detail = error.split(": ", 1)[-1]
    for option, line in key_lines.items():
        if isinstance(option, str) and re.match(rf"{re.escape(option)}\b", detail):
            return line
    return config.sub_line("rules", code)


def ignored_for(config: Config, path: str) -> list[str]:
    """Selectors that per-file-ignores applies to ``path``."""
    patterns = config.get("per-file-ignores", {})
    if not patterns:
        return []
    try:
        rel = files.real(path).relative_to(config.root).as_posix()
    except ValueError:
        rel = Path(path).as_posix()
    out: list[str] = []
    for pattern, codes in patterns.items():
        if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(Path(path).name, pattern):
            out.extend(codes)
    return out


def rule_ignored(selectors: list[str], rule_code: str, rule_name: str) -> bool:
    return any(
        s.upper() == "ALL" or rule_code.startswith(s.upper()) or rule_name == s.lower()
        for s in selectors
    )
