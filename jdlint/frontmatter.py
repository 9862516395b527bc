"""Front matter: a YAML (``---``) or TOML (``+++``) block at the top of a posting."""

from __future__ import annotations

import re
import sys
from typing import Any

from .errors import InputError
from .posting import FrontMatter

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


_TOML_AT = re.compile(r"\s*\(at line (\d+), column \d+\)")
_OPEN = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*(\r\n|\r|\n)")

# Front matter keys jdlint reads, with the types it accepts. Others are kept but unchecked:
# job boards add their own keys.
KNOWN: dict[str, tuple[type, ...]] = {
    "title": (str,),
    "profile": (str,),
    "keywords": (str, list),
    "location": (str, list, dict),
    "salary": (str, int, float, dict),
    "employment_type": (str, list),
    "company": (str,),
    "date_posted": (str,),
    "valid_through": (str,),
}


def split(text: str) -> tuple[FrontMatter | None, int]:
    """Parse leading front matter. Returns it and the offset where the body starts.

    An unterminated block or a syntax error raises InputError: the block would otherwise
    swallow, or be mistaken for, the posting itself.
    """
    m = _OPEN.match(text)
    if not m:
        return None, 0
    fence = m.group(1)
    close = re.compile(rf"^{re.escape(fence)}[ \t]*$", re.M)
    # ``re.M`` treats only \n as a line end; normalise a copy for lone-CR files.
    probe = text.replace("\r\n", " \n").replace("\r", "\n") if "\r" in text else text
    end = close.search(probe, m.end())
    if not end:
        raise InputError(f"front matter opened with '{fence}' on line 1 is never closed", 1)
    body_start = end.end()
    nl = re.compile(r"\r\n|\r|\n").match(text, body_start)
    if nl:
        body_start = nl.end()
    raw = text[m.end() : end.start()]
    syntax = "yaml" if fence == "---" else "toml"
    data, key_lines = _parse(raw, syntax)
    if not text[body_start:].strip():
        # Otherwise the posting lints clean: no text, so nothing to find.
        closing_line = probe.count("\n", 0, end.start()) + 1
        raise InputError("the posting has no text after its front matter", closing_line)
    return FrontMatter(data, 0, body_start, key_lines, syntax), body_start


def _parse(raw: str, syntax: str) -> tuple[dict[str, Any], dict[str, int]]:
    # Lines inside the block are offset by the opening fence.
    if syntax == "toml":
        try:
            data = tomllib.loads(raw.replace("\r\n", "\n"))
        except tomllib.TOMLDecodeError as e:
            # The parser counts lines from the block; the block starts on line 2 of the file.
            message = str(e)
            line = getattr(e, "lineno", None)
            at = _TOML_AT.search(message)
            if at:
                message = message[: at.start()].rstrip()
                line = line or int(at.group(1))
            raise InputError(
                f"front matter is not valid TOML: {message}", line + 1 if line else None
            ) from None
        except (RecursionError, ValueError):  # tomllib recurses once per level of nesting
            raise InputError("front matter is not valid TOML: nested too deeply", 2) from None
        key_lines = {}
        for i, line_text in enumerate(raw.splitlines(), start=2):
            key = line_text.split("=", 1)[0].strip().strip('"')
            if "=" in line_text and key in data and key not in key_lines:
                key_lines[key] = i
        return data, key_lines
    from . import yamlsrc  # PyYAML only for a posting with YAML front matter

    try:
        data = yamlsrc.load(raw)
    except yamlsrc.YamlError as e:
        raise InputError(
            f"front matter is not valid YAML: {e.message}", e.line + 1 if e.line else None
        ) from None
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise InputError(f"front matter must be a mapping of keys to values, not {_kind(data)}", 2)
    key_lines = {k: line + 1 for k, line in getattr(data, "key_lines", {}).items()}
    return data, key_lines


def type_problems(fm: FrontMatter) -> list[tuple[str, int, str]]:
    """(key, line, message) for known keys whose value has the wrong type."""
    out = []
    for key, types in KNOWN.items():
        if key not in fm.data or fm.data[key] is None:
            continue
        value = fm.data[key]
        if key in ("date_posted", "valid_through") and hasattr(value, "isoformat"):
            continue
        if not isinstance(value, types) or isinstance(value, bool):
            allowed = " or ".join(dict.fromkeys(_TYPE_NAMES[t] for t in types))
            msg = f"front matter '{key}' must be {allowed}, not {_kind(value)}"
            out.append((key, fm.key_lines.get(key, 1), msg))
        elif isinstance(value, list) and not all(isinstance(v, str) for v in value):
            out.append((key, fm.key_lines.get(key, 1), f"front matter '{key}' must list strings"))
    return out


_TYPE_NAMES = {
    str: "a string",
    list: "a list",
    dict: "a mapping",
    int: "a number",
    float: "a number",
}


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return type(value).__name__
