"""Re-packing Office zip files with fixed timestamps and order, for byte-identical builds."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable, Iterable, Iterator
from typing import IO

Transform = Callable[[bytes], Iterator[bytes]]


def deterministic_zip(data: bytes, timestamp: dt.datetime, transforms: dict[str, Transform] | None = None) -> bytes:
    """The same package with every member dated `timestamp` and fixed attributes.

    `transforms` maps a member name to a function whose output chunks replace that
    member; they are streamed into the archive, so a large part is never held whole.
    """
    stamp = (max(timestamp.year, 1980), timestamp.month, timestamp.day, timestamp.hour, timestamp.minute, 0)
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w") as target:
        names = source.namelist()
        # [Content_Types].xml first, as Office writes it; the rest in their original order.
        for name in sorted(names, key=lambda n: n != "[Content_Types].xml"):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            transform = (transforms or {}).get(name)
            if transform is None:
                target.writestr(info, source.read(name))
                continue
            with target.open(info, "w") as stream:
                write_batched(stream, transform(source.read(name)))
    return output.getvalue()


def write_batched(stream: IO[bytes], chunks: Iterable[bytes], size: int = 1 << 20) -> None:
    """Write `chunks` in pieces of about `size` bytes: zlib's cost per call dominates for row-sized chunks."""
    pending: list[bytes] = []
    held = 0
    for chunk in chunks:
        pending.append(chunk)
        held += len(chunk)
        if held >= size:
            stream.write(b"".join(pending))
            pending, held = [], 0
    if pending:
        stream.write(b"".join(pending))
