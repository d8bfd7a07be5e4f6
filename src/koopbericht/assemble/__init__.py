"""Assembling stage: the document model of the Vorlage from checked, normalised data."""

from .annex import Annex, AnnexGroup, annex_table
from .annexdoc import annex_document, annex_rows
from .stamps import draft_mark, timestamp_for
from .stats import Completeness, YearFigures, figures, placeholders
from .vorlage import Attachment, assemble

__all__ = [
    "Annex",
    "AnnexGroup",
    "Attachment",
    "Completeness",
    "YearFigures",
    "annex_document",
    "annex_rows",
    "annex_table",
    "assemble",
    "draft_mark",
    "figures",
    "placeholders",
    "timestamp_for",
]
