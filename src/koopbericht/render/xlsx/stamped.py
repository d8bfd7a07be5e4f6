"""Pinning the dates openpyxl writes, so that the same workbook gives the same bytes on every run.

openpyxl dates the core properties' `modified` with the moment of saving, whatever the workbook
says, and the zip members with the current time; both are set here to a given timestamp.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator

from openpyxl import Workbook

from ..zipped import deterministic_zip

CORE = "docProps/core.xml"
_MODIFIED = re.compile(rb"(<dcterms:modified\b[^>]*>)[^<]*(</dcterms:modified>)")


def stamped_xlsx(data: bytes, timestamp: dt.datetime) -> bytes:
    """The xlsx `data` with its zip members and its `modified` core property dated `timestamp`."""
    stamp = timestamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")

    def pinned(core: bytes) -> Iterator[bytes]:
        yield _MODIFIED.sub(lambda m: m.group(1) + stamp + m.group(2), core)

    return deterministic_zip(data, timestamp, {CORE: pinned})


def workbook_bytes(workbook: Workbook, timestamp: dt.datetime) -> bytes:
    """`workbook` as xlsx bytes that depend on its content and `timestamp` alone.

    openpyxl dates a new workbook's `created` with the moment it was made; it is set to `timestamp`
    here, like `modified` and the zip members, so two runs on the same input give the same bytes.
    """
    workbook.properties.created = workbook.properties.modified = timestamp
    buffer = io.BytesIO()
    workbook.save(buffer)
    return stamped_xlsx(buffer.getvalue(), timestamp)
