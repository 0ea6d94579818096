"""Any text file opens: encodings, line ends, standard input, and clear one-line errors."""

from __future__ import annotations

import codecs
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from studyaid.core.errors import StudyaidError
from studyaid.core.text.loader import load_text
from studyaid.core.text.sentences import split_sentences

SIMPLIFIED = "微软与OpenAI的裂痕。巧妇难为无米之炊！"
TRADITIONAL = "微軟與OpenAI的裂痕。巧婦難為無米之炊！"


@pytest.mark.parametrize(
    ("data", "encoding", "content"),
    [
        # UTF-8, with and without the byte-order mark Windows Notepad writes.
        (SIMPLIFIED.encode("utf-8"), "utf-8", SIMPLIFIED),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8", SIMPLIFIED),
        (TRADITIONAL.encode("utf-8"), "utf-8", TRADITIONAL),
        # Mainland legacy files: GB18030 (a superset of GBK and GB2312).
        (SIMPLIFIED.encode("gb18030"), "gb18030", SIMPLIFIED),
        ("屈指可数，显而易见。".encode("gbk"), "gb18030", "屈指可数，显而易见。"),
        ("𠀀字只在GB18030里有。".encode("gb18030"), "gb18030", "𠀀字只在GB18030里有。"),
        # Taiwan and Hong Kong legacy files: Big5.
        (TRADITIONAL.encode("big5"), "big5", TRADITIONAL),
        ("臺灣的學生說話很快。".encode("big5"), "big5", "臺灣的學生說話很快。"),
        # UTF-16 with a byte-order mark, both byte orders.
        (codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), "utf-16", SIMPLIFIED),
        (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), "utf-16", SIMPLIFIED),
        (codecs.BOM_UTF16_LE + TRADITIONAL.encode("utf-16-le"), "utf-16", TRADITIONAL),
    ],
)
def test_encodings(tmp_path: Path, data: bytes, encoding: str, content: str) -> None:
    path = tmp_path / "text.txt"
    path.write_bytes(data)
    text = load_text(path)
    assert text.content == content
    assert text.encoding == encoding
    assert text.name == str(path)


@pytest.mark.parametrize(
    ("raw", "encoding", "content"),
    [
        # Windows line ends (CRLF), old Mac line ends (CR), and a mix, in every encoding.
        ("标题\r\n正文第一句。\r\n第二句。\r\n", "utf-8", "标题\n正文第一句。\n第二句。\n"),
        ("标题\r正文第一句。\r第二句。", "utf-8", "标题\n正文第一句。\n第二句。"),
        ("一\r\n二\r三\n四", "utf-8", "一\n二\n三\n四"),
        ("标题\r\n正文第一句。\r\n", "gb18030", "标题\n正文第一句。\n"),
        ("標題\r\n正文第一句。\r\n", "big5", "標題\n正文第一句。\n"),
        ("标题\r\n正文第一句。\r\n", "utf-16", "标题\n正文第一句。\n"),
        ("标题\r\n\r\n正文。", "utf-8-sig", "标题\n\n正文。"),
    ],
)
def test_line_ends_become_lf(tmp_path: Path, raw: str, encoding: str, content: str) -> None:
    path = tmp_path / "text.txt"
    path.write_bytes(raw.encode(encoding))
    assert load_text(path).content == content


def test_offsets_index_the_normalised_text(tmp_path: Path) -> None:
    # A sentence after a CRLF starts one character after the heading, not two.
    path = tmp_path / "crlf.txt"
    path.write_bytes("标题\r\n微软与OpenAI的裂痕。\r\n".encode("gb18030"))
    content = load_text(path).content
    spans = split_sentences(content)
    assert [content[s.start : s.end] for s in spans] == ["标题", "微软与OpenAI的裂痕。"]
    assert spans[1].start == 3


@pytest.mark.parametrize(
    "data",
    [
        # An empty file, a file that is only a byte-order mark, a file of blank lines.
        b"",
        codecs.BOM_UTF8,
        codecs.BOM_UTF16_LE,
        b"\r\n\r\n  \n",
    ],
)
def test_empty_file_has_no_sentences(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    assert split_sentences(load_text(path).content) == []


def _binary(tmp_path: Path) -> Path:
    path = tmp_path / "picture.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    return path


def _directory(tmp_path: Path) -> Path:
    path = tmp_path / "texts"
    path.mkdir()
    return path


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "no-such-file.txt"


def _undecodable(tmp_path: Path) -> Path:
    path = tmp_path / "noise.txt"
    # Bytes that are not UTF-8 and read as neither GB18030 nor Big5.
    path.write_bytes(bytes(range(0x80, 0x100)) * 2)
    return path


def _odd_utf16(tmp_path: Path) -> Path:
    path = tmp_path / "torn.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "你好".encode("utf-16-le")[:-1])
    return path


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (_binary, "binary file"),
        (_directory, "is a directory"),
        (_missing, "no such file"),
        (_undecodable, "cannot decode"),
        (_odd_utf16, "cannot decode as UTF-16"),
    ],
)
def test_unreadable_input_is_one_line_naming_the_file(
    tmp_path: Path, make: Callable[[Path], Path], problem: str
) -> None:
    path = make(tmp_path)
    with pytest.raises(StudyaidError) as caught:
        load_text(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert problem in message
    assert "\n" not in message


def test_stdin_is_read_as_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    # Standard input in a legacy encoding is detected like a file, not read as the locale's.
    data = "標題\r\n巧婦難為無米之炊。".encode("big5")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="ascii"))
    text = load_text("-")
    assert text.name == "<stdin>"
    assert text.encoding == "big5"
    assert text.content == "標題\n巧婦難為無米之炊。"


def test_stdin_through_the_command_line(run_studyaid, vocab_dir: Path) -> None:
    source = "标题\r\n微软和OpenAI的关系。他说：“你来了。”\r\n"
    done = run_studyaid("annotate", "-", "--vocab", str(vocab_dir),
                        stdin=source.encode("gb18030"))
    assert done.returncode == 0, done.stderr
    text = source.replace("\r\n", "\n")
    sentences = [json.loads(line) for line in done.stdout.splitlines()]
    assert [s["text"] for s in sentences] == ["标题", "微软和OpenAI的关系。", "他说：“你来了。”"]
    for sentence in sentences:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
