"""The comparison as Markdown (to paste into text/*.md), JSON and xlsx."""

from __future__ import annotations

from typing import Any

from ..compare import Change, Comparison, Uncomparable, headline_figures
from ..formatting import MINUS, spelled_count, spelled_number
from ..model import NO_REPORT, Activity
from .xlsx.comparison import comparison_workbook


def _describe(activity: Activity) -> str:
    partners = ", ".join(activity.partners[:3]) + (" u. a." if len(activity.partners) > 3 else "")
    # "Partner:" and not "mit …": a name needs its article in running text ("mit dem Deutschen Städtetag").
    return f"**{activity.title}** ({activity.department}" + (f"; Partner: {partners})" if partners else ")")


def _difference(before: int | None, after: int | None) -> str:
    if before is None or after is None:
        return "–"
    delta = after - before
    return "±0" if delta == 0 else f"{delta:+d}".replace("-", MINUS)  # a real minus sign


def _count(value: int | None) -> str:
    return NO_REPORT if value is None else str(value)


def caveats(result: Comparison) -> list[str]:
    """German sentences that say what the comparison leaves out; empty when both years are complete."""
    if result.complete:
        return []
    lines = [
        "Der Vergleich ist unvollständig. Nicht vergleichbare Vorhaben sind weder als neu noch als nicht mehr "
        "gemeldet gezählt; die Gesamtzahlen enthalten nur die verwendeten Meldungen."
    ]
    for gap in result.gaps:
        count = sum(1 for u in result.not_comparable if u.reason == str(gap))
        other = result.year_new if gap.year == result.year_old else result.year_old
        suffix = f" – {_vorhaben(count)} aus {other} nicht verglichen." if count else "."
        lines.append(f"{gap}{suffix}")
    gap_reasons = {str(g) for g in result.gaps}
    rows = sum(1 for u in result.not_comparable if u.reason not in gap_reasons)
    if rows:
        lines.append(
            f"{_vorhaben(rows)} nicht verglichen, weil ihre Zeile in einem der Jahre fehlerhaft war und "
            "weggelassen wurde."
        )
    if result.left_out:
        lines.append(
            f"Wegen Fehlern weggelassen: {spelled_count(len(result.left_out), 'Eintrag', 'Einträge')} "
            "(einzelne Zeilen oder ganze Dateien)."
        )
    lines += [f"Nicht gelesen, daher nicht verglichen: {line}." for line in result.unread]
    return lines


def _are(count: int, with_count: bool = True) -> str:
    """The count and its verb in running text: „eines ist“, „drei sind“, „13 sind“."""
    verb = "ist" if count == 1 else "sind"
    if not with_count:
        return verb
    return f"{_pronoun(count)} {verb}"


def _pronoun(count: int) -> str:
    """A count standing for „Vorhaben“: „eines“, „drei“, „13“."""
    return "eines" if count == 1 else spelled_number(count)


def _dative(count: int) -> str:
    """The count after „bei“: „einem“, „keinem“, „drei“."""
    return {0: "keinem", 1: "einem"}.get(count) or spelled_number(count)


def _vorhaben(count: int) -> str:
    return spelled_count(count, "Vorhaben", "Vorhaben")


def _uncomparable_line(item: Uncomparable) -> str:
    return f"{_describe(item.activity)}: {item.reason}"


