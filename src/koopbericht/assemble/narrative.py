"""The narrative sections as blocks of the Vorlage: Markdown parsed, Word texts filled in, tables numbered.

Both kinds go through the same steps here: placeholders `{{ name }}` are filled from
the year's figures (an unknown one stops the build, naming file and line or paragraph),
and every table is captioned `Tabelle N` in the order the sections come. A placeholder
in a Word text may be split over runs of different formatting (Word splits runs where
it likes); it is replaced as a whole and takes the formatting of its first character.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from ..document import Block, Heading, ListBlock, ListItem, Paragraph, Run, Table, TableRow
from ..errors import ConfigError, ConfigProblem
from ..read.texts.markdown import (
    PLACEHOLDER,
    captioned_table,
    fill_placeholders,
    lead_topic,
    merged_runs,
    parse_markdown,
    unknown_placeholder,
)
from ..read.texts.sections import MarkdownText, NarrativeText
from ..read.texts.wordtext import WordText

# A placeholder that stands for blocks (a table) rather than words: given the next table number, its blocks.
Insert = Callable[[int], list[Block]]


def _marker(name: str) -> str:
    """What a block placeholder is filled with first; private-use characters, so no user text contains it."""
    return f"\ue000{name}\ue000"


def narrative_blocks(
    texts: Sequence[NarrativeText], values: dict[str, str], table_number: int, inserts: Mapping[str, Insert] = {}
) -> list[Block]:
    """The blocks of all `texts`, in order; their tables numbered from `table_number` on.

    A placeholder of `inserts` (`{{ entwicklung }}`) must stand alone in its paragraph; it becomes blocks.
    """
    values = values | {name: _marker(name) for name in inserts}
    blocks: list[Block] = []
    for text in texts:
        if isinstance(text, MarkdownText):
            parsed = _markdown(text, fill_placeholders(text.text, values, text.file), table_number, inserts)
        else:
            parsed = _Filler(text, values, inserts).blocks(table_number)
        table_number += sum(1 for block in parsed if isinstance(block, Table))
        blocks += parsed
    return blocks


def _markdown(text: MarkdownText, filled: str, table_number: int, inserts: Mapping[str, Insert]) -> list[Block]:
    """The filled Markdown parsed, split at the lines that hold only a block placeholder."""
    names = "|".join(re.escape(_marker(name)) for name in inserts) or "(?!)"
    pieces = re.split(rf"^[ \t]*({names})[ \t]*$", filled, flags=re.MULTILINE)
    blocks: list[Block] = []
    for index, piece in enumerate(pieces):
        if index % 2:
            part = inserts[piece.strip("\ue000")](table_number)
        elif "\ue000" in piece:
            raise ConfigError([ConfigProblem(text.file, "", _alone(piece))])
        else:
            part = parse_markdown(piece, table_number) if piece.strip() else []
        table_number += sum(1 for block in part if isinstance(block, Table))
        blocks += part
    return blocks


def _alone(text: str) -> str:
    name = text[text.index("\ue000") + 1 :].split("\ue000")[0]
    return f"Der Platzhalter „{{{{ {name} }}}}“ steht für eine Tabelle und muss allein in einem Absatz stehen."


class _Filler:
    """Fills the placeholders of one Word text, collecting every unknown one before it fails."""

    def __init__(self, text: WordText, values: dict[str, str], inserts: Mapping[str, Insert]) -> None:
        self.text, self.values, self.inserts = text, values, inserts
        self.problems: list[ConfigProblem] = []

    def blocks(self, table_number: int) -> list[Block]:
        result: list[Block] = []
        for block, places in zip(self.text.blocks, self.text.places, strict=True):
            where = places[0]
            if isinstance(block, Heading):
                result.append(Heading(block.level, self.fill(block.text, where)))
            elif isinstance(block, Paragraph):
                runs = self.runs(block.runs, where)
                whole = "".join(run.text for run in runs).strip()
                if whole.strip("\ue000") in self.inserts and whole.startswith("\ue000"):
                    part = self.inserts[whole.strip("\ue000")](table_number)
                    table_number += sum(1 for b in part if isinstance(b, Table))
                    result += part
                    continue
                if "\ue000" in whole:
                    self.problems.append(ConfigProblem(self.text.file, "", f"Absatz {where}: {_alone(whole)}"))
                result.append(Paragraph(runs))
            elif isinstance(block, ListBlock):
                pairs = zip(block.items, places, strict=True)
                items = tuple(ListItem(self.runs(item.runs, at), item.level) for item, at in pairs)
                result.append(ListBlock(block.ordered, items))
            elif isinstance(block, Table):
                lead = result[-1] if result and isinstance(result[-1], Paragraph) else None
                header = tuple(self.fill(cell, where) for cell in block.header)
                rows = tuple(TableRow(tuple(self.fill(c, where) for c in row.cells)) for row in block.rows)
                result.append(captioned_table(header, rows, block.caption or lead_topic(lead), table_number))
                table_number += 1
            else:
                result.append(block)
        if self.problems:
            raise ConfigError(self.problems)
        return result

    def fill(self, text: str, where: int) -> str:
        return "".join(run.text for run in self.runs((Run(text),), where))

    def runs(self, runs: tuple[Run, ...], where: int) -> tuple[Run, ...]:
        """`runs` with every placeholder replaced, also one that spans several runs."""
        joined = "".join(run.text for run in runs)
        matches = list(PLACEHOLDER.finditer(joined))
        unknown = [m.group(1) for m in matches if m.group(1) not in self.values]
        for name in dict.fromkeys(unknown):
            self.problems.append(
                ConfigProblem(self.text.file, "", f"Absatz {where}: {unknown_placeholder(name, self.values)}")
            )
        if not matches or unknown:
            return runs
        owner = [index for index, run in enumerate(runs) for _ in run.text]  # the run of each character
        texts: list[list[str]] = [[] for _ in runs]
        position = 0
        for match in matches:
            for index in range(position, match.start()):
                texts[owner[index]].append(joined[index])
            texts[owner[match.start()]].append(self.values[match.group(1)])
            position = match.end()
        for index in range(position, len(joined)):
            texts[owner[index]].append(joined[index])
        filled = [Run("".join(t), r.bold, r.italic, r.link) for t, r in zip(texts, runs, strict=True)]
        return merged_runs([run for run in filled if run.text])
