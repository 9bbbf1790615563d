"""Read ZIP archives (Zendesk sends `export-….csv.zip`): one or more tables per member.

Members in folders are fine; `__MACOSX/` resource forks, dotfiles and unsupported types are
skipped. Unpacking is guarded against ZIP bombs twice: a member whose declared size is over
the limit, or whose declared compression ratio exceeds what deflate can produce (about 1000:1)
on more than 1 MiB, is refused before reading, and every member is read with a cap on the
bytes actually produced, so a lying header cannot exhaust memory either. The size limit
applies to the total unpacked size of the members read.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable
from pathlib import PurePosixPath

from dashboard.errors import FileTooLargeError, UnreadableFileError
from dashboard.ingest.formats import SUPPORTED, is_bomb, is_supported, suffix
from dashboard.ingest.model import RawTable

ReadMember = Callable[[bytes, str], list[RawTable]]


def read_archive(data: bytes, name: str, max_bytes: int, read_member: ReadMember) -> list[RawTable]:
    """Read every supported member of a ZIP archive with `read_member(bytes, display name)`.

    Raises:
        UnreadableFileError: damaged or encrypted archive, or no supported member.
        FileTooLargeError: members unpack to more than `max_bytes` (or look like a ZIP bomb).
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _damaged(name) from None
    with archive:
        members = [i for i in archive.infolist() if not i.is_dir() and not _is_hidden(i.filename)]
        wanted = [i for i in members if is_supported(i.filename) and suffix(i.filename) != ".zip"]
        if not wanted:
            found = ", ".join(PurePosixPath(i.filename).name for i in members[:5]) or "nothing"
            nested = any(suffix(i.filename) == ".zip" for i in members)
            raise UnreadableFileError(
                f"{name} holds no file that can be read (found: {found}).",
                "Unpack the ZIP inside it and upload that one: archives inside an archive are "
                "not opened." if nested else
                f"The archive should contain {SUPPORTED.replace(', or a .zip of those', '')}.",
            )  # fmt: skip
        tables: list[RawTable] = []
        budget = max_bytes
        for info in wanted:
            content = _unpack(archive, info, name, budget)
            budget -= len(content)
            tables.extend(read_member(content, f"{name}/{info.filename}"))
    return tables


def _is_hidden(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return any(p == "__MACOSX" or p.startswith(".") for p in parts)


def _damaged(name: str) -> UnreadableFileError:
    return UnreadableFileError(
        f"{name} is a damaged ZIP archive and cannot be unpacked.",
        "Download or export it again.",
    )


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, budget: int) -> bytes:
    """The member's bytes, refusing encrypted members and anything over `budget` bytes."""
    member = f"{name}/{info.filename}"
    if info.flag_bits & 0x1:
        raise UnreadableFileError(
            f"{member} is encrypted (password-protected) and cannot be read.",
            "Create the ZIP again without a password, or upload the file inside it directly.",
        )
    if info.file_size > budget or is_bomb(info):
        raise _too_large(member, info.file_size, budget)
    try:
        with archive.open(info) as stream:
            content = stream.read(budget + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError):
        raise _damaged(name) from None
    if len(content) > budget:
        raise _too_large(member, len(content), budget)
    return content


def _too_large(member: str, size: int, budget: int) -> FileTooLargeError:
    return FileTooLargeError(
        f"{member} unpacks to {size / 2**20:.1f} MB or more, over the {budget / 2**20:.0f} MB"
        " left for this upload (or its compression ratio looks like a ZIP bomb).",
        "Export a shorter date range, or upload the files inside the archive one by one.",
    )
