"""Checks across files: which Geschäftsbereich each file belongs to, duplicate Nr. and activities."""

from __future__ import annotations

from collections.abc import Iterator

from ..config import Settings, match_key
from ..findings import Finding
from ..findings import catalogue as F
from ..model import Activity
from ..read import SourceFile


def check_departments(sources: list[SourceFile], settings: Settings, whole_year: bool) -> Iterator[Finding]:
    """Files that match no or several Geschäftsbereiche; with `whole_year`, also missing and doubled ones."""
    by_department: dict[str, list[SourceFile]] = {}
    for source in sources:
        if not source.departments:
            patterns = "; ".join(f"{d.code}: {', '.join(d.patterns)}" for d in settings.departments)
            yield F.FILE_NO_DEPARTMENT.at(
                source.file,
                "Der Dateiname passt zu keinem Geschäftsbereich, die Meldungen werden keinem zugeordnet. Bitte "
                f"die Datei umbenennen oder die Dateimuster in koopbericht.toml anpassen ({patterns}).",
            )
        elif len(source.departments) > 1:
            yield F.FILE_MANY_DEPARTMENTS.at(
                source.file,
                f"Der Dateiname passt zu mehreren Geschäftsbereichen ({', '.join(source.departments)}). Bitte die "
                "Datei eindeutig benennen oder die Dateimuster in koopbericht.toml schärfen.",
            )
        else:
            by_department.setdefault(source.departments[0], []).append(source)
    if not whole_year:
        return
    for department in settings.departments:
        files = by_department.get(department.code, [])
        if not files:
            yield F.DEPARTMENT_MISSING.at(
                f"meldungen/{department.patterns[0]}",
                f"Für {department.code} ({department.name}) liegt kein Meldebogen vor.",
                value=department.code,
            )
        # With `mehrere_dateien = true` every file is read and merged; Nr. stays unique across them.
        for extra in [] if department.several_files else files[1:]:
            yield F.DEPARTMENT_TWICE.at(
                extra.file,
                f"Für {department.code} liegt schon „{files[0].file}“ vor. Meist ist eine Datei eine ältere "
                "Fassung: bitte die überholte aus dem Ordner meldungen/ entfernen.",
                value=department.code,
            )


def check_duplicates(activities: list[Activity], settings: Settings) -> Iterator[Finding]:
    """The same Nr. twice, and the same activity (title and partners) reported twice."""
    nr_title = settings.column("nr").title
    title_title = settings.column("vorhaben").title
    by_id: dict[str, Activity] = {}
    by_content: dict[tuple[str, tuple[str, ...]], Activity] = {}
    told: set[int] = set()  # first holders of a Nr. already told that another file has it too
    for activity in activities:
        if not activity.id_assigned:
            key = activity.id.strip().casefold()
            first = by_id.get(key)
            if first is None:
                by_id[key] = activity
            else:
                # In another file the first holder is told too: each file's sender sees the clash in it.
                if first.source.file != activity.source.file and id(first) not in told:
                    told.add(id(first))
                    yield _id_duplicate(first, f"ist auch in {_where(activity)} vergeben", nr_title)
                yield _id_duplicate(activity, f"ist schon vergeben ({_where(first)})", nr_title)
        content = (match_key(activity.title), tuple(match_key(p) for p in activity.partners))
        if not activity.title:
            continue
        other = by_content.get(content)
        if other is None:
            by_content[content] = activity
        else:
            yield F.ACTIVITY_DUPLICATE.at(
                activity.source.file,
                f"Dieses Vorhaben ist mit gleichem Titel und gleichen Partnern schon gemeldet ({_where(other)}). "
                "Bitte nur einmal melden, beim federführenden Geschäftsbereich.",
                sheet=activity.source.sheet,
                cell=activity.source.cell("vorhaben"),
                row=activity.source.row,
                column=title_title,
                value=activity.title,
            )


def _id_duplicate(activity: Activity, clash: str, nr_title: str) -> Finding:
    """`nr-doppelt` at `activity`'s Nr. cell; `clash` says where the same Nr. is."""
    return F.ID_DUPLICATE.at(
        activity.source.file,
        f"Die Nr. {activity.id} {clash}. Jede Nr. darf nur einmal vorkommen; neue Vorhaben bleiben ohne Nr.",
        sheet=activity.source.sheet,
        cell=activity.source.cell("nr"),
        row=activity.source.row,
        column=nr_title,
        value=activity.id,
    )


def _where(activity: Activity) -> str:
    return f"{activity.source.file}, Blatt „{activity.source.sheet}“, Zeile {activity.source.row}"
