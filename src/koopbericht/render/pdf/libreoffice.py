"""One LibreOffice for a whole build: started once, handed every conversion, and always ended.

Starting LibreOffice costs seconds (a fresh private profile each time), converting a
document a fraction of that. A build converts the Anlage first (the Vorlage lists the
size of its PDF) and then the Vorlage, so both cannot go into one `--convert-to` call.
Instead one headless LibreOffice is started with a private profile and left waiting; each
conversion is a second `soffice --convert-to` with the same profile, which LibreOffice
hands over to the waiting instance through its own pipe and which returns once that
instance has written the file. So every document of a build is converted by one
LibreOffice, and the session ends it (its whole process group) on success, on failure
and when koopbericht is asked to stop (SIGTERM, SIGHUP).

Two facts of LibreOffice (7.4) shape the start: an instance ends by itself once a handed-over
conversion leaves no document open, so it is started with a small empty document of its own
that stays open; and a conversion handed over before the instance has finished starting is
taken as part of its start-up, after which it ends too, so conversions are handed over only
once that document is open, which LibreOffice shows by the document's lock file. A
LibreOffice that ends at once (or a stand-in in the tests) is no error here: each conversion
then runs on its own.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from ...errors import UsageError
from ...files.oserrors import os_problem
from .soffice import missing, search

TIMEOUT_SECONDS = 300  # one conversion
START_SECONDS = 60  # waiting for the instance to open its own document
STOP_SECONDS = 10
_WINDOWS = sys.platform == "win32"
# writer_pdf_Export's options (LibreOffice ≥ 7.4 takes them as JSON after the filter name).
EXPORT_OPTIONS = {
    "SelectPdfVersion": {"type": "long", "value": "2"},  # PDF/A-2b
    "PDFUACompliance": {"type": "boolean", "value": "true"},
    "UseTaggedPDF": {"type": "boolean", "value": "true"},
    "ExportBookmarks": {"type": "boolean", "value": "true"},
    "DisplayPDFDocumentTitle": {"type": "boolean", "value": "true"},
    "EmbedStandardFonts": {"type": "boolean", "value": "true"},
}
PDF_TARGET = "pdf:writer_pdf_Export:" + json.dumps(EXPORT_OPTIONS, separators=(",", ":"))
# The document the waiting instance keeps open: an empty text in flat OpenDocument, written as it is.
HELD_NAME = "offen-halten.fodt"
HELD_DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" '
    'office:mimetype="application/vnd.oasis.opendocument.text">'
    "<office:body><office:text><text:p/></office:text></office:body></office:document>\n"
)


def profile_url(folder: PurePath) -> str:
    """LibreOffice's private profile as a file URL: `file:///C:/Users/J%C3%BCrgen/…` on Windows."""
    return folder.as_uri()


