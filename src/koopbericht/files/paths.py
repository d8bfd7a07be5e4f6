"""Paths as the user reads them, and links that lead out of the working folder.

One place for both, because each was written several times with small differences
(which exceptions are caught, whether links are followed).
"""

from __future__ import annotations

from pathlib import Path


def shown_relative(path: Path, base: Path) -> Path:
    """`path` relative to `base` when it lies below it (links followed), else `path` as given."""
    try:
        return path.resolve().relative_to(base.resolve())
    except (ValueError, OSError):  # not below base; or base (the current folder) no longer exists
        return path


def leads_out(path: Path, root: Path) -> bool:
    """Whether `path`, with every link followed, lies outside `root`."""
    return not path.resolve().is_relative_to(root.resolve())
