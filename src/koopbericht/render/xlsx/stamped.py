"""Pinning the dates openpyxl writes, so that the same workbook gives the same bytes on every run.

openpyxl dates the core properties' `modified` with the moment of saving, whatever the workbook
says, and the zip members with the current time; both are set here to a given timestamp.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from ..zipped import deterministic_zip
from .pagesetup import ready_for_print

CORE = "docProps/core.xml"
_MODIFIED = re.compile(rb"(<dcterms:modified\b[^>]*>)[^<]*(</dcterms:modified>)")


def stamped_xlsx(data: bytes, timestamp: dt.datetime) -> bytes:
    """The xlsx `data` with its zip members and its `modified` core property dated `timestamp`."""
    stamp = timestamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")

    def pinned(core: bytes) -> Iterator[bytes]:
        yield _MODIFIED.sub(lambda m: m.group(1) + stamp + m.group(2), core)

    return deterministic_zip(data, timestamp, {CORE: pinned})


def workbook_bytes(workbook: Workbook, timestamp: dt.datetime, *, created: bool = True) -> bytes:
    """`workbook` as xlsx bytes that depend on its content and `timestamp` alone.

    Every openpyxl workbook koopbericht writes is saved here. openpyxl dates a new workbook's `created`
    with the moment it was made and `save` dates `modified` with the moment of saving; both are set to
    `timestamp` here, like the zip members, so two runs on the same input give the same bytes.
    `created=False` keeps the `created` a loaded workbook brought. Every visible sheet is made ready
    for print on the way out (`pagesetup.ready_for_print`), so that no writer can forget it.
    """
    ready_for_print(workbook)
    if created:
        workbook.properties.created = timestamp
    workbook.properties.modified = timestamp
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).write_data()  # `save` would stamp the time of saving
    return stamped_xlsx(buffer.getvalue(), timestamp)
