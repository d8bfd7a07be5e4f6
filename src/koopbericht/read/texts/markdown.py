"""Narrative sections: Markdown from `text/*.md`, placeholders filled, parsed into blocks.

markdown-it-py (CommonMark plus tables) turns the text into tokens; they map onto
Word's own structures: `#`–`###` headings, paragraphs, bullet and numbered lists,
bold, italic, links and simple tables. A placeholder such as `{{ anzahl_partner }}`
is replaced before parsing; an unknown one stops the build with file and line.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ...document import Block, Heading, ListBlock, ListItem, Paragraph, Run, Table, TableRow
from ...document.widths import PORTRAIT_LINE, content_widths
from ...errors import ConfigError, ConfigProblem

PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")


def fill_placeholders(text: str, values: dict[str, str], file: Path) -> str:
    """Replace every `{{ name }}`; raise ConfigError naming file and line of unknown ones."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in PLACEHOLDER.finditer(line):
            if match.group(1) not in values:
                problems.append(ConfigProblem(file, "", unknown_placeholder(match.group(1), values), number))
    if problems:
        raise ConfigError(problems)
    return PLACEHOLDER.sub(lambda m: values[m.group(1)], text)


def unknown_placeholder(name: str, values: dict[str, str]) -> str:
    """The message for a placeholder `{{ name }}` that has no value: the closest name, and those that have one."""
    close = difflib.get_close_matches(name.strip().lower(), sorted(values), n=1, cutoff=0.6)
    hint = f" Meinten Sie „{close[0]}“?" if close else ""
    return f"Unbekannter Platzhalter „{{{{ {name} }}}}“.{hint} Verfügbar sind: {', '.join(sorted(values))}."


def parse_markdown(text: str, table_number: int = 1) -> list[Block]:
    """Blocks of a Markdown text; tables are captioned `Tabelle N` counting from `table_number`."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    return _Converter(tokens, table_number).blocks()


class _Converter:
    def __init__(self, tokens: list[Token], table_number: int) -> None:
        self.tokens = tokens
        self.position = 0
        self.table_number = table_number

    def blocks(self) -> list[Block]:
        result: list[Block] = []
        while self.position < len(self.tokens):
            token = self.tokens[self.position]
            if token.type == "heading_open":
                inline = self.tokens[self.position + 1]
                level = min(int(token.tag[1]), 3)
                result.append(Heading(level, "".join(r.text for r in _runs(inline))))
                self.position += 3
            elif token.type == "paragraph_open":
                result.append(Paragraph(_runs(self.tokens[self.position + 1])))
                self.position += 3
            elif token.type in ("bullet_list_open", "ordered_list_open"):
                result.append(self._list())
            elif token.type == "table_open":
                lead = result[-1] if result and isinstance(result[-1], Paragraph) else None
                result.append(self._table(lead))
            else:
                self.position += 1  # hr, html, code blocks: not part of a Vorlage's text
        return result

    def _list(self) -> ListBlock:
        ordered = self.tokens[self.position].type == "ordered_list_open"
        items: list[ListItem] = []
        depth = 0
        while self.position < len(self.tokens):
            token = self.tokens[self.position]
            if token.type in ("bullet_list_open", "ordered_list_open"):
                depth += 1
            elif token.type in ("bullet_list_close", "ordered_list_close"):
                depth -= 1
                if depth == 0:
                    self.position += 1
                    break
            elif token.type == "inline":
                runs = _runs(token)
                if items and items[-1].level == depth - 1 and self._continues_item():
                    items[-1] = ListItem((*items[-1].runs, Run(" "), *runs), depth - 1)
                else:
                    items.append(ListItem(runs, depth - 1))
            self.position += 1
        return ListBlock(ordered, tuple(items))

    def _continues_item(self) -> bool:
        # A second paragraph inside the same list item (loose lists) joins the item.
        previous = self.tokens[self.position - 2] if self.position >= 2 else None
        return previous is not None and previous.type == "paragraph_close"

    def _table(self, lead: Paragraph | None) -> Table:
        header: list[str] = []
        rows: list[TableRow] = []
        current: list[str] = []
        in_head = False
        while self.position < len(self.tokens):
            token = self.tokens[self.position]
            self.position += 1
            if token.type == "thead_open":
                in_head = True
            elif token.type == "thead_close":
                in_head = False
            elif token.type == "tr_open":
                current = []
            elif token.type == "inline":
                current.append("".join(r.text for r in _runs(token)))
            elif token.type == "tr_close":
                if in_head:
                    header = current
                else:
                    rows.append(TableRow(tuple(current)))
            elif token.type == "table_close":
                break
        table = captioned_table(tuple(header), tuple(rows), lead_topic(lead), self.table_number)
        self.table_number += 1
        return table


def lead_topic(lead: Paragraph | None) -> str:
    """The topic of the paragraph that introduces a table ("… fand statt:"), without its colon."""
    return "".join(r.text for r in lead.runs).strip().rstrip(":") if lead else ""


def captioned_table(header: tuple[str, ...], rows: tuple[TableRow, ...], topic: str, number: int) -> Table:
    """A narrative text's table as Tabelle `number`, captioned by its columns and described with `topic`."""
    # The paragraph that introduces the table stands right above it: the visible caption names the
    # columns instead of repeating it; screen readers get both in the description.
    if len(topic) > 120:
        topic = topic[:117].rsplit(" ", 1)[0] + " …"
    columns = " und ".join([", ".join(header[:-1]), header[-1]] if len(header) > 1 else header)
    caption = f"Tabelle {number}" + (f": {columns}" if columns and len(columns) <= 60 else "")
    description = f"Tabelle mit den Spalten {', '.join(header)} und {len(rows)} Zeilen."
    if topic:
        description = f"{topic}. {description}"
    widths = content_widths(header, [row.cells for row in rows], PORTRAIT_LINE)  # "fortgesetzt" not split
    return Table(caption, description, header, rows, widths)


def _runs(inline: Token) -> tuple[Run, ...]:
    runs: list[Run] = []
    bold = italic = False
    link: str | None = None
    for child in inline.children or []:
        kind = child.type
        if kind == "strong_open":
            bold = True
        elif kind == "strong_close":
            bold = False
        elif kind == "em_open":
            italic = True
        elif kind == "em_close":
            italic = False
        elif kind == "link_open":
            link = str(child.attrs.get("href", "")) or None
        elif kind == "link_close":
            link = None
        elif kind in ("text", "code_inline", "html_inline"):
            runs.append(Run(child.content, bold, italic, link))
        elif kind == "softbreak":
            runs.append(Run(" ", bold, italic, link))
        elif kind == "hardbreak":
            runs.append(Run("\n", bold, italic, link))
    return merged_runs(runs)


def merged_runs(runs: list[Run]) -> tuple[Run, ...]:
    """Neighbouring runs of the same emphasis and link as one."""
    merged: list[Run] = []
    for run in runs:
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].link) == (run.bold, run.italic, run.link):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic, run.link)
        else:
            merged.append(run)
    return tuple(merged)
