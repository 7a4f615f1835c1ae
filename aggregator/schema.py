"""A tiny declarative schema for TOML tables, shared by the core, source types and plugins.

Every error names the file, the key path and the fix in one line, because the
person reading it is editing feeds.toml, not reading Python.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REQUIRED: Any = object()


class ConfigError(Exception):
    """A configuration problem, reported as one line: ``file: key: problem (fix)``."""

    def __init__(self, file: Path | str | None, key: str, problem: str, fix: str = "") -> None:
        self.file = str(file) if file is not None else None
        self.key = key
        self.problem = problem
        self.fix = fix
        super().__init__(self.line())

    def line(self) -> str:
        where = f"{self.file}: " if self.file else ""
        key = f"{self.key}: " if self.key else ""
        fix = f" ({self.fix})" if self.fix else ""
        return f"{where}{key}{self.problem}{fix}"


_TYPE_NAMES: dict[type, str] = {
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "true or false",
    list: "a list",
    dict: "a table",
}


@dataclass(frozen=True)
class Option:
    """One allowed key of a table.

    ``value_type`` is the TOML value type; ``item_type`` checks list elements;
    ``check`` may raise ``ValueError`` with a reason for values that have the
    right type but a wrong value. Numbers are bounded by ``minimum`` and
    ``maximum`` when given, and always finite and within SQLite's 64-bit
    integers: a value that passes here must not crash a run later.
    """

    value_type: type
    default: Any = REQUIRED
    help: str = ""
    item_type: type | None = None
    choices: tuple[Any, ...] = ()
    check: Callable[[Any], None] | None = None
    minimum: float | None = None
    maximum: float | None = None

    @property
    def required(self) -> bool:
        return self.default is REQUIRED

    def describe_type(self) -> str:
        name = _TYPE_NAMES.get(self.value_type, self.value_type.__name__)
        if self.value_type is list and self.item_type is not None:
            item = _TYPE_NAMES.get(self.item_type, self.item_type.__name__)
            name = f"a list of {item.split(' ', 1)[-1]}s"
        return name


Schema = Mapping[str, Option]


def _matches(value: Any, expected: type) -> bool:
    if expected is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, expected)


def suggest(key: str, allowed: list[str]) -> str:
    """A 'did you mean' hint for a misspelt key, or a list of the allowed keys."""
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return "allowed keys: " + ", ".join(sorted(allowed)) if allowed else "no keys are allowed here"


def validate_table(
    table: Mapping[str, Any],
    schema: Schema,
    *,
    file: Path | str | None,
    where: str,
    extra_ok: Callable[[str, Any], bool] | None = None,
) -> dict[str, Any]:
    """Check ``table`` against ``schema`` and return it with defaults filled in.

    ``where`` is the key path of the table (``"feed"``, ``"sources[2]"``);
    ``extra_ok`` lets a caller accept keys the schema does not list (for
    example sub-tables that are validated elsewhere).
    """
    result: dict[str, Any] = {}
    prefix = f"{where}." if where else ""
    for key, value in table.items():
        option = schema.get(key)
        if option is None:
            if extra_ok is not None and extra_ok(key, value):
                result[key] = value
                continue
            raise ConfigError(file, prefix + key, "unknown key", suggest(key, list(schema)))
        result[key] = _check_value(value, option, file=file, key=prefix + key)
    for key, option in schema.items():
        if key in result:
            continue
        if option.required:
            raise ConfigError(
                file,
                prefix + key,
                "missing required key",
                f"add {key} = <{option.describe_type()}>",
            )
        result[key] = option.default
    return result


def _check_value(value: Any, option: Option, *, file: Path | str | None, key: str) -> Any:
    if not _matches(value, option.value_type):
        raise ConfigError(
            file,
            key,
            f"expected {option.describe_type()}, got {type(value).__name__} {value!r}",
            option.help,
        )
    if option.item_type is not None:
        for index, element in enumerate(value):
            if not _matches(element, option.item_type):
                raise ConfigError(
                    file,
                    f"{key}[{index}]",
                    f"expected {option.describe_type()}, found {element!r}",
                    option.help,
                )
    if option.choices and value not in option.choices:
        allowed = ", ".join(repr(choice) for choice in option.choices)
        raise ConfigError(file, key, f"{value!r} is not allowed", f"use one of {allowed}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        problem = _out_of_range(value, option)
        if problem:
            raise ConfigError(file, key, problem, option.help)
    if option.check is not None:
        try:
            option.check(value)
        except ValueError as exc:
            raise ConfigError(file, key, str(exc), option.help) from None
    if option.value_type is float:
        return float(value)
    return value


INT64_MAX = 2**63 - 1


def _out_of_range(value: float, option: Option) -> str:
    if not math.isfinite(value):
        return f"must be a finite number, got {value}"
    low = option.minimum
    high = option.maximum if option.maximum is not None else INT64_MAX
    if low is not None and value < low:
        return f"must be at least {low:g}, got {value:g}"
    if value > high or value < -INT64_MAX:
        return f"must be at most {high:g}, got {value:g}"
    return ""


def not_empty(value: Any) -> None:
    if not str(value).strip():
        raise ValueError("must not be empty")


def positive(value: Any) -> None:
    if value <= 0:
        raise ValueError(f"must be greater than 0, got {value}")


def non_negative(value: Any) -> None:
    if value < 0:
        raise ValueError(f"must not be negative, got {value}")
