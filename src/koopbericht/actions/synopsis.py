"""`compare --format docx`: the Synopse of two years as Word file, and with `--pdf` as PDF.

The PDF is made like build's (`build._converter`): one LibreOffice, started before the years are
checked so that it gets ready meanwhile, a PDF/A-2b and PDF/UA-1 export with the same repairs
(`render.pdf.convert.pdf_of`), dated with the Synopse. The PDF always shows the marked words;
Word's tracked changes (`--nachverfolgung`) are for stepping through in Word and stay in the .docx.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

from ..compare import Comparison
from ..files.atomic import write_all_atomic
from ..project.folder import Project
from ..render.docx.synopse import render_synopsis, synopsis_file_name
from ..render.pdf.convert import no_libreoffice, pdf_of
from ..render.pdf.libreoffice import Office, libreoffice
from .build import _converter
from .oparl import BERLIN


@contextlib.contextmanager
def synopsis_office(pdf: bool) -> Iterator[tuple[Office | None, bool, list[str]]]:
    """A running LibreOffice for `--pdf` (None without it), whether it is missing, and what to say about it."""
    program, notices = _converter(pdf, final=False)
    with libreoffice() if program is not None else contextlib.nullcontext() as office:
        yield office, pdf and program is None, notices


def write_synopsis(
    project: Project,
    comparison: Comparison,
    target: Path | None,
    *,
    office: Office | None,
    tracked: bool = False,
    check: Callable[[Path], None] | None = None,
) -> list[Path]:
    """Write the Synopse (and with a running `office` its PDF beside it); the paths written.

    Without `target` it goes to `ausgabe/JAHR_B/Synopse-JAHR_A-JAHR_B.docx`.
    """
    a, b = comparison.year_old, comparison.year_new
    target = target or project.output_dir(b) / synopsis_file_name(a, b)
    template = project.settings.output.word_template
    files = {target: render_synopsis(project.settings, comparison, tracked=tracked, template=template)}
    if office is not None:
        marked = files[target] if not tracked else render_synopsis(project.settings, comparison, template=template)
        stamp = dt.datetime(b + 1, 1, 1, 9, tzinfo=BERLIN)  # the Synopse's own date
        files[target.with_suffix(".pdf")] = pdf_of(office, marked, target.name, stamp)
    for path in files:
        if check is not None:
            check(path)
    write_all_atomic(files)
    return list(files)


def missing_libreoffice() -> Exception:
    """The error for `--pdf` without LibreOffice, raised after the .docx is written."""
    return no_libreoffice()
