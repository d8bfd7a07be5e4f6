"""The built-in example working folder (Landeshauptstadt Potsdam, 2021 to 2023), wherever it was installed.

A wheel carries it inside the package as `koopbericht/beispiel` (pyproject's `sources`); in a
source checkout or an editable install it is the repository's `examples/potsdam`.
"""

from __future__ import annotations

from pathlib import Path

from ..config import CONFIG_FILE

_PACKAGE = Path(__file__).resolve().parents[1]
INSTALLED = _PACKAGE / "beispiel"
CHECKOUT = _PACKAGE.parents[1] / "examples" / "potsdam"
OUTPUT_FOLDER = "ausgabe"  # the example's outputs, left behind by a build in a checkout: never copied


def example_folder() -> Path | None:
    """The example's working folder: the installed copy first, else the checkout's; None when neither exists."""
    for candidate in (INSTALLED, CHECKOUT):
        if (candidate / CONFIG_FILE).is_file():
            return candidate
    return None


def example_files(source: Path) -> dict[Path, bytes]:
    """The example's files by their path relative to `source`, without outputs or caches."""
    files: dict[Path, bytes] = {}
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if relative.parts[0] == OUTPUT_FOLDER or "__pycache__" in relative.parts or not path.is_file():
            continue
        files[relative] = path.read_bytes()
    return files
