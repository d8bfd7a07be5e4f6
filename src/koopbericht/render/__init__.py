"""Rendering stage: the document model and activities into .docx, .xlsx, OParl JSON and PDF."""

from ..document import PublishedFile
from .docx.writer import render_docx
from .oparl import render_oparl
from .pdf.convert import docx_to_pdf, find_soffice
from .xlsx.overview import render_annex_xlsx

__all__ = [
    "PublishedFile", "docx_to_pdf", "find_soffice", "render_annex_xlsx", "render_docx",
    "render_oparl",
]  # fmt: skip
