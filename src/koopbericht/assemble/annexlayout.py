"""How the Anlage's columns are set: their widths and where words may be hyphenated.

The rules follow from the configured columns, vocabularies, Geschäftsbereiche and partner
register, never from this year's rows, so the same columns keep the same widths every year:

- a Nr., a date or a Laufzeit stays on one line;
- every word of a vocabulary value ("Erfahrungsaustausch") and of a registered partner's name
  ("Verkehrsgesellschaft") fits its column whole;
- the columns of free text share the rest of the line, a long text (Beschreibung/Sachstand, up to
  2000 characters) twice as much as a short one (Vorhaben, Kooperationspartner), each at least as
  wide as a long German compound at the table's 9 pt;
- the Vorhaben, the column a council member reads first, is never narrower than a vocabulary
  column beside it.

Only free text (Vorhaben, Beschreibung/Sachstand, …) is hyphenated; names, vocabulary terms,
Nr., dates and the column titles never are.
"""

from __future__ import annotations

from ..config import Column, Settings
from ..config.model import RUNNING_TIME, ColumnType
from ..document.widths import ANNEX_LINE, ColumnRule, narrowest, rule_widths, text_width

# A long compound of the kind Vorhaben titles hold; a free-text column holds it on one line.
LONG_COMPOUND = "Kooperationsvereinbarung"
# The widest forms a Laufzeit or a date takes (the no-break space as formatting.running_time sets it).
RUNNING_TIMES = ("seit\u00a000.00.0000", "Beginn\u00a000.00.0000", "00.00.0000\u00a0–")
DATE = "00.00.0000"
LONG_TEXT = 1000  # characters: a column that may hold this many is a long text
_PUNCTUATION = "„“”\"'()[],;:.!?"
_SHORTEST_NAME = 5  # letters: a shorter word ("Stadt", "Amt") is not hyphenated anyway
NEW_ACTIVITY = "neu"  # the Nr. cell of an activity the Meldebogen gave no Nr.: an empty cell looks like a gap


def name_words(settings: Settings) -> frozenset[str]:
    """The words hyphenation never splits, not even in free text ("Pots-dam", "Ver-trag").

    They are the words of the authority's and the Geschäftsbereiche's names, of the registered
    partners' names and aliases, and of the vocabulary terms.
    """
    texts = [settings.authority.name, *(d.name for d in settings.departments)]
    texts += [text for partner in settings.partners for text in (partner.name, *partner.aliases)]
    texts += [value for vocabulary in settings.vocabularies.values() for value in vocabulary.values]
    words = (word.strip(_PUNCTUATION) for text in texts for word in text.split())
    return frozenset(word for word in words if len(word) >= _SHORTEST_NAME and word[:1].isupper())


def hyphenated(column: Column) -> bool:
    """Whether the column holds free text, the only text hyphenation may split."""
    return column.type == ColumnType.TEXT and column.key not in {"nr", RUNNING_TIME.key}


def annex_widths(settings: Settings, columns: list[Column]) -> tuple[float, ...]:
    """The widths of the Anlage's `columns` in em of 9 pt type, padding included."""
    names = tuple(sorted(name_words(settings)))
    rules = [_rule(settings, column, names) for column in columns]
    fixed = [narrowest(rule) for rule, column in zip(rules, columns, strict=True) if column.vocabulary]
    rules = [
        ColumnRule(rule.title, rule.unbroken, rule.words, rule.weight, max([rule.floor, *fixed]))
        if column.key == "vorhaben"
        else rule
        for rule, column in zip(rules, columns, strict=True)
    ]
    return rule_widths(rules, ANNEX_LINE)


def _rule(settings: Settings, column: Column, names: tuple[str, ...]) -> ColumnRule:
    """The rule of one column; `names` are the words free text holds unhyphenated."""
    if column.key == "nr":
        return ColumnRule(column.title, (NEW_ACTIVITY, *(f"{d.code}-000" for d in settings.departments)))
    if column.key == RUNNING_TIME.key:
        return ColumnRule(column.title, RUNNING_TIMES)
    if column.type == ColumnType.DATE:
        return ColumnRule(column.title, (DATE,))
    if column.vocabulary:
        vocabulary = settings.vocabularies.get(column.vocabulary)
        return ColumnRule(column.title, words=vocabulary.values if vocabulary else ())
    weight = 2.0 if (column.max_length or 0) >= LONG_TEXT else 1.0
    if column.type == ColumnType.LIST and column.key == "partner":
        names = tuple(partner.name for partner in settings.partners)
        return ColumnRule(column.title, words=names, weight=1.5, floor=text_width(LONG_COMPOUND))
    if column.type == ColumnType.NUMBER:
        return ColumnRule(column.title, ("000.000,00",))
    return ColumnRule(column.title, words=names, weight=weight, floor=text_width(LONG_COMPOUND))
