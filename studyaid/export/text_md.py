"""The annotated text as Markdown: each sentence, its pinyin under it, the learner's
translation in italics, idiom notes as footnotes (``[^1]``) and a glossary table.

Text from the document is escaped so that it reads as text in any renderer: a learner's
``*`` or ``<script>`` never turns into emphasis or HTML.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from studyaid.core.nlp.pinyin import join_word

if TYPE_CHECKING:
    from studyaid.export.text_document import Footnote, Line, Syllable, TextDocument

# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that
# can start markup inside a line or a table cell.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#])")
# Full-width punctuation written the Latin way in a pinyin line.
_LATIN_PUNCT = str.maketrans("，。、；：？！（）　", ",.,;:?!() ")
_OPENING = set("“‘（(《「『〈")


def escape(text: str) -> str:
    """``text`` with Markdown's special characters backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def _word(reading: tuple[Syllable, ...]) -> str:
    return join_word([s.marks for s in reading])


def _pinyin_line(line: Line) -> str:
    """The sentence's reading: a word per token, punctuation against its neighbour."""
    out = ""
    glue = True  # no space before the next piece
    for word in line.words:
        if word.reading:
            piece, opening, closing = _word(word.reading), False, False
        else:
            piece = word.text.translate(_LATIN_PUNCT).strip()
            if not piece:
                continue
            is_punct = not any(ch.isalnum() for ch in piece)
            opening = is_punct and piece[0] in _OPENING
            closing = is_punct and not opening
        out += ("" if glue or closing else " ") + escape(piece)
        glue = opening
    return out


def _sentence(line: Line) -> list[str]:
    hanzi = "".join(escape(w.text) + "".join(f"[^{n}]" for n in w.notes) for w in line.words)
    out = [hanzi, "", _pinyin_line(line), ""]
    if line.translation:
        stale = " (stale: the sentence has changed since this translation)" if line.stale else ""
        out += [f"*{escape(line.translation)}*{stale}", ""]
    return out


def _footnote(note: Footnote) -> str:
    reading = " ".join(s.marks for s in note.reading)  # an idiom is read syllable by syllable
    head = f"[^{note.number}]: **{escape(note.word)}** {reading}".rstrip()
    if note.literal or note.figurative or note.usage:
        rows = [("Literally", note.literal), ("Figuratively", note.figurative),
                ("Usage", note.usage)]
    else:
        rows = [("English", note.english), ("Chinese", note.chinese)]
    return head + "".join(f" *{name}:* {escape(text)}" for name, text in rows if text)


def write_md(document: TextDocument) -> str:
    """The document as Markdown."""
    out = [f"# {escape(document.title)}", ""]
    for line in document.lines:
        out += _sentence(line)
    if not document.lines:
        out += ["The text is empty.", ""]
    if document.glossary:
        out += ["## Glossary", "", "| Word | Reading | Gloss | Note |", "| --- | --- | --- | --- |"]
        out += [f"| {escape(e.word)} | {_word(e.reading)} | {escape(e.gloss)} | {escape(e.note)} |"
                for e in document.glossary]
        out.append("")
    if document.footnotes:  # renderers gather the definitions at the end themselves
        for note in document.footnotes:
            out += [_footnote(note), ""]
    return "\n".join(out)
