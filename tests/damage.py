"""ZIP surgery for the damage and fuzz tests: an xlsx taken apart at byte level and put together changed.

`parse` reads the central directory and each member's stored (compressed) bytes;
`build` writes local headers, data and central directory again, so that a test can
change any field in both headers (or, through `Member.local`, in the local header
only) and get exactly the bytes it means. Extra fields and comments are dropped:
the example's Meldebögen (written by openpyxl) have none, and `build(parse(x)) == x`.
"""

from __future__ import annotations

import re
import struct
import zlib
from dataclasses import dataclass, field, replace
from typing import Any

STORED, DEFLATED = 0, 8
UTF8_NAME = 0x800
ENCRYPTED = 0x1

# signature, version needed, flags, method, time, date, crc, compressed size, size, name length, extra length
_LOCAL = struct.Struct("<4s5H3L2H")
# signature, version made by, version needed, flags, method, time, date, crc, compressed size, size,
# name length, extra length, comment length, disk, internal attributes, external attributes, local header offset
_CENTRAL = struct.Struct("<4s6H3L5H2L")
# signature, disk, central directory disk, entries on disk, entries, size, offset, comment length
_END = struct.Struct("<4s4H2LH")


@dataclass
class Member:
    """One ZIP member: its name and header fields as stored, and its stored (compressed) data."""

    name: bytes
    data: bytes
    method: int
    crc: int
    compress_size: int
    file_size: int
    flags: int = 0
    version_needed: int = 20
    version_made: int = 20
    time: int = 0
    date: int = 0
    external_attr: int = 0
    # Fields whose value in the local header differs from the central directory.
    local: dict[str, Any] = field(default_factory=dict)

    @property
    def filename(self) -> str:
        return self.name.decode("utf-8", "replace")

    def content(self) -> bytes:
        """The member's bytes, unpacked."""
        if self.method == STORED:
            return self.data
        return zlib.decompress(self.data, -15)

    def with_content(self, content: bytes, *, method: int = DEFLATED, level: int = 6, keep_crc: bool = False) -> Member:
        """The member holding `content`, packed anew; `keep_crc` keeps the old CRC and size (a lie)."""
        if method == DEFLATED:
            packer = zlib.compressobj(level, zlib.DEFLATED, -15)
            data = packer.compress(content) + packer.flush()
        else:
            data = content
        crc, size = (self.crc, self.file_size) if keep_crc else (zlib.crc32(content), len(content))
        return replace(self, data=data, method=method, compress_size=len(data), crc=crc, file_size=size, local={})


def parse(blob: bytes) -> list[Member]:
    """The members of a ZIP file, in central directory order."""
    end = blob.rindex(b"PK\x05\x06")
    _, _, _, _, count, _, offset, _ = _END.unpack_from(blob, end)
    members = []
    for _ in range(count):
        fields = _CENTRAL.unpack_from(blob, offset)
        (_, made, needed, flags, method, time, date, crc, csize, size, nlen, elen, clen, _, _, eattr, local) = fields
        name = blob[offset + _CENTRAL.size : offset + _CENTRAL.size + nlen]
        offset += _CENTRAL.size + nlen + elen + clen
        header = _LOCAL.unpack_from(blob, local)
        start = local + _LOCAL.size + header[9] + header[10]
        members.append(
            Member(name, blob[start : start + csize], method, crc, csize, size, flags, needed, made, time, date, eattr)
        )
    return members


def build(members: list[Member]) -> bytes:
    """A ZIP file of `members`, each written with the fields it states."""
    out, central = bytearray(), bytearray()
    for m in members:
        offset = len(out)
        local = {
            "name": m.name,
            "flags": m.flags,
            "method": m.method,
            "crc": m.crc,
            "compress_size": m.compress_size,
            "file_size": m.file_size,
            "version_needed": m.version_needed,
            **m.local,
        }
        out += _LOCAL.pack(
            b"PK\x03\x04",
            local["version_needed"],
            local["flags"],
            local["method"],
            m.time,
            m.date,
            local["crc"],
            local["compress_size"],
            local["file_size"],
            len(local["name"]),
            0,
        )
        out += local["name"] + m.data
        central += _CENTRAL.pack(
            b"PK\x01\x02",
            m.version_made,
            m.version_needed,
            m.flags,
            m.method,
            m.time,
            m.date,
            m.crc,
            m.compress_size,
            m.file_size,
            len(m.name),
            0,
            0,
            0,
            0,
            m.external_attr,
            offset,
        )
        central += m.name
    start = len(out)
    out += central
    out += _END.pack(b"PK\x05\x06", 0, 0, len(members), len(members), len(central), start, 0)
    return bytes(out)


def data_offset(members: list[Member], index: int) -> tuple[int, int]:
    """Where member `index`'s local header and its data start in `build(members)`."""
    header = sum(_LOCAL.size + len(m.local.get("name", m.name)) + len(m.data) for m in members[:index])
    return header, header + _LOCAL.size + len(members[index].local.get("name", members[index].name))


def find(members: list[Member], name: str) -> int:
    """The index of the member called `name`."""
    return next(i for i, m in enumerate(members) if m.filename == name)


_INLINE = re.compile(rb'<c ([^>]*?)t="inlineStr"([^>]*)><is><t(?: xml:space="preserve")?>(.*?)</t></is></c>', re.S)
_SHEET = "xl/worksheets/sheet1.xml"
_SHARED_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
_SHARED_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def with_shared_strings(blob: bytes) -> bytes:
    """The same workbook with its inline strings moved into xl/sharedStrings.xml, as Excel saves them."""
    members = parse(blob)
    sheet_index = find(members, _SHEET)
    strings: list[bytes] = []

    def shared(match: re.Match[bytes]) -> bytes:
        strings.append(match.group(3))
        return b'<c %st="s"%s><v>%d</v></c>' % (match.group(1), match.group(2), len(strings) - 1)

    sheet = _INLINE.sub(shared, members[sheet_index].content())
    table = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
        % (len(strings), len(strings))
        + b"".join(b'<si><t xml:space="preserve">%s</t></si>' % s for s in strings)
        + b"</sst>"
    )
    members[sheet_index] = members[sheet_index].with_content(sheet)
    members.insert(sheet_index + 1, replace(members[sheet_index], name=b"xl/sharedStrings.xml").with_content(table))
    rels = find(members, "xl/_rels/workbook.xml.rels")
    relation = f'<Relationship Id="rIdShared" Type="{_SHARED_TYPE}" Target="sharedStrings.xml"/></Relationships>'
    members[rels] = members[rels].with_content(members[rels].content().replace(b"</Relationships>", relation.encode()))
    types = find(members, "[Content_Types].xml")
    override = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SHARED_CONTENT}"/></Types>'
    members[types] = members[types].with_content(members[types].content().replace(b"</Types>", override.encode()))
    return build(members)
