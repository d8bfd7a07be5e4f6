"""The one exception of the reading stage, defined with all others in `koopbericht.errors`."""

from __future__ import annotations

from ..errors import UnreadableWorkbook

__all__ = ["UnreadableWorkbook"]
