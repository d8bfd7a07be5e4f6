"""Findings: what `validate` reports, as data, and what a Geschäftsbereich is asked to do about each.

`finding` holds the data types (a `Finding`, its `Location`, `Scope` and `Severity`, a
`FindingType`), `report` a run's `Report`, `catalogue` one record per finding code with its
department advice; `advice` turns a finding into the text a department reads.
"""

from .catalogue import CATALOGUE, TYPES
from .finding import JSON_KEYS, Doubt, Finding, FindingType, Location, Note, Scope, Severity
from .report import Report

__all__ = [
    "CATALOGUE", "JSON_KEYS", "TYPES", "Doubt", "Finding", "FindingType", "Location", "Note", "Report", "Scope",
    "Severity",
]  # fmt: skip
