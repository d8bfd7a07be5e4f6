"""Assembling stage: the document model of the Vorlage from checked, normalised data."""

from .annex import Annex, AnnexGroup, annex_table
from .stats import Completeness, YearFigures, figures, placeholders
from .vorlage import Attachment, assemble, timestamp_for

__all__ = [
    "Annex",
    "AnnexGroup",
    "Attachment",
    "Completeness",
    "YearFigures",
    "annex_table",
    "assemble",
    "figures",
    "placeholders",
    "timestamp_for",
]
