"""`build --pdf`: the Vorlage converted by LibreOffice, with a private, temporary profile."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import UsageError

TIMEOUT_SECONDS = 300


def find_soffice() -> str | None:
    """The LibreOffice command, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: Path) -> bytes:
    """Convert `docx` to PDF bytes; UsageError with a German explanation when impossible."""
    soffice = find_soffice()
    if soffice is None:
        raise UsageError(
            "Für --pdf wird LibreOffice benötigt, es ist aber nicht installiert (Befehl „soffice“ nicht "
            "gefunden). Die Vorlage wurde als .docx geschrieben; installieren Sie LibreOffice oder erzeugen "
            "Sie die PDF-Datei in Word."
        )
    with tempfile.TemporaryDirectory(prefix="koopbericht-pdf-") as folder:
        work = Path(folder)
        profile = work / "profil"
        try:
            completed = subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={profile.as_uri()}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(work),
                    str(docx),
                ],
                capture_output=True,
                text=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise UsageError(f"LibreOffice hat die PDF-Datei nicht binnen {TIMEOUT_SECONDS} s erzeugt.") from None
        result = work / f"{docx.stem}.pdf"
        if completed.returncode != 0 or not result.is_file():
            detail = (completed.stderr or completed.stdout).strip().splitlines()[-1:] or ["keine Meldung"]
            raise UsageError(f"LibreOffice konnte keine PDF-Datei erzeugen ({detail[0]}).")
        return result.read_bytes()
