"""What the structure scan finds in a worksheet's XML: the facts calamine cannot see."""

from __future__ import annotations

from dataclasses import dataclass, field

# The grid of every Excel version since 2007: a reference beyond it is damage.
MAX_ROW, MAX_COLUMN = 1_048_576, 16_384


@dataclass
class SheetStructure:
    """Facts about one sheet that only its XML shows."""

    hidden_rows: set[int] = field(default_factory=set)
    merged_ranges: list[str] = field(default_factory=list)
    formulas_without_value: list[str] = field(default_factory=list)
    # Cells holding an error value (#N/A, #DIV/0!, …), which calamine reads as empty.
    error_cells: dict[str, str] = field(default_factory=dict)
    last_value_row: int = 0
    value_cells: int = 0
    # The furthest row and column that hold a value, and a cell in each: calamine
    # materialises the whole rectangle up to them.
    max_row: int = 0
    max_column: int = 0
    max_row_ref: str = ""
    max_column_ref: str = ""

    def spanned_cells(self) -> int:
        """How many cells the rectangle from A1 to the furthest value spans."""
        return self.max_row * self.max_column


@dataclass(frozen=True)
class FastScan:
    """The fast path's answer: the structure, and where merged ranges remain to be read, the part without its rows."""

    structure: SheetStructure
    skeleton: bytes | None
