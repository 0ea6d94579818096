"""Output formats for ``studyaid annotate``: a registry of name -> writer."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Iterable
from typing import TextIO

from studyaid.core.model import Sentence
from studyaid.core.nlp.pinyin import render, render_word
from studyaid.core.output.line_break import cell_width, line_starts, wrap_text


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
    words: dict[tuple[str, tuple[str, ...], str, str], tuple[str, str]] = {}
    for sentence in sentences:
        parts = []
        for token in sentence.tokens:
            info = token.info
            # A word's reading can differ between sentences (地 de / dì; spoken tones), and
            # its sense (所 a place after a noun, "that which" before a verb).
            key = (token.text, info.pinyin, info.gloss, info.gloss_source)
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
    """Pinyin over each word, wrapped at ``width`` cells by the CJK rules (no line begins
    with closing punctuation or ends with an opening bracket)."""
    readings = [render_word(t.info.pinyin, style, t.info.capitals) for t in sentence.tokens]
    columns = [max(cell_width(t.text), cell_width(r))
               for t, r in zip(sentence.tokens, readings, strict=True)]
    texts = [t.text for t in sentence.tokens]
    starts = line_starts(texts, columns, [1] * len(texts), width)
    lines: list[str] = []
    for a, b in zip(starts, [*starts[1:], len(texts)], strict=True):
        top = "".join(_pad(readings[i], columns[i] + 1) for i in range(a, b))
        bottom = "".join(_pad(texts[i], columns[i] + 1) for i in range(a, b))
        lines += [top.rstrip(), bottom.rstrip()]
    return lines


def write_text(sentences: Iterable[Sentence], out: TextIO, style: str, width: int) -> None:
    """A readable interlinear rendering: pinyin over words, glosses, idiom notes."""
    for sentence in sentences:
        for line in wrap_text(f"[{sentence.index + 1}] {sentence.text}", width):
            out.write(line + "\n")
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
