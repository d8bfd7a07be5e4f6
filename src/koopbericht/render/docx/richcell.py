"""Table cells of formatted runs: struck-through and underlined words, and Word tracked changes.

The Synopse marks the words deleted between two years struck through (`w:strike`) and
the words inserted underlined (`w:u`); with `--nachverfolgung` the same changes are also
written as tracked changes (`w:del`, `w:ins`) by the author „koopbericht“ at a fixed
time, so that Word's review pane steps through them. Runs are written as XML text, like
every table cell (see `oxml`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import count
from xml.sax.saxutils import escape

from ...document import Run
from ...formatting import keep_together
from ...normalise.values import XML_ILLEGAL

AUTHOR = "koopbericht"


class Revisions:
    """Numbers the tracked changes of one document (a `w:id` is unique in the document) and dates them."""

    def __init__(self, date: str, first: int = 1) -> None:
        self.date = date
        self._ids: Iterator[int] = count(first)

    def wrap(self, kind: str, run_xml: str) -> str:
        """`run_xml` inside a `w:ins` or `w:del`."""
        return f'<w:{kind} w:id="{next(self._ids)}" w:author="{AUTHOR}" w:date="{self.date}">{run_xml}</w:{kind}>'


def rich_paragraph(runs: Sequence[Run], style: str | None, revisions: Revisions | None) -> str:
    """One cell paragraph of `runs`; a newline in a run's text is a line break."""
    properties = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{properties}{''.join(_run(run, revisions) for run in runs)}</w:p>"


def _run(run: Run, revisions: Revisions | None) -> str:
    properties = "<w:b/>" * run.bold + "<w:i/>" * run.italic + "<w:strike/>" * run.struck  # Word's order
    properties += '<w:u w:val="single"/>' * run.underlined
    tag = "w:delText" if run.tracked == "del" else "w:t"
    texts = "<w:br/>".join(
        f'<{tag} xml:space="preserve">{escape(XML_ILLEGAL.sub("", keep_together(line)))}</{tag}>' if line else ""
        for line in run.text.split("\n")
    )
    xml = f"<w:r>{f'<w:rPr>{properties}</w:rPr>' if properties else ''}{texts}</w:r>"
    if run.tracked and revisions is not None:
        return revisions.wrap(run.tracked, xml)
    return xml
