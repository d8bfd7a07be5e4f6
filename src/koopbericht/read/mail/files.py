"""Which mail files the clerk's paths name: `.msg` and `.eml` files, and those directly in given folders."""

from __future__ import annotations

from pathlib import Path

from ...errors import UsageError

MAIL_SUFFIXES = (".msg", ".eml")
# More replies than any city has Geschäftsbereiche many times over: a whole mailbox dragged out by
# mistake, whose unrelated mails with spreadsheets from the same addresses must not become Meldebögen.
MAX_MAILS = 300


def mail_files(paths: list[Path]) -> list[Path]:
    """The mail files to read, in name order; a folder gives the mail files directly in it.

    Raises UsageError for a path that does not exist, a file that is no .msg/.eml, a folder with
    no mail in it, or more than MAX_MAILS mails at once.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted((p for p in path.iterdir() if p.is_file() and _is_mail(p)), key=lambda p: p.name.casefold())
            if not inside:
                raise UsageError(f"Im Ordner {path} liegt keine E-Mail-Datei (.msg oder .eml).")
            found += inside
        elif path.is_file():
            if path.suffix.casefold() not in MAIL_SUFFIXES:
                raise UsageError(
                    f"{path} ist keine E-Mail-Datei. Bitte .msg-Dateien (Outlook) oder .eml-Dateien "
                    "(Thunderbird und andere) angeben, oder einen Ordner mit ihnen."
                )
            found.append(path)
        else:
            raise UsageError(f"{path} gibt es nicht. Bitte eine E-Mail-Datei oder einen Ordner angeben.")
    unique = list(dict.fromkeys(found))
    if len(unique) > MAX_MAILS:
        raise UsageError(
            f"Das sind {len(unique)} E-Mails auf einmal; eingelesen werden höchstens {MAX_MAILS}. Bitte nur die "
            "Antworten der Geschäftsbereiche in einen Ordner legen (etwa alle Mails mit Meldebogen aus dem "
            "Postfach) und diesen angeben. Es wurde nichts übernommen."
        )
    return unique


def _is_mail(path: Path) -> bool:
    return path.suffix.casefold() in MAIL_SUFFIXES and not path.name.startswith(("~$", "."))
