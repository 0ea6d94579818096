"""Reading a text file in any encoding a Chinese learner meets, into one normalised string.

Offsets everywhere in studyaid index the string returned here: decoded, with CRLF and
CR turned into LF.
"""

from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from studyaid.core.errors import StudyaidError

MAX_BYTES = 64 * 1024 * 1024
"""Files larger than this are refused with a clear message rather than read into memory."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY = ("gb18030", "big5")
# Punctuation that real Chinese text is full of and mis-decoded bytes rarely produce.
_CJK_PUNCT = set("，。、；：？！“”‘’「」『』（）《》〈〉…—·　")


@dataclass(frozen=True)
class Text:
    """A decoded text: where it came from, its encoding, and its normalised content."""

    name: str
    encoding: str
    content: str


def normalise_newlines(content: str) -> str:
    """CRLF and lone CR become LF, so offsets match what the learner sees."""
    return content.replace("\r\n", "\n").replace("\r", "\n")


def _common_share(content: str) -> float:
    """Share of non-ASCII characters that are common hanzi or CJK punctuation.

    A character is common when it is in GB2312's first level (the 3,755 most used
    simplified characters) or Big5's frequent block (A440-C67E, 5,401 traditional
    characters). Bytes decoded with the wrong legacy codec give mostly rare characters,
    symbols and bopomofo, so the right codec scores near 1 and the wrong one far lower.
    """
    total = common = 0
    for ch in content:
        if ch < "\x80":
            continue
        total += 1
        if ch in _CJK_PUNCT:
            common += 1
            continue
        try:
            gb = ch.encode("gb2312")
            if 0xB0 <= gb[0] <= 0xD7:
                common += 1
                continue
        except UnicodeEncodeError:
            pass
        try:
            b5 = ch.encode("big5")
            if 0xA440 <= int.from_bytes(b5, "big") <= 0xC67E:
                common += 1
        except UnicodeEncodeError:
            pass
    return common / total if total else 1.0


def decode_bytes(data: bytes, name: str) -> Text:
    """Decode ``data`` (the contents of ``name``) or raise a one-line StudyaidError."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                content = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise StudyaidError(
                    f"cannot decode as {encoding.upper()} (byte {exc.start} is invalid)", name
                ) from None
            return Text(name, encoding.replace("-sig", ""), normalise_newlines(content))
    if b"\x00" in data:
        raise StudyaidError("binary file (it contains NUL bytes), not a text", name)
    try:
        return Text(name, "utf-8", normalise_newlines(data.decode("utf-8")))
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[float, int, str, str]] = []
    for rank, encoding in enumerate(_LEGACY):
        try:
            content = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_common_share(content), -rank, encoding, content))
    if not candidates:
        raise StudyaidError(
            "cannot decode: not UTF-8, UTF-16 with a BOM, GB18030 or Big5", name
        )
    share, _, encoding, content = max(candidates)
    # A few rare characters can score low in either codec; judge only enough text.
    if share < 0.3 and sum(ch >= "\x80" for ch in content) >= 20:
        raise StudyaidError(
            "cannot decode: the bytes do not read as Chinese in UTF-8, GB18030 or Big5", name
        )
    return Text(name, encoding, normalise_newlines(content))


def load_text(path: str | Path) -> Text:
    """Read a file (or standard input for ``-``) into a Text, or raise StudyaidError."""
    name = str(path)
    if name == "-":
        return decode_bytes(sys.stdin.buffer.read(MAX_BYTES + 1), "<stdin>")
    p = Path(path)
    try:
        if p.is_dir():
            raise StudyaidError("is a directory, not a text file", name)
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise StudyaidError(
                f"file is too large ({size / 1e6:.0f} MB; the limit is {MAX_BYTES // 2**20} MiB)",
                name,
            )
        data = p.read_bytes()
    except FileNotFoundError:
        raise StudyaidError("no such file", name) from None
    except PermissionError:
        raise StudyaidError("permission denied", name) from None
    except OSError as exc:
        raise StudyaidError(f"cannot read: {exc.strerror or exc}", name) from None
    if len(data) > MAX_BYTES:
        raise StudyaidError("file is too large", name)
    return decode_bytes(data, name)


def for_reading(text: Text, join_lines: bool | None = None) -> Text:
    """The text as it is read: its hard-wrapped lines joined when ``join_lines`` says so,
    or (``None``) when it looks hard-wrapped (see :mod:`studyaid.core.text.unwrap`)."""
    from studyaid.core.text.unwrap import join_wrapped_lines, looks_hard_wrapped

    if join_lines is False or (join_lines is None and not looks_hard_wrapped(text.content)):
        return text
    return replace(text, content=join_wrapped_lines(text.content))
