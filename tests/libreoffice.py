"""Running LibreOffice headless in tests, with a private profile so runs do not collide."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from koopbericht.render.pdf.soffice import find_soffice


def soffice() -> str:
    """The LibreOffice binary, found as `build --pdf` finds it; tests that need it fail loudly if it is missing."""
    found = find_soffice()
    if found is None:
        pytest.fail("LibreOffice (soffice) ist nicht installiert; .ci/run installiert es.")
    return found


def convert(source: Path, target_format: str, out_dir: Path, profile: Path) -> Path:
    """Convert `source` with LibreOffice into `out_dir`; returns the written file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    completed = subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target_format,
            "--outdir",
            str(out_dir),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    extension = target_format.split(":")[0]
    result = out_dir / f"{source.stem}.{extension}"
    assert completed.returncode == 0 and result.exists(), completed.stdout + completed.stderr
    return result
