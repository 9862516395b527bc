"""Safe YAML loading that remembers where every mapping and key came from.

Packs, config and front matter are data: PyYAML's safe loader builds only plain types.
On top of it this loader rejects duplicate keys and aliases (an alias bomb expands
exponentially when walked) and records the line of each key, so an error can say
``rules/structure.yaml:14: unknown key 'severty'``.
"""

from __future__ import annotations

from typing import Any

import yaml


class YamlError(ValueError):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.located = False  # the line is where the problem is used, not where it began


class LineDict(dict):
    """A mapping that knows its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]

    def key_line(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    line: int = 0
    item_lines: list[int]

    def item_line(self, i: int) -> int:
        return self.item_lines[i] if i < len(self.item_lines) else self.line


# libyaml's scanner (when PyYAML was built with it) parses ten times faster than the
# pure-Python one; construction stays in Python either way, with the safe constructor.
_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ALIAS = "YAML aliases are not allowed"


# libyaml words a few problems differently from PyYAML's own parser; keep one wording.
def _located(line: int) -> YamlError:
    e = YamlError(_ALIAS, line)
    e.located = True
    return e


_WORDING = {
    "mapping values are not allowed in this context": "mapping values are not allowed here",
    "exceeded maximum nesting depth": "YAML nested too deeply",
}


class _Loader(_Base):  # type: ignore[misc,valid-type]
    def construct_object(self, node, deep=False):  # type: ignore[no-untyped-def]
        # An alias is the same node reached twice; refusing it here works with both the
        # C and the Python parser.
        if node in self.constructed_objects or node in self.recursive_objects:
            raise YamlError(_ALIAS, node.start_mark.line + 1)
        return super().construct_object(node, deep)

    def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
        out = LineDict()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                problem = (
                    _ALIAS
                    if value_node in self.constructed_objects
                    else "YAML merge keys ('<<') are not allowed"
                )
                raise YamlError(problem, key_node.start_mark.line + 1)
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise YamlError(
                    "a mapping key must be a plain value", key_node.start_mark.line + 1
                ) from None
            if key in out:
                raise YamlError(f"duplicate key {key!r}", key_node.start_mark.line + 1)
            try:
                out[key] = self.construct_object(value_node, deep=True)
            except YamlError as e:
                if e.message == _ALIAS and not e.located:
                    # Point at the key that uses the alias (or holds the list that does),
                    # not at its anchor.
                    raise _located(key_node.start_mark.line + 1) from None
                raise
            out.key_lines[key] = key_node.start_mark.line + 1
        return out

    def construct_sequence(self, node, deep=False):  # type: ignore[no-untyped-def]
        try:
            out = LineList(self.construct_object(child, deep=True) for child in node.value)
        except YamlError as e:
            if (
                e.message == _ALIAS
                and not e.located
                and any(c in self.constructed_objects for c in node.value)
            ):
                raise _located(node.start_mark.line + 1) from None
            raise
        out.line = node.start_mark.line + 1
        out.item_lines = [child.start_mark.line + 1 for child in node.value]
        return out


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_sequence)
# Merge keys ("<<") only make sense with aliases, which are refused above.


def load(text: str) -> Any:
    """Parse one YAML document; errors carry a 1-based line."""
    try:
        return yaml.load(text, Loader=_Loader)
    except YamlError:
        raise
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        problem = str(e.problem or e).strip()
        problem = _WORDING.get(problem, problem.removeprefix("did not find "))
        raise YamlError(problem, line) from None
    except yaml.YAMLError as e:
        raise YamlError(str(e).strip()) from None
    except RecursionError:
        raise YamlError("YAML nested too deeply") from None
