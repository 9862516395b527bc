"""Declared options of a rule kind, and validation of the values a pack or config gives."""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Any

REQUIRED: Any = object()


@dataclass(frozen=True)
class Option:
    type: Any
    default: Any = REQUIRED
    doc: str = ""

    @property
    def required(self) -> bool:
        return self.default is REQUIRED


def type_name(tp: Any) -> str:
    origin = typing.get_origin(tp)
    if origin is list:
        (item,) = typing.get_args(tp)
        return f"a list of {type_name(item).removeprefix('a ').removeprefix('an ')}s"
    if origin is dict:
        _, value = typing.get_args(tp)
        return f"a mapping of names to {type_name(value).removeprefix('a ')}"
    if origin is typing.Union:
        return " or ".join(type_name(a) for a in typing.get_args(tp))
    return {str: "a string", int: "an integer", float: "a number", bool: "true or false"}.get(
        tp, getattr(tp, "__name__", str(tp))
    )


def check_type(value: Any, tp: Any) -> bool:
    origin = typing.get_origin(tp)
    if origin is list:
        (item,) = typing.get_args(tp)
        return isinstance(value, list) and all(check_type(v, item) for v in value)
    if origin is dict:
        key_t, value_t = typing.get_args(tp)
        return isinstance(value, dict) and all(
            check_type(k, key_t) and check_type(v, value_t) for k, v in value.items()
        )
    if origin is typing.Union:
        return any(check_type(value, a) for a in typing.get_args(tp))
    if tp is Any:
        return True
    if tp is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if tp is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, tp)


def resolve(
    declared: dict[str, Option], given: dict[str, Any], where: str
) -> tuple[dict[str, Any], list[str]]:
    """Merge given values over defaults. Returns (values, errors); errors name the option."""
    values: dict[str, Any] = {}
    errors: list[str] = []
    for name in given:
        if name not in declared:
            known = ", ".join(sorted(declared)) or "none"
            errors.append(f"{where}: unknown option '{name}' (options: {known})")
    for name, opt in declared.items():
        if name in given:
            if not check_type(given[name], opt.type):
                errors.append(f"{where}: option '{name}' must be {type_name(opt.type)}")
                continue
            values[name] = given[name]
        elif opt.required:
            errors.append(f"{where}: option '{name}' is required")
        else:
            values[name] = opt.default
    return values, errors
