"""Output formats for ``studyaid annotate``: a registry of name -> writer."""

from __future__ import annotations

import json
import textwrap
import unicodedata
from collections.abc import Callable, Iterable
from typing import TextIO

from studyaid.core.model import Sentence
from studyaid.core.nlp.pinyin import render, render_word


def cell_width(text: str) -> int:
    """Terminal cells ``text`` takes: wide (CJK) characters count two."""
    return sum(
        0 if unicodedata.combining(ch)
        else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def _pad(text: str, width: int) -> str:
    return text + " " * (width - cell_width(text))


def _clip(line: str, width: int) -> str:
    """Cut a line to ``width`` cells, with an ellipsis where it was cut."""
    if cell_width(line) <= width:
        return line
    out, used = "", 0
    for ch in line:
        used += cell_width(ch)
        if used > width - 1:
            break
        out += ch
    return out + "…"


def write_jsonl(sentences: Iterable[Sentence], out: TextIO, style: str, width: int) -> None:
    """One JSON object per sentence (the contract other tools rely on).

    The same bytes as ``json.dumps(sentence.as_json(style))``, built faster: each
    distinct word's JSON is made once and reused (a long text repeats its words).
    """
    dumps = json.dumps
    words: dict[tuple[str, tuple[str, ...]], tuple[str, str]] = {}
    for sentence in sentences:
        parts = []
        for token in sentence.tokens:
            info = token.info
            # A word's reading can differ between sentences (地 de / dì; spoken tones).
            key = (token.text, info.pinyin)
            cached = words.get(key)
            if cached is None:
                rest = dumps(
                    {
                        "pinyin": render(list(info.pinyin), style),
                        "gloss": info.gloss,
                        "gloss_source": info.gloss_source,
                    },
                    ensure_ascii=False,
                )[1:-1]
                cached = words[key] = (dumps(token.text, ensure_ascii=False), rest)
            parts.append(
                f'{{"text": {cached[0]}, "start": {token.start}, "end": {token.end}, {cached[1]}}}'
            )
        idioms = dumps([i.as_json() for i in sentence.idioms], ensure_ascii=False)
        out.write(
            f'{{"sentence": {sentence.index}, "start": {sentence.start}, "end": {sentence.end},'
            f' "text": {dumps(sentence.text, ensure_ascii=False)},'
            f' "tokens": [{", ".join(parts)}], "idioms": {idioms}}}\n'
        )


def interlinear(sentence: Sentence, style: str, width: int) -> list[str]:
    """Pinyin over each word, wrapped at ``width`` cells."""
    lines: list[str] = []
    top: list[str] = []
    bottom: list[str] = []
    used = 0
    for token in sentence.tokens:
        reading = render_word(token.info.pinyin, style, token.info.capitals)
        column = max(cell_width(token.text), cell_width(reading))
        if used and used + column > width:
            lines += ["".join(top).rstrip(), "".join(bottom).rstrip()]
            top, bottom, used = [], [], 0
        top.append(_pad(reading, column + 1))
        bottom.append(_pad(token.text, column + 1))
        used += column + 1
    if top:
        lines += ["".join(top).rstrip(), "".join(bottom).rstrip()]
    return lines


def write_text(sentences: Iterable[Sentence], out: TextIO, style: str, width: int) -> None:
    """A readable interlinear rendering: pinyin over words, glosses, idiom notes."""
    for sentence in sentences:
        out.write(f"[{sentence.index + 1}] {sentence.text}\n")
        for line in interlinear(sentence, style, width):
            out.write(line + "\n")
        seen = set()
        for token in sentence.tokens:
            if token.is_word and token.text not in seen:
                seen.add(token.text)
                reading = render_word(token.info.pinyin, style, token.info.capitals)
                mark = "* " if token.info.gloss_source == "user" else ""
                line = f"    {token.text} {reading}: {mark}{token.info.gloss}"
                out.write(_clip(line, width) + "\n")
        for idiom in sentence.idioms:
            wrap = max(20, width - 4)
            out.write(textwrap.fill(f"◆ {idiom.text}: {idiom.english}", wrap,
                                    initial_indent="  ", subsequent_indent="    ") + "\n")
            if idiom.chinese:
                out.write(_clip(f"    {idiom.chinese}", width) + "\n")
        out.write("\n")


FORMATS: dict[str, Callable[[Iterable[Sentence], TextIO, str, int], None]] = {
    "jsonl": write_jsonl,
    "text": write_text,
}
