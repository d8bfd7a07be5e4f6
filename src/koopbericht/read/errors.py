"""The one exception of the reading stage: a workbook that cannot be read at all."""

from __future__ import annotations


class UnreadableWorkbook(Exception):
    """The file is not a readable xlsx; `kind` selects the finding, `message` says why (German)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
