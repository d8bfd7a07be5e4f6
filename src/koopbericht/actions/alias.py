"""`alias`: a spelling the Geschäftsbereiche use becomes an alias of a registered partner.

The usual fix for `partner-unbekannt`: afterwards the spelling is taken over as the registered
name, silently, in every year. koopbericht.toml is edited line by line (`config.aliases`), so
the clerk's comments and layout stay; nothing is written unless the edited file gives exactly the
register with the one alias more.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..config import CONFIG_FILE, Partner, match_key
from ..config.aliases import toml_string, with_alias
from ..errors import UsageError
from ..files.atomic import write_text_atomic
from ..project.folder import Project


@dataclass(frozen=True)
class AliasAdded:
    """What `alias` did: the partner, the spelling, and whether koopbericht.toml changed."""

    partner: str
    spelling: str
    path: Path
    changed: bool


def add_alias(project: Project, spelling: str, partner: str) -> AliasAdded:
    """Add `spelling` to the aliases of the registered `partner` (its name, or one of its aliases)."""
    spelling = " ".join(spelling.split())
    if not spelling:
        raise UsageError("Bitte die Schreibweise angeben, die als Alias gelten soll.")
    partners = project.settings.partners
    position = _position(partners, partner)
    target = partners[position]
    path = project.root / CONFIG_FILE
    owner = _owner(partners, spelling)
    if owner is target:
        return AliasAdded(target.name, spelling, path, changed=False)
    if owner is not None:
        raise UsageError(
            f"„{spelling}“ ist schon Name oder Alias von „{owner.name}“ im Partnerverzeichnis; ein Alias kann nur "
            f"zu einem Partner gehören. Gehört er zu „{target.name}“, bitte zuerst bei „{owner.name}“ in "
            f"{CONFIG_FILE} entfernen."
        )
    text = path.read_bytes().decode("utf-8")  # not read_text: its line ends stay as they are (CRLF from Windows)
    edited = with_alias(text, position, spelling)
    if edited is None:
        raise UsageError(
            f"Der Eintrag von „{target.name}“ in {CONFIG_FILE} lässt sich nicht Zeile für Zeile ergänzen; es wurde "
            f"nichts geändert. Bitte von Hand bei diesem Partner eintragen: aliase = [{_aliases(target, spelling)}]"
        )
    write_text_atomic(path, edited)  # parsed again by `with_alias`: the register plus this one alias, nothing else
    return AliasAdded(target.name, spelling, path, changed=True)


def _position(partners: tuple[Partner, ...], name: str) -> int:
    """Where the partner called `name` (or with the alias `name`) is in the register; a UsageError if nowhere."""
    key = match_key(name)
    for position, partner in enumerate(partners):
        if match_key(partner.name) == key:
            return position
    for position, partner in enumerate(partners):
        if any(match_key(alias) == key for alias in partner.aliases):
            return position
    close = [p.name for p in partners if key and key in match_key(p.name)][:3]
    hint = f" Gemeint ist vielleicht: {', '.join(f'„{c}“' for c in close)}." if close else ""
    raise UsageError(
        f"„{name}“ steht nicht im Partnerverzeichnis in {CONFIG_FILE}.{hint} Einen neuen Partner tragen Sie dort als "
        "Abschnitt [[partner]] mit name (und art) ein."
    )


def _owner(partners: tuple[Partner, ...], spelling: str) -> Partner | None:
    """The partner whose name or alias `spelling` already is."""
    key = match_key(spelling)
    return next((p for p in partners if any(match_key(label) == key for label in (p.name, *p.aliases))), None)


def _aliases(partner: Partner, spelling: str) -> str:
    return ", ".join(toml_string(alias) for alias in (*partner.aliases, spelling))
