"""Splitting a text into sentences, as spans of the normalised text.

Sentences never overlap, come in order, and leave out only whitespace: every other
character of the text belongs to exactly one sentence. A line break always ends a
sentence (headings and titles are sentences of their own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_SENTENCE = 200
"""A stretch of text without sentence punctuation is cut into pieces no longer than this."""

_TERMINATORS = "。！？!?｡"
# Closing quotes and brackets stay with the sentence they close.
_CLOSERS = "”’」』）)】》〉］]"
_SOFT_BREAKS = "，；、,;：:"
_END = re.compile(
    r"(?:[" + _TERMINATORS + r"]+|…+|⋯+|\.{3,}|(?<=[\u3400-\u9fff])\.(?!\d))"
    r"[" + re.escape(_CLOSERS) + r"]*"
)
_NON_SPACE = re.compile(r"\S")


@dataclass(frozen=True)
class Span:
    """A half-open range ``[start, end)`` of the text."""

    start: int
    end: int


def _strip(text: str, start: int, end: int) -> Span | None:
    """The span without surrounding whitespace, or None if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if start < end else None


def _after_straight_quote(text: str, start: int, end: int) -> int:
    """Take a straight double quote after the terminator when it closes an open one."""
    if end < len(text) and text[end] == '"' and text.count('"', start, end) % 2 == 1:
        return end + 1
    return end


def _cut_long(text: str, span: Span) -> list[Span]:
    """Cut an over-long span at soft punctuation where possible, else at MAX_SENTENCE."""
    pieces: list[Span] = []
    start = span.start
    while span.end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = max(text.rfind(ch, start + MAX_SENTENCE // 4, limit) for ch in _SOFT_BREAKS)
        cut = cut + 1 if cut > start else limit
        piece = _strip(text, start, cut)
        if piece:
            pieces.append(piece)
        start = cut
    last = _strip(text, start, span.end)
    if last:
        pieces.append(last)
    return pieces


def split_sentences(text: str) -> list[Span]:
    """Split ``text`` into sentence spans (see the module docstring for the guarantees)."""
    spans: list[Span] = []
    line_start = 0
    length = len(text)
    while line_start <= length:
        line_end = text.find("\n", line_start)
        if line_end == -1:
            line_end = length
        if _NON_SPACE.search(text, line_start, line_end):
            start = line_start
            for match in _END.finditer(text, line_start, line_end):
                end = _after_straight_quote(text, start, match.end())
                span = _strip(text, start, end)
                if span:
                    spans.extend(_cut_long(text, span))
                start = end
            span = _strip(text, start, line_end)
            if span:
                spans.extend(_cut_long(text, span))
        line_start = line_end + 1
    return spans
