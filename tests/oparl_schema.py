"""Validating against the official OParl 1.1 schemas in `../shared/oparl-1.1/` (OParl/spec v1.1.1).

The schemas link embedded objects with a non-standard `"schema": "File.json"`; here each
such link becomes a `$ref`, so an embedded File or Consultation is validated as well. OParl's
formats are checked as the spec defines them: `url` an absolute http(s) URL, `date` a
`yyyy-mm-dd`, `date-time` its `yyyy-mm-ddThh:mm:ss±hh:mm` (no `Z`, no fractions).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft7Validator, FormatChecker
from referencing import Registry, Resource

SCHEMAS = Path(__file__).resolve().parents[2] / "shared" / "oparl-1.1"
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}")


def need_schemas() -> Path:
    if not (SCHEMAS / "Paper.json").is_file():
        pytest.skip("Die OParl-Schemas liegen nicht unter ../shared/oparl-1.1 (nur in CI und der Entwicklung).")
    return SCHEMAS


def _with_refs(node: Any) -> Any:
    if isinstance(node, dict):
        if "schema" in node and isinstance(node["schema"], str):
            return {"$ref": node["schema"]}
        return {key: _with_refs(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_with_refs(item) for item in node]
    return node


def _formats() -> FormatChecker:
    checker = FormatChecker(formats=())

    @checker.checks("url")
    def is_url(value: object) -> bool:
        if not isinstance(value, str):
            return True
        parts = urlsplit(value)
        return parts.scheme in ("http", "https") and bool(parts.netloc)

    @checker.checks("date")
    def is_date(value: object) -> bool:
        return not isinstance(value, str) or DATE.fullmatch(value) is not None

    @checker.checks("date-time")
    def is_date_time(value: object) -> bool:
        return not isinstance(value, str) or DATE_TIME.fullmatch(value) is not None

    return checker


@cache
def validator(name: str) -> Draft7Validator:
    """The validator of `name` (e.g. "Paper"), with every OParl schema resolvable by its file name."""
    folder = need_schemas()
    registry: Registry = Registry()
    for path in sorted(folder.glob("*.json")):
        schema = _with_refs(json.loads(path.read_text(encoding="utf-8")))
        registry = registry.with_resource(path.name, Resource.from_contents(schema, default_specification=_draft7()))
    root = _with_refs(json.loads((folder / f"{name}.json").read_text(encoding="utf-8")))
    return Draft7Validator(root, registry=registry, format_checker=_formats())


def _draft7() -> Any:
    from referencing.jsonschema import DRAFT7

    return DRAFT7


def problems(name: str, document: Any) -> list[str]:
    """Every violation of the OParl schema `name` in `document`, as "path: message"."""
    errors = validator(name).iter_errors(document)
    return sorted(f"{'/'.join(str(p) for p in error.absolute_path)}: {error.message}" for error in errors)
