"""Detect a text file's encoding and hand back UTF-8 bytes without a byte-order mark.

Order of evidence, strongest first: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32); the NUL
pattern of BOM-less UTF-16 (every other byte zero in mostly-ASCII text); strict UTF-8; and only
then a legacy single-byte code page. Among those, charset-normalizer chooses between cp1252
(Western Europe, what Excel writes in nb-NO/da-DK/de-DE) and cp1250 (Central Europe), and we
keep cp1252 unless cp1250 is clearly better: short Scandinavian samples decode cleanly in both,
and charset-normalizer breaks such ties in favour of cp1250. latin-1 is the last resort because
it decodes any byte. NUL bytes that UTF-16 does not explain mean the file is not text.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
from charset_normalizer import from_bytes

from dashboard.errors import UnreadableFileError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_PROBE = 1 << 16  # bytes examined for NUL patterns and control characters
_LEGACY = ("cp1252", "cp1250", "latin_1")
_SAMPLE_WINDOWS = 4000  # non-ASCII spots shown to charset-normalizer, with their context
_CONTROL = np.array([b for b in range(32) if b not in (9, 10, 12, 13)] + [127], dtype=np.uint8)


@dataclass(frozen=True, slots=True)
class Decoded:
    """UTF-8 text (a zero-copy view when the file already was UTF-8) and the source encoding."""

    text: memoryview
    encoding: str


def decode(data: bytes, name: str) -> Decoded:
    """Return `data` as UTF-8 bytes without BOM, naming the encoding it was written in.

    Raises:
        UnreadableFileError: the bytes are not text (NUL bytes or control characters that no
            text encoding explains), or a UTF-16/32 file is damaged.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if encoding == "utf-8-sig":
                text = memoryview(data)[len(bom) :]
                if not _is_utf8(text):  # damaged or cut mid-character: say where
                    _transcode(bytes(text), "utf-8", name)
                return Decoded(text, encoding)
            return Decoded(_transcode(data[len(bom) :], encoding, name), encoding)
    wide = _utf16_without_bom(data[:_PROBE])
    if wide:
        return Decoded(_transcode(data, wide, name), wide)
    _reject_binary(data[:_PROBE], name)
    if _is_utf8(data):
        return Decoded(memoryview(data), "utf-8")
    encoding = _legacy_encoding(data)
    text, encoding = _decode_legacy(data, encoding)
    return Decoded(memoryview(text.encode("utf-8")), encoding)


def _transcode(data: bytes, encoding: str, name: str) -> memoryview:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise UnreadableFileError(
            f"{name} looks like {encoding.upper()} text but is damaged at byte {err.start}.",
            "Export the file again, or save it from Excel as 'CSV UTF-8'.",
        ) from None
    return memoryview(text.encode("utf-8"))


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when zero bytes sit on one parity only, as in UTF-16 ASCII."""
    size = len(head) - len(head) % 2
    if size < 4 or b"\x00" not in head:
        return None
    arr = np.frombuffer(head[:size], dtype=np.uint8)
    even, odd = int((arr[0::2] == 0).sum()), int((arr[1::2] == 0).sum())
    half = size // 2
    if odd >= 0.4 * half and even <= 0.02 * half:
        return "utf-16-le"
    if even >= 0.4 * half and odd <= 0.02 * half:
        return "utf-16-be"
    return None


def _reject_binary(head: bytes, name: str) -> None:
    arr = np.frombuffer(head, dtype=np.uint8)
    controls = int(np.isin(arr, _CONTROL).sum())
    if b"\x00" in head or controls > max(2, len(head) // 100):
        raise UnreadableFileError(
            f"{name} is not a text file: it contains binary data.",
            "Upload the export as CSV, TSV, Excel (.xlsx/.xls) or a ZIP of those.",
        )


def _is_utf8(data: bytes | memoryview) -> bool:
    """Strict UTF-8 check without building a Python str (Arrow validates in place)."""
    offsets = pa.array([0, len(data)], type=pa.int64()).buffers()[1]
    arr = pa.Array.from_buffers(pa.large_string(), 1, [None, offsets, pa.py_buffer(data)])
    try:
        arr.validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def _legacy_sample(data: bytes) -> bytes:
    """The whole text when small, else the first lines holding non-ASCII bytes (64 KiB)."""
    if len(data) <= _PROBE * 4:
        return data
    arr = np.frombuffer(data, dtype=np.uint8)
    lines: list[bytes] = []
    size, after = 0, 0
    for spot in np.flatnonzero(arr[: 1 << 24] >= 0x80)[:_SAMPLE_WINDOWS]:
        if spot < after:
            continue  # already inside the last line taken
        start = data.rfind(b"\n", 0, int(spot)) + 1
        end = data.find(b"\n", int(spot))
        after = len(data) if end < 0 else end
        lines.append(data[start : min(after, start + 4096)])
        size += len(lines[-1])
        if size > _PROBE:
            break
    return b"\n".join(lines)


def _legacy_encoding(data: bytes) -> str:
    scores = {
        match.encoding: (match.chaos, match.coherence)
        for match in from_bytes(_legacy_sample(data), cp_isolation=list(_LEGACY))
    }
    if "cp1250" in scores and "cp1252" in scores:
        (chaos_ce, coh_ce), (chaos_we, coh_we) = scores["cp1250"], scores["cp1252"]
        if chaos_ce + 0.01 < chaos_we or coh_ce > coh_we + 0.05:
            return "cp1250"
        return "cp1252"
    if "cp1250" in scores and len(scores) == 1:
        return "cp1252"  # identical decodings are collapsed; prefer Western European
    return next(iter(scores), "cp1252")


def _decode_legacy(data: bytes, encoding: str) -> tuple[str, str]:
    for candidate in (encoding, "cp1252", "latin_1"):
        try:
            return data.decode(candidate), candidate.replace("latin_1", "latin-1")
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover
