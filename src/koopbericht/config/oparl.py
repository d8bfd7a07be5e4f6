"""`[oparl]` in koopbericht.toml: where the council information system publishes the Vorlage.

OParl identifies every object by the URL it is served at, and an importer fetches every
reference. koopbericht serves nothing, so the export is built from the base URL of the
city's OParl interface (`basis_url`) and the URL of the Körperschaft every Paper names
(`koerperschaft_url`); without either no export is written, because one with made-up
identifiers would not be OParl. Optional keys name the URLs the system already has for
organisations such as the Hauptausschuss (one without is left out of the export) and the licences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .toml.reader import TableReader

URL_HINT = "Erwartet wird eine vollständige Adresse mit https:// oder http://, z. B. „https://ris.example.org/oparl/“."


@dataclass(frozen=True)
class OparlOptions:
    """The URLs and licences of the OParl export; `base_url` or `body_url` None means: no export."""

    base_url: str | None = None
    body_url: str | None = None
    organisations: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    license: str | None = None
    file_license: str | None = None


def is_url(text: str) -> bool:
    """An absolute http(s) URL, as OParl's `url` format means it."""
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not any(c.isspace() for c in text)


def url(table: TableReader, key: str) -> str | None:
    """The URL under `key`, or None when absent; a problem (with file, line, key) when it is no URL."""
    value = table.text(key)
    if value is None:
        return None
    value = value.strip()
    if not is_url(value):
        table.doc.problem(table.key_path(key), f"„{value}“ ist keine Internetadresse. {URL_HINT}")
        return None
    return value


def load_oparl(top: TableReader) -> OparlOptions:
    """Read `[oparl]` (and `[oparl.organisationen]`); every key optional."""
    table = top.table("oparl")
    if table is None:
        return OparlOptions()
    base = url(table, "basis_url")
    if base is not None and not base.endswith("/"):
        base += "/"  # ids are built by appending paths
    organisations: dict[str, str] = {}
    names = table.table("organisationen")
    if names is not None:
        for name, value in names.items():
            if isinstance(value, str) and is_url(value.strip()):
                organisations[name.strip()] = value.strip()
            else:
                names.doc.problem(names.key_path(name), f"Für „{name}“ fehlt eine Internetadresse. {URL_HINT}")
    options = OparlOptions(
        base_url=base,
        body_url=url(table, "koerperschaft_url"),
        organisations=MappingProxyType(organisations),
        license=url(table, "lizenz"),
        file_license=url(table, "datei_lizenz"),
    )
    table.finish()
    return options
