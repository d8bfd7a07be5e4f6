"""All findings of a validation run, with what was read."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .finding import Finding, Severity


@dataclass
class Report:
    """All findings of a validation run, with what was read."""

    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    activities: int = 0
    unreadable_files: int = 0
    # What the clerk should know about the year's accepted findings (an acceptance that lapsed), in German.
    notices: list[str] = field(default_factory=list)

    def extend(self, findings: Iterable[Finding]) -> None:
        """Add findings."""
        self.findings.extend(findings)

    def count(self, severity: Severity) -> int:
        """How many findings have `severity`, those the clerk accepted not counted (see `accepted`)."""
        return sum(1 for f in self.findings if f.severity is severity and f.accepted is None)

    @property
    def accepted(self) -> int:
        """How many findings the clerk accepted (JAHR/akzeptiert.toml): counted apart from the warnings."""
        return sum(1 for f in self.findings if f.accepted is not None)

    def shown(self, include_infos: bool) -> list[Finding]:
        """The findings to show: infos (silent normalisations) only when asked for."""
        return [f for f in self.findings if include_infos or f.severity is not Severity.INFO]

    def summary(self, include_infos: bool = True) -> dict[str, int]:
        """The `summary` object of the JSON output, counting what is shown."""
        return {
            "errors": self.count(Severity.ERROR),
            "warnings": self.count(Severity.WARNING),
            "infos": self.count(Severity.INFO) if include_infos else 0,
            "files": self.files,
            "activities": self.activities,
            "accepted": self.accepted,  # after SPEC's keys: the findings the clerk accepted, not among the warnings
        }

    def as_json(self, include_infos: bool = True) -> dict[str, Any]:
        """`{"findings": [...], "summary": {...}}` as SPEC describes; each finding also names its activity."""
        findings = [f.as_json() for f in self.shown(include_infos)]
        return {"findings": findings, "summary": self.summary(include_infos)}

    def fails(self, strict: bool = False) -> bool:
        """Whether the run should exit with code 1."""
        return self.count(Severity.ERROR) > 0 or (strict and self.count(Severity.WARNING) > 0)
