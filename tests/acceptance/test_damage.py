"""Damaged Meldebögen: every ZIP member of a real one damaged in many ways, and a bounded, seeded fuzz.

Every outcome must be a correct read (the same activities, at the same cells) or one
file-level finding that says, in German, that the file cannot be read; never an
exception, never "Interner Fehler".
"""

from __future__ import annotations

import collections
import io
import json
import os
import random
import re
import resource
import subprocess
import sys
import traceback
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from koopbericht.project.folder import Project
from koopbericht.year import YearData
from koopbericht.year.pipeline import check_paths

from ..conftest import EXAMPLE, run
from ..damage import (
    DEFLATED,
    ENCRYPTED,
    STORED,
    UTF8_NAME,
    Member,
    build,
    data_offset,
    find,
    parse,
    with_shared_strings,
)

TARGET = "2023/meldungen/GB4_Meldebogen_2023.xlsx"
ORIGINAL = (EXAMPLE / TARGET).read_bytes()
BASES = {"GB4": ORIGINAL, "GB4-geteilt": with_shared_strings(ORIGINAL)}
SHEET, SHARED = "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"
# Parts every read opens in full: damage there is never read past.
READ_PARTS = {SHEET, SHARED, "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "_rels/.rels"}
FILE_LEVEL_CODES = {"datei-beschaedigt", "datei-format", "datei-zu-gross", "kopfzeile-fehlt", "datei-verschluesselt"}
A1 = re.compile(r"^([A-Z]{1,3})([1-9][0-9]*)$")
MAX_ROW, MAX_COLUMN = 1_048_576, 16_384  # Excel's grid: A1 to XFD1048576

Damage = Callable[[list[Member], int], bytes]


# --- the damage kinds ---------------------------------------------------------------------------


def _changed(index: int, members: list[Member], **fields: object) -> bytes:
    members[index] = replace(members[index], **fields)  # type: ignore[arg-type]
    return build(members)


def flip(*where: float) -> Damage:
    """XOR 0xFF into the member's stored bytes at the given fractions of its length."""

    def damage(members: list[Member], i: int) -> bytes:
        data = bytearray(members[i].data)
        for fraction in where:
            data[min(int(len(data) * fraction), len(data) - 1)] ^= 0xFF
        return _changed(i, members, data=bytes(data))

    return damage


def flip_every(step: int) -> Damage:
    def damage(members: list[Member], i: int) -> bytes:
        data = bytearray(members[i].data)
        for position in range(step // 2, len(data), step):
            data[position] ^= 0x55
        return _changed(i, members, data=bytes(data))

    return damage


def cut_data(members: list[Member], i: int) -> bytes:
    """Half the stored data, with sizes that say so: the ZIP is sound, the deflate stream ends early."""
    data = members[i].data[: len(members[i].data) // 2]
    return _changed(i, members, data=data, compress_size=len(data))


def cut_data_size_kept(members: list[Member], i: int) -> bytes:
    """Half the stored data, the headers still claiming the whole: the member runs into the next one."""
    return _changed(i, members, data=members[i].data[: len(members[i].data) // 2])


def cut_file_at_member(members: list[Member], i: int) -> bytes:
    return build(members)[: data_offset(members, i)[0]]


def cut_file_in_member(members: list[Member], i: int) -> bytes:
    start = data_offset(members, i)[1]
    return build(members)[: start + len(members[i].data) // 2]


def crc(members: list[Member], i: int) -> bytes:
    return _changed(i, members, crc=members[i].crc ^ 0xDEADBEEF)


def crc_local_only(members: list[Member], i: int) -> bytes:
    return _changed(i, members, local={"crc": members[i].crc ^ 0xDEADBEEF})


def size_wrong(members: list[Member], i: int) -> bytes:
    return _changed(i, members, file_size=members[i].file_size + 1)


def deflate_invalid_block(members: list[Member], i: int) -> bytes:
    """The first block header says block type 3, which does not exist: inflating fails at once."""
    data = bytearray(members[i].data)
    data[0] |= 0x06
    return _changed(i, members, data=bytes(data))


def deflate_wrong_bytes(members: list[Member], i: int) -> bytes:
    """A sound deflate stream that inflates to other bytes (same length) than the CRC was taken of."""
    content = bytearray(members[i].content())
    middle = len(content) // 2
    content[middle] = ord("Q") if content[middle] != ord("Q") else ord("R")
    members[i] = members[i].with_content(bytes(content), keep_crc=True)
    return build(members)


def deflate_short(members: list[Member], i: int) -> bytes:
    """A sound deflate stream that ends 16 bytes before the size (and CRC) the headers state."""
    members[i] = members[i].with_content(members[i].content()[:-16], keep_crc=True)
    return build(members)


def deflate_trailing(members: list[Member], i: int) -> bytes:
    data = members[i].data + b"\x00trailing garbage"
    return _changed(i, members, data=data, compress_size=len(data))


def stored_claimed(members: list[Member], i: int) -> bytes:
    """Deflated data in a member that says it is stored."""
    return _changed(i, members, method=STORED)


def encrypted(members: list[Member], i: int) -> bytes:
    return _changed(i, members, flags=members[i].flags | ENCRYPTED)


def encrypted_local_only(members: list[Member], i: int) -> bytes:
    return _changed(i, members, local={"flags": members[i].flags | ENCRYPTED})


def _bad_name(name: bytes) -> bytes:
    return name[:-5] + b"\xff" + name[-4:]  # "sheet1.xml" → "sheet\xff.xml": not UTF-8


def name_not_utf8(members: list[Member], i: int) -> bytes:
    return _changed(i, members, flags=members[i].flags | UTF8_NAME, name=_bad_name(members[i].name))


def name_local_differs(members: list[Member], i: int) -> bytes:
    bad = _bad_name(members[i].name)
    return _changed(i, members, local={"name": bad, "flags": members[i].flags | UTF8_NAME})


def method(number: int) -> Damage:
    def damage(members: list[Member], i: int) -> bytes:
        return _changed(i, members, method=number)

    return damage


def version(number: int) -> Damage:
    def damage(members: list[Member], i: int) -> bytes:
        return _changed(i, members, version_needed=number)

    return damage


def recompress(packing: int, level: int = 6) -> Damage:
    def damage(members: list[Member], i: int) -> bytes:
        members[i] = members[i].with_content(members[i].content(), method=packing, level=level)
        return build(members)

    return damage


def recompress_lzma(members: list[Member], i: int) -> bytes:
    """Packed with LZMA, which zipfile reads but Excel never writes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_LZMA) as archive:
        archive.writestr(members[i].filename, members[i].content())
    packed = parse(buffer.getvalue())[0]
    members[i] = replace(packed, name=members[i].name, time=members[i].time, date=members[i].date)
    return build(members)


def duplicated(members: list[Member], i: int) -> bytes:
    members.append(members[i])
    return build(members)


def deleted(members: list[Member], i: int) -> bytes:
    del members[i]
    return build(members)


# What a damage may end in: "correct" only a correct read; "fatal" only datei-beschaedigt, whichever
# member it is in; "damaged" datei-beschaedigt in the parts every read opens, elsewhere either;
# "any" either a correct read or one file-level finding.
DAMAGE: dict[str, tuple[Damage, str]] = {
    "flip-start": (flip(0.0), "damaged"),
    "flip-middle": (flip(0.5), "damaged"),
    # The last byte holds the end-of-block code: what inflates past it is cut at the stated size.
    "flip-end": (flip(1.0), "any"),
    "flip-every-7th": (flip_every(7), "damaged"),
    "cut-data": (cut_data, "damaged"),
    "cut-data-size-kept": (cut_data_size_kept, "damaged"),
    "cut-file-at-member": (cut_file_at_member, "fatal"),
    "cut-file-in-member": (cut_file_in_member, "fatal"),
    "crc": (crc, "damaged"),
    "crc-local-only": (crc_local_only, "any"),
    "size-wrong": (size_wrong, "any"),
    "deflate-invalid-block": (deflate_invalid_block, "damaged"),
    "deflate-wrong-bytes": (deflate_wrong_bytes, "damaged"),
    "deflate-short": (deflate_short, "damaged"),
    "deflate-trailing": (deflate_trailing, "any"),
    "stored-claimed": (stored_claimed, "damaged"),
    "encrypted": (encrypted, "fatal"),
    "encrypted-local-only": (encrypted_local_only, "any"),
    "name-not-utf8": (name_not_utf8, "fatal"),
    "name-local-differs": (name_local_differs, "damaged"),
    "method-99": (method(99), "fatal"),
    "method-bzip2": (method(12), "fatal"),
    "version-63": (version(63), "any"),  # Python's zipfile reads up to 6.3: the member may be read
    "version-64": (version(64), "fatal"),
    "version-255": (version(255), "fatal"),
    "recompress-stored": (recompress(STORED), "correct"),
    "recompress-level-1": (recompress(DEFLATED, 1), "correct"),
    "recompress-level-9": (recompress(DEFLATED, 9), "correct"),
    "recompress-lzma": (recompress_lzma, "any"),
    "duplicated": (duplicated, "any"),
    "deleted": (deleted, "any"),
}


def cases() -> list[tuple[str, str, str]]:
    result = [("GB4", m.filename, kind) for m in parse(ORIGINAL) for kind in DAMAGE]
    return result + [("GB4-geteilt", SHARED, kind) for kind in DAMAGE]


# --- checking an outcome --------------------------------------------------------------------------


def fingerprint(data: YearData) -> list[tuple[str, str, str, int, dict[str, str], dict[str, object]]]:
    """What a correct read must reproduce: ids, titles, every value and the cell it was read from."""
    return [(a.id, a.title, a.source.sheet, a.source.row, dict(a.source.cells), a.values) for a in data.activities]


def check(project: Project, path: Path, what: str) -> YearData:
    """check_paths on one file; anything escaping it fails the test, naming the case."""
    try:
        return check_paths(project, [path])
    except Exception as error:  # an escaping exception is the bug this test is for
        pytest.fail(f"{what}: {type(error).__name__} escaped: {error}\n{traceback.format_exc()}")


def assert_unreadable(data: YearData, what: str, codes: set[str] = FILE_LEVEL_CODES) -> None:
    [result] = data.files
    findings = data.report.findings
    assert not result.readable, f"{what}: read although damaged"
    assert result.activities == [], what
    assert len(findings) == 1, f"{what}: {findings}"
    [finding] = findings
    assert finding.cell is None and finding.row is None, f"{what}: {finding}"
    assert finding.code in codes, f"{what}: {finding}"
    assert finding.message.strip() and finding.file == TARGET, f"{what}: {finding}"


def in_grid(ref: str) -> bool:
    """Whether `ref` is an A1 reference of a cell that exists in a worksheet."""
    match = A1.match(ref)
    if not match:
        return False
    column = 0
    for letter in match.group(1):
        column = column * 26 + ord(letter) - ord("A") + 1
    return column <= MAX_COLUMN and int(match.group(2)) <= MAX_ROW


def assert_cells_valid(data: YearData, what: str) -> None:
    for finding in data.report.findings:
        assert finding.cell is None or in_grid(finding.cell), f"{what}: {finding}"
    for activity in data.activities:
        assert all(in_grid(ref) for ref in activity.source.cells.values()), f"{what}: {activity.source}"


def outcome(data: YearData) -> str:
    [result] = data.files
    return "read" if result.readable else data.report.findings[0].code


# --- every member damaged in every way ------------------------------------------------------------


def test_surgery_is_faithful() -> None:
    assert build(parse(ORIGINAL)) == ORIGINAL


def test_shared_strings_variant_reads_like_the_original(example_copy: Path) -> None:
    project, path = Project.open(example_copy), example_copy / TARGET
    original = fingerprint(check(project, path, "original"))
    path.write_bytes(BASES["GB4-geteilt"])
    assert fingerprint(check(project, path, "GB4-geteilt")) == original
    assert len(original) == 9


@pytest.mark.parametrize(("base", "member", "kind"), cases(), ids=lambda v: v.replace("[", "").replace("]", ""))
def test_damaged_member(example_copy: Path, base: str, member: str, kind: str) -> None:
    what = f"{base} {member} {kind}"
    project, path = Project.open(example_copy), example_copy / TARGET
    path.write_bytes(BASES[base])
    expected = fingerprint(check(project, path, f"{base} undamaged"))
    damage, expect = DAMAGE[kind]
    members = parse(BASES[base])
    path.write_bytes(damage(members, find(members, member)))

    data = check(project, path, what)

    if expect == "fatal" or (expect == "damaged" and member in READ_PARTS):
        assert_unreadable(data, what, {"datei-beschaedigt"})
    elif expect == "correct" or data.files[0].readable:
        assert data.files[0].readable, f"{what}: {data.report.findings}"
        assert fingerprint(data) == expected, what
    else:
        assert_unreadable(data, what)


CLI_CASES = [
    (SHEET, "flip-middle"),
    (SHEET, "encrypted"),
    (SHEET, "method-99"),
    (SHEET, "cut-file-in-member"),
    ("xl/workbook.xml", "crc"),
    ("xl/_rels/workbook.xml.rels", "deflate-invalid-block"),
    ("[Content_Types].xml", "name-not-utf8"),
    ("docProps/app.xml", "version-255"),
]


@pytest.mark.parametrize(("member", "kind"), CLI_CASES, ids=[f"{m}:{k}" for m, k in CLI_CASES])
def test_damaged_member_in_cli(example_copy: Path, runner: CliRunner, member: str, kind: str) -> None:
    members = parse(ORIGINAL)
    path = example_copy / TARGET
    path.write_bytes(DAMAGE[kind][0](members, find(members, member)))

    code, output = run(runner, "validate", str(path), "-C", str(example_copy))

    assert code == 3, output
    assert "GB4_Meldebogen_2023.xlsx" in output
    assert "beschädigt" in output
    assert "Interner Fehler" not in output and "Traceback" not in output


# --- references outside the grid, each read in a process of its own ----------------------------

# A cell reference the XML gives that no worksheet can have. Each is read by `validate` in a
# separate process: a reader that aborts (Rust allocation failure, exit 134) must fail this test,
# not end the test run.
ODD_REFERENCES = [
    ('r="C5"', 'r="C99999999"'),  # row beyond the last, with more digits than any real one
    ('r="C5"', 'r="C1048577"'),
    ('r="C5"', 'r="XFD1048577"'),
    ('r="C5"', 'r="XFE1"'),  # column beyond XFD
    ('r="C5"', 'r="AAAA1"'),
    ('r="C5"', 'r="C4294967297"'),  # 2**32 + 1: wraps to row 1 in 32 bits
    ('r="C5"', 'r="ZZZ0"'),
    ('<row r="5"', '<row r="99999999"'),
    ('<row r="5"', '<row r="0"'),
]
MEMORY_LIMIT = 3 * 1024**3


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@pytest.mark.parametrize(("old", "new"), ODD_REFERENCES, ids=[f"{o}->{n}" for o, n in ODD_REFERENCES])
def test_reference_outside_the_grid(example_copy: Path, old: str, new: str) -> None:
    members = parse(ORIGINAL)
    i = find(members, SHEET)
    xml = members[i].content()
    assert old.encode() in xml
    members[i] = members[i].with_content(xml.replace(old.encode(), new.encode(), 1))
    path = example_copy / TARGET
    path.write_bytes(build(members))

    command = [sys.executable, "-m", "koopbericht", "validate", str(path), "-C", str(example_copy), "--format", "json"]
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"},
        preexec_fn=_limit_memory,
    )

    what, output = f"{old} → {new}", done.stdout + done.stderr
    assert done.returncode in (0, 1, 3), f"{what}: exit {done.returncode}\n{output[:1500]}"
    assert "Traceback" not in output and "Interner Fehler" not in output, f"{what}: {output[:1500]}"
    findings = json.loads(done.stdout)["findings"]
    for finding in findings:
        assert finding["cell"] is None or in_grid(finding["cell"]), f"{what}: {finding}"
    if done.returncode == 3:
        [finding] = findings
        assert finding["code"] in FILE_LEVEL_CODES and finding["cell"] is None, f"{what}: {finding}"


# --- bounded, seeded fuzz -------------------------------------------------------------------------

SEEDS = list(range(1, 11))
CASES_PER_SEED = 30
# Not "C99999999": it aborts the process (see test_reference_outside_the_grid), which would end the run.
ODD_VALUES = [
    "ZZZ0", "0", "A0", "-1", "1A", "AAAA1", "XFE1", "XFD1048577", "C1048577", "", " ", "1e309", "NaN",
    "inlineStr", "s", "n", "b", "e", "str", "d", "hidden", "veryHidden", "999999999999999999999", "é",
    "/xl/fehlt.xml", "../../x.xml", "rId99", "A1:XFD1048576", "C5",
]  # fmt: skip
ATTRIBUTE = re.compile(rb'\b(r|s|t|ref|spans|state|sheetId|name|Target|Id|Type|count|uniqueCount)="([^"]*)"')
# Cells far off (the sheet's last row and column: Ctrl+End, then typing) and near the table
# (N is right of it, A2 is taken).
FAR_CELLS = ["XFD1048576", "Z1048576", "A1048576", "XFD1", "AB300", "AMJ2", "C20000", "A2", "N10", "M11"]


def _far_cell(rng: random.Random, xml: bytes) -> tuple[bytes, str]:
    ref = rng.choice(FAR_CELLS)
    cell = f'<c r="{ref}" t="inlineStr"><is><t>x</t></is></c>'.encode()
    row = re.sub(r"[A-Z]+", "", ref)
    rows = [m.end() for m in re.finditer(rb"<row [^>]*>", xml)]
    if rows and rng.random() < 0.5:  # inside an existing row, out of order
        at = rng.choice(rows)
        return xml[:at] + cell + xml[at:], f"far cell {ref} in a row"
    return xml.replace(b"</sheetData>", b'<row r="%s">%s</row></sheetData>' % (row.encode(), cell)), f"far cell {ref}"


def _odd_attribute(rng: random.Random, xml: bytes) -> tuple[bytes, str]:
    found = list(ATTRIBUTE.finditer(xml))
    if not found:
        return xml, "no attribute"
    match = rng.choice(found)
    if rng.random() < 0.3:  # swap with another value of the same attribute
        same = [m for m in found if m.group(1) == match.group(1)]
        value = rng.choice(same).group(2)
    else:
        value = rng.choice(ODD_VALUES).encode()
    changed = xml[: match.start(2)] + value + xml[match.end(2) :]
    return changed, f'{match.group(1).decode()}="{match.group(2).decode()}" → "{value.decode()}"'


def _flip_xml(rng: random.Random, xml: bytes) -> tuple[bytes, str]:
    data = bytearray(xml)
    positions = [rng.randrange(len(data)) for _ in range(rng.randint(1, 4))]
    for position in positions:
        data[position] = rng.choice([*b'<>"&/= x0\x00', 0xFF, 0xC3, rng.randrange(256)])
    return bytes(data), f"xml bytes at {positions}"


MUTATIONS = {"flip": 3, "truncate": 1, "duplicate": 1, "delete": 1, "xml": 3, "attribute": 3, "far": 1}


def mutate(rng: random.Random, blob: bytes) -> tuple[bytes, str]:
    """One random mutation of the workbook, and what it was."""
    members = parse(blob)
    i = rng.randrange(len(members))
    name = members[i].filename
    xml_members = [k for k, m in enumerate(members) if m.filename.endswith((".xml", ".rels"))]
    [kind] = rng.choices(list(MUTATIONS), weights=list(MUTATIONS.values()))
    if kind == "flip":
        data = bytearray(blob)
        positions = [rng.randrange(len(data)) for _ in range(rng.randint(1, 8))]
        for position in positions:
            data[position] ^= rng.randint(1, 255)
        return bytes(data), f"flip bytes at {positions}"
    if kind == "truncate":
        at = rng.randrange(len(blob))
        return blob[:at], f"truncate at {at}"
    if kind == "duplicate":
        members.insert(rng.randrange(len(members) + 1), members[i])
        return build(members), f"duplicate {name}"
    if kind == "delete":
        del members[i]
        return build(members), f"delete {name}"
    if kind == "far":
        i = find(members, SHEET)
        xml, what = _far_cell(rng, members[i].content())
    else:
        preferred = [k for k in xml_members if members[k].filename in READ_PARTS]
        i = rng.choice(preferred if rng.random() < 0.7 else xml_members)
        mutation = _odd_attribute if kind == "attribute" else _flip_xml
        xml, what = mutation(rng, members[i].content())
    members[i] = members[i].with_content(xml, method=rng.choice([DEFLATED, DEFLATED, STORED]))
    return build(members), f"{members[i].filename}: {what}"


@pytest.mark.parametrize("seed", SEEDS)
def test_fuzz(example_copy: Path, seed: int) -> None:
    rng = random.Random(seed)
    project, path = Project.open(example_copy), example_copy / TARGET
    seen: collections.Counter[str] = collections.Counter()
    for number in range(CASES_PER_SEED):
        base = rng.choice(sorted(BASES))
        blob, mutation = mutate(rng, BASES[base])
        what = f"seed {seed} case {number} ({base}, {mutation})"
        path.write_bytes(blob)
        data = check(project, path, what)
        if data.files[0].readable:
            assert_cells_valid(data, what)
        else:
            assert_unreadable(data, what)
        seen[outcome(data)] += 1
    assert seen["read"] and len(seen) > 1, f"seed {seed}: the fuzz should give both reads and refusals: {seen}"