def to_markdown(result: Comparison) -> str:
    """Short German lists, ready to paste into a narrative section."""
    a, b = result.year_old, result.year_new
    more = result.total_new - result.total_old
    trend = "genauso viele wie" if more == 0 else f"{spelled_number(abs(more))} {'mehr' if more > 0 else 'weniger'} als"
    lines = [f"## Veränderungen gegenüber {a}", ""]
    notes = caveats(result)
    if notes:
        lines += [f"> **Vorbehalt:** {notes[0]}", ">", *(f"> - {note}" for note in notes[1:]), ""]
    if result.gaps or result.not_comparable:
        # Totals over different sets of Geschäftsbereiche: no "more" or "fewer".
        totals = (
            f"Für {b} wurden {_vorhaben(result.total_new)} verwendet, für {a} {spelled_number(result.total_old)}; "
            "wegen der fehlenden "
            "oder weggelassenen Meldungen sagt der Unterschied nichts über die Zusammenarbeit."
        )
    else:
        totals = f"Für {b} wurden {_vorhaben(result.total_new)} gemeldet, {trend} {a} ({result.total_old})."
    not_comparable = f", {_are(len(result.not_comparable))} nicht vergleichbar" if result.not_comparable else ""
    unchanged = f", {_are(result.unchanged)} unverändert" if result.unchanged else ""
    lines.append(
        f"{totals} {_vorhaben(len(result.added))} {_are(len(result.added), False)} neu, "
        f"{_pronoun(len(result.removed))} {'wird' if len(result.removed) == 1 else 'werden'} nicht mehr "
        f"gemeldet, bei {_dative(len(result.changed))} hat sich etwas geändert{unchanged}{not_comparable}."
    )
    sections: list[tuple[str, list[str]]] = [
        ("Neue Vorhaben", [_describe(x) for x in result.added]),
        ("Nicht mehr gemeldet", [_describe(x) for x in result.removed]),
        ("Nicht vergleichbar", [_uncomparable_line(x) for x in result.not_comparable]),
        ("Geänderter Status", [
            f"**{c.title}** ({c.new.department}): {f.old or 'ohne Angabe'} → {f.new or 'ohne Angabe'}"
            for c in result.changed for f in c.fields if f.key == "status"
        ]),
        ("Veränderte Partner", [_partner_line(c) for c in result.changed if c.partners_added or c.partners_removed]),
        ("Neue Kooperationspartner", result.partners_gained),
        ("Nicht mehr beteiligte Kooperationspartner", result.partners_lost),
    ]  # fmt: skip
    for heading, items in sections:
        if items:
            lines += ["", f"### {heading}", "", *(f"- {item}" for item in items)]
    for counts in result.counts:
        lines += ["", f"### Vorhaben je {counts.dimension}", "", f"| {counts.dimension} | {a} | {b} | Veränderung |"]
        lines.append("| --- | ---: | ---: | ---: |")
        lines += [f"| {label} | {_count(x)} | {_count(y)} | {_difference(x, y)} |" for label, x, y in counts.rows]
    return "\n".join(lines) + "\n"


def _partner_line(change: Change) -> str:
    parts = []
    if change.partners_added:
        parts.append("neu: " + ", ".join(change.partners_added))
    if change.partners_removed:
        parts.append("nicht mehr: " + ", ".join(change.partners_removed))
    return f"**{change.title}** ({change.new.department}): " + "; ".join(parts)


def _activity_json(activity: Activity) -> dict[str, Any]:
    return {
        "nr": activity.published_id or None,
        "geschaeftsbereich": activity.department,
        "vorhaben": activity.title,
        "kooperationspartner": list(activity.partners),
        "status": activity.status,
    }


def to_json(result: Comparison) -> dict[str, Any]:
    """The comparison as a JSON-ready dict (German keys, as all user-facing data)."""
    return {
        "jahre": [result.year_old, result.year_new],
        "anzahl": {str(result.year_old): result.total_old, str(result.year_new): result.total_new},
        "ueberblick": [{"kennzahl": f.label, "anzahl": f.value} for f in headline_figures(result)],
        "neu": [_activity_json(a) for a in result.added],
        "nicht_mehr_gemeldet": [_activity_json(a) for a in result.removed],
        "geaendert": [
            {
                **_activity_json(c.new),
                "zuordnung": c.reason,
                "felder": [{"spalte": f.column, "alt": f.old, "neu": f.new} for f in c.fields],
                "partner_hinzu": list(c.partners_added),
                "partner_weg": list(c.partners_removed),
            }
            for c in result.changed
        ],
        "unveraendert": result.unchanged,
        "partner_neu": result.partners_gained,
        "partner_weggefallen": result.partners_lost,
        "zaehlung": {
            c.dimension: [{"wert": label, str(result.year_old): x, str(result.year_new): y} for label, x, y in c.rows]
            for c in result.counts
        },
        "weggelassen": result.left_out,
        "vollstaendig": result.complete,
        "vorbehalte": caveats(result),
        "ohne_meldebogen": [
            {"geschaeftsbereich": g.department, "jahr": g.year, "grund": g.reason} for g in result.gaps
        ],
        "nicht_vergleichbar": [
            {**_activity_json(u.activity), "jahr": u.year, "grund": u.reason} for u in result.not_comparable
        ],
    }


def to_xlsx(result: Comparison) -> bytes:
    """The comparison as a workbook: „Überblick“ first, then one sheet per list (`xlsx.comparison`)."""
    notes = caveats(result)
    if notes:
        notes += [f"Weggelassen: {line}" for line in result.left_out]
    return comparison_workbook(result, notes)
