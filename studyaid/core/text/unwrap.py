"""Joining hard-wrapped lines: text broken every N characters, even inside words.

Texts found in the wild (old e-texts, Markdown copies, mail) are often wrapped at a fixed
width, so a line break can fall inside a word (柜里面 / 预备着 … 买一 / 碗酒). A line break
always ends a sentence, so such a text reads as broken sentences and broken words; this
joins them back, for the learner who asks for it (``--join-lines``).

A line break is joined when it is inside a paragraph:

- the lines on both sides have text (a blank line is a paragraph break and stays);
- the next line is not indented (an indent, full-width 　　 or spaces, starts a paragraph);
- the line before does not end a sentence (。！？… or ! ? and any closing quotes):
  a break after sentence-final punctuation stays a break, so a list, a poem or a
  dialogue written one sentence a line keeps its lines.

Next to a wide character (Han, CJK punctuation and quotes, full-width forms) the break
simply goes (用OpenAI / 的模型 joins as 用OpenAI的模型); between two narrow ones (English
wrapped at a space) it becomes one space. The result
is a new text: offsets index it, not the file.
"""

from __future__ import annotations

import re
import unicodedata

# The end of a line that ends a sentence: terminators, then any closing quotes/brackets.
_SENTENCE_END = re.compile(r"(?:[。！？!?｡…⋯]|\.{3})[”’」』）)】》〉］\]\"']*[ \t]*$")
# A line break with its surrounding spaces, and what follows: a non-blank line.
_BREAK = re.compile(r"[ \t]*\n(?=[^\n])")


# Punctuation Chinese text uses that Unicode calls ambiguous-width, not wide.
_CJK_AMBIGUOUS = frozenset("“”‘’…—·")


def _wide(ch: str) -> bool:
    return ch in _CJK_AMBIGUOUS or unicodedata.east_asian_width(ch) in "WF"


def join_wrapped_lines(text: str) -> str:
    """``text`` with the line breaks inside paragraphs removed (see the module docstring).

    ``text`` has LF line ends (the loader's output)."""
    out: list[str] = []
    position = 0
    for match in _BREAK.finditer(text):
        start, end = match.start(), match.end()
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start]
        after = text[end]
        if (
            not before.strip()
            or after.isspace()
            or _SENTENCE_END.search(before)
        ):
            continue
        out.append(text[position:start])
        out.append("" if _wide(before[-1]) or _wide(after) else " ")
        position = end
    out.append(text[position:])
    return "".join(out)


WRAP_MIN_WIDTH = 16
"""Lines narrower than this (in cells) are not taken for a wrap width: verse and lists."""


def _cells(line: str) -> int:
    return sum(2 if _wide(ch) else 1 for ch in line)


def _joinable(text: str) -> list[str]:
    """The lines before each line break :func:`join_wrapped_lines` would remove."""
    found = []
    for match in _BREAK.finditer(text):
        before = text[text.rfind("\n", 0, match.start()) + 1:match.start()]
        if before.strip() and not text[match.end()].isspace() \
                and not _SENTENCE_END.search(before):
            found.append(before)
    return found


def looks_hard_wrapped(text: str) -> bool:
    """Whether ``text`` was wrapped at a fixed width (so its line breaks fall inside
    sentences and words), and should be read with its lines joined.

    Measured, not guessed from one line: most breaks inside paragraphs (at least 3, and
    at least a third of the lines) come after lines of one width, give or take two cells
    (a wide character or a space at the edge), and that width is a prose line's
    (``WRAP_MIN_WIDTH`` cells or more). A text written a paragraph a line, a poem, a
    list or dialogue a sentence a line do not look so."""
    lines = [line for line in text.split("\n") if line.strip()]
    joinable = [_cells(line.rstrip()) for line in _joinable(text)]
    if len(joinable) < 3 or len(joinable) * 3 < len(lines):
        return False
    width = max(set(joinable), key=lambda w: sum(1 for x in joinable if w - 2 <= x <= w))
    at_width = sum(1 for x in joinable if width - 2 <= x <= width)
    return width >= WRAP_MIN_WIDTH and at_width >= 0.8 * len(joinable)