@dataclass
class Office:
    """A running LibreOffice (or none, when it ended at once) and the private folder of the session."""

    program: str
    folder: Path
    process: subprocess.Popen[bytes] | None = None
    conversions: int = 0

    @property
    def profile(self) -> str:
        """The `-env:UserInstallation` argument every call of the session shares."""
        return f"-env:UserInstallation={profile_url(self.folder / 'profil')}"

    def to_pdf(self, docx: Path) -> bytes:
        """The PDF LibreOffice makes of `docx` (raw, as exported); UsageError in German when it cannot."""
        self.conversions += 1
        outdir = self.folder / f"pdf-{self.conversions}"
        outdir.mkdir()
        command = [self.program, self.profile, "--headless", "--norestore", "--convert-to", PDF_TARGET,
                   "--outdir", str(outdir), str(docx)]  # fmt: skip
        try:
            # LibreOffice speaks the console's code page (cp850, cp1252 on Windows): never a decoding error.
            call = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    encoding="utf-8", errors="replace", start_new_session=not _WINDOWS,
                                    creationflags=getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0))  # fmt: skip
        except OSError as error:
            raise UsageError(f"LibreOffice ließ sich nicht starten: {os_problem(error, self.program)}.") from None
        try:
            out, err = call.communicate(timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            _stop(call)  # the call and whatever it started
            with contextlib.suppress(subprocess.TimeoutExpired):
                call.communicate(timeout=STOP_SECONDS)  # closes the pipes, unless something escaped and holds them
            raise UsageError(f"LibreOffice hat die PDF-Datei nicht binnen {TIMEOUT_SECONDS} s erzeugt.") from None
        result = outdir / f"{docx.stem}.pdf"
        if call.returncode != 0 or not result.is_file():
            detail = (err or out).strip().splitlines()[-1:] or ["keine Meldung"]
            raise UsageError(f"LibreOffice konnte keine PDF-Datei erzeugen ({detail[0]}).")
        return result.read_bytes()


@contextlib.contextmanager
def libreoffice() -> Iterator[Office]:
    """One LibreOffice for every conversion inside the `with` block; ended when the block is left."""
    looked = search()
    if looked.found is None:
        raise missing(looked)
    # Windows: LibreOffice may still hold its profile for a moment after it ended; the folder is left then.
    with tempfile.TemporaryDirectory(prefix="koopbericht-pdf-", ignore_cleanup_errors=True) as folder:
        office = Office(looked.found, Path(folder))
        previous = _stop_on_signals()
        try:
            office.process = _start(office)
            yield office
        finally:
            if office.process is not None:
                _stop(office.process)
            _restore(previous)


def _stop_on_signals() -> dict[int, Any]:
    """Let SIGTERM and SIGHUP end koopbericht through its `finally` blocks, so LibreOffice is ended too.

    LibreOffice runs in a process group of its own, so a signal to koopbericht's group no longer reaches
    it; by default Python would die on these signals without cleaning up. Only the main thread may set handlers.
    """
    if threading.current_thread() is not threading.main_thread():
        return {}
    previous: dict[int, Any] = {}
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            previous[number] = signal.signal(number, _exit_on_signal)
    return previous


def _exit_on_signal(number: int, frame: object) -> None:
    raise SystemExit(128 + number)


def _restore(previous: dict[int, Any]) -> None:
    for number, handler in previous.items():
        signal.signal(number, handler)


def _start(office: Office) -> subprocess.Popen[bytes] | None:
    """Start the waiting instance and return once it takes conversions (or has ended: then none)."""
    held = office.folder / HELD_NAME
    held.write_text(HELD_DOCUMENT, encoding="utf-8")
    command = [office.program, office.profile, "--headless", "--invisible", "--norestore", "--nologo", str(held)]
    try:
        # A process group of its own, so that LibreOffice and what it starts end as a whole.
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=not _WINDOWS,
                                   creationflags=getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0))  # fmt: skip
    except OSError as error:
        raise UsageError(f"LibreOffice ließ sich nicht starten: {os_problem(error, office.program)}.") from None
    lock = office.folder / f".~lock.{HELD_NAME}#"  # LibreOffice's lock file: the document is open
    deadline = time.monotonic() + START_SECONDS
    try:
        while not lock.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
    except BaseException:  # stopped while waiting (SIGTERM, Ctrl+C): the caller does not know the process yet
        _stop(process)
        raise
    if process.poll() is not None:
        _stop(process)  # a launcher may have left its own children
        return None
    if not lock.exists():
        _stop(process)
        raise UsageError(
            f"LibreOffice ({office.program}) war nach {START_SECONDS} s noch nicht bereit; die PDF-Dateien wurden "
            "nicht erzeugt. Bitte prüfen, ob LibreOffice von Hand startet, und den Bau wiederholen."
        )
    return process


def _stop(process: subprocess.Popen[bytes] | subprocess.Popen[str]) -> None:
    """End LibreOffice and everything it started (`soffice` starts `soffice.bin`); wait until it is gone."""
    if _WINDOWS:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(["taskkill", "/PID", str(process.pid), "/T", "/F"], capture_output=True,
                           timeout=STOP_SECONDS, check=False)  # fmt: skip
    else:
        # The profile is thrown away: nothing is lost by not letting LibreOffice shut down politely.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=STOP_SECONDS)
