"""What LibreOffice 7.4's PDF/A-2b + PDF/UA-1 export leaves for veraPDF to fail, repaired with pikepdf.

Two faults remain in what LibreOffice 7.4 (the version Debian 12 ships) writes, both fixed
upstream only later:

- The XMP metadata carries `pdfuaid:part`, but PDF/A-2 predefines no PDF/UA schema and
  LibreOffice declares none (tdf#157517), so ISO 19005-2 clause 6.6.2.3.1 fails. Every schema
  the XMP uses that PDF/A-2 does not predefine is declared here in a `pdfaExtension:schemas`
  entry – unless one is already there, as newer LibreOffice writes it.
- Paragraph borders and rules (the bottom border of the Title style, a house template's
  lines) are drawn outside any marked content, neither tagged nor marked as artifacts, so
  ISO 14289-1 rule 7.1-3 fails. Each such path is wrapped in `/Artifact BMC … EMC`: a border
  is decoration, and what is not tagged cannot be reached by assistive technology anyway.

Text, images and tagged content are never touched; the repair is deterministic, so the
PDF stays byte-identical on rebuild.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pikepdf

from .xmp import declare_schemas

__all__ = ["Repairs", "conform", "mark_untagged_paths"]

# A path object is construction operators, perhaps a clip, then one painting operator (ISO 32000-1, 8.5).
_CONSTRUCTION = frozenset({"m", "l", "c", "v", "y", "h", "re"})
_CLIP = frozenset({"W", "W*"})
_PAINTING = frozenset({"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"})
# Graphics state operators that may stand between two path objects of one artifact: they draw nothing.
_STATE = frozenset({"cm", "w", "J", "j", "M", "d", "ri", "i", "gs", "CS", "cs", "SC", "SCN", "sc", "scn",
                    "G", "g", "RG", "rg", "K", "k"})  # fmt: skip
_OPENING = frozenset({"BMC", "BDC"})

Instruction = pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage


@dataclass(frozen=True)
class Repairs:
    """What `conform` changed: the namespaces it declared in the XMP and the paths it marked as artifacts."""

    declared: tuple[str, ...]
    paths: int


def conform(pdf: pikepdf.Pdf) -> Repairs:
    """Repair `pdf` (open, saved by the caller) where LibreOffice 7.4 falls short of PDF/A-2b and PDF/UA-1."""
    declared: tuple[str, ...] = ()
    metadata = pdf.Root.get("/Metadata")
    if isinstance(metadata, pikepdf.Stream):
        xmp, declared = declare_schemas(metadata.read_bytes())
        if declared:
            metadata.write(xmp)  # uncompressed, as LibreOffice wrote it: PDF/A prefers readable metadata
    return Repairs(declared, mark_untagged_paths(pdf))


def mark_untagged_paths(pdf: pikepdf.Pdf) -> int:
    """Wrap every path drawn outside marked content in `/Artifact BMC … EMC`; returns how many were painted."""
    count = 0
    uses: dict[tuple[int, int], tuple[pikepdf.Stream, set[bool]]] = {}
    for page in pdf.pages:
        instructions = list(pikepdf.parse_content_stream(page))
        _find_forms(instructions, page.obj.get("/Resources"), False, uses)
        wrapped, painted = wrap_paths(instructions)
        if painted:
            # A new stream per page: a content stream shared by two pages must not be wrapped twice.
            page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(wrapped))
            count += painted
    for form, inside in uses.values():
        # A form drawn only outside marked content is page decoration like any other path; one drawn also
        # inside tagged content is left alone, as an artifact in tagged content would break rule 7.1-1.
        if inside == {False}:
            wrapped, painted = wrap_paths(list(pikepdf.parse_content_stream(form)))
            if painted:
                form.write(pikepdf.unparse_content_stream(wrapped))
                count += painted
    return count


def wrap_paths(instructions: Sequence[Instruction]) -> tuple[list[Instruction], int]:
    """`instructions` with each run of paths at marked-content depth 0 marked as an artifact; paint count."""
    result: list[Instruction] = []
    depth, start, painted = 0, 0, 0
    while start < len(instructions):
        operator = _name(instructions[start])
        end = _run_end(instructions, start) if depth == 0 and operator in _CONSTRUCTION else None
        if end is not None:
            run = instructions[start : end + 1]
            result.append(pikepdf.ContentStreamInstruction([pikepdf.Name.Artifact], pikepdf.Operator("BMC")))
            result.extend(run)
            result.append(pikepdf.ContentStreamInstruction([], pikepdf.Operator("EMC")))
            painted += sum(1 for item in run if _name(item) in _PAINTING)
            start = end + 1
            continue
        if operator in _OPENING:
            depth += 1
        elif operator == "EMC":
            depth = max(depth - 1, 0)
        result.append(instructions[start])
        start += 1
    return result, painted


def _run_end(instructions: Sequence[Instruction], start: int) -> int | None:
    """The last painting operator of the run from `start`, at the q level it began on (None: none painted).

    The run may take in further paths and the graphics state operators between them, as long as its
    q/Q stay balanced, so BMC and EMC always stand on the same q level; it stops at anything else.
    """
    level, last = 0, None
    for index in range(start, len(instructions)):
        operator = _name(instructions[index])
        if operator in _PAINTING:
            last = index if level == 0 else last
        elif operator == "q":
            level += 1
        elif operator == "Q":
            level -= 1
            if level < 0:
                break
        elif operator not in _CONSTRUCTION and operator not in _CLIP and operator not in _STATE:
            break
    return last


def _find_forms(
    instructions: Iterable[Instruction],
    resources: pikepdf.Object | None,
    inside: bool,
    uses: dict[tuple[int, int], tuple[pikepdf.Stream, set[bool]]],
) -> None:
    """Record for every Form XObject drawn here whether it is drawn inside marked content; forms within forms too."""
    depth = 0
    xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
    for instruction in instructions:
        operator = _name(instruction)
        if operator in _OPENING:
            depth += 1
        elif operator == "EMC":
            depth = max(depth - 1, 0)
        elif operator == "Do" and isinstance(xobjects, pikepdf.Dictionary):
            form = xobjects.get(str(instruction.operands[0]))
            if not isinstance(form, pikepdf.Stream) or form.get("/Subtype") != pikepdf.Name.Form:
                continue
            marked = inside or depth > 0
            seen = uses.setdefault(form.objgen, (form, set()))[1]
            if marked not in seen:  # each form once per context: no endless loop through forms drawing each other
                seen.add(marked)
                found = pikepdf.parse_content_stream(form)
                _find_forms(found, form.get("/Resources", resources), marked, uses)


def _name(instruction: Instruction) -> str:
    return str(instruction.operator)
