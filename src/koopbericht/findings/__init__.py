"""Findings: what `validate` reports, as data, and what a Geschäftsbereich is asked to do about each.

`catalogue` holds one record per finding code; `advice` turns a finding into the text a
department reads.
"""

from .catalogue import CATALOGUE, JSON_KEYS, TYPES, Finding, FindingType, Location, Note, Report, Scope, Severity

__all__ = [
    "CATALOGUE", "JSON_KEYS", "TYPES", "Finding", "FindingType", "Location", "Note", "Report", "Scope", "Severity",
]  # fmt: skip
