"""Assembling stage: the document model of the Vorlage from checked, normalised data."""

from .stats import Completeness, YearFigures, figures, placeholders
from .vorlage import Attachment, assemble, format_value, timestamp_for

__all__ = [
    "Attachment",
    "Completeness",
    "YearFigures",
    "assemble",
    "figures",
    "format_value",
    "placeholders",
    "timestamp_for",
]
