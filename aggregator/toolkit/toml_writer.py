"""Write TOML from plain data: feeds.toml files made by tests, benchmarks and scripts.

The standard library reads TOML (tomllib) but does not write it; this
writer covers what a feeds.toml holds: tables, arrays of tables, strings,
numbers, booleans, lists and inline tables.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

__all__ = ["dump_toml"]


def dump_toml(data: Mapping[str, Any]) -> str:
    """Write a TOML document from plain data (tables, arrays of tables, scalars, lists)."""
    lines: list[str] = []
    _dump_table(data, [], lines)
    return "\n".join(lines).strip() + "\n"


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_scalar(element) for element in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_scalar(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def _is_table_list(value: Any) -> bool:
    return (
        isinstance(value, list | tuple) and bool(value) and all(isinstance(v, dict) for v in value)
    )


def _dump_table(data: Mapping[str, Any], path: list[str], lines: list[str]) -> None:
    for key, value in data.items():
        if not isinstance(value, dict) and not _is_table_list(value):
            lines.append(f"{_key(key)} = {_scalar(value)}")
    for key, value in data.items():
        if isinstance(value, dict):
            lines.extend(["", "[" + ".".join(_key(k) for k in [*path, key]) + "]"])
            _dump_table(value, [*path, key], lines)
        elif _is_table_list(value):
            for table in value:
                lines.extend(["", "[[" + ".".join(_key(k) for k in [*path, key]) + "]]"])
                _dump_table(table, [*path, key], lines)


def _key(key: str) -> str:
    return key if key.replace("_", "").replace("-", "").isalnum() else json.dumps(key)
