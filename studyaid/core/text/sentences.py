"""Splitting a text into sentences, as spans of the normalised text.

Sentences never overlap, come in order, and leave out only whitespace: every other
character of the text belongs to exactly one sentence. A line break always ends a
sentence (headings and titles are sentences of their own).
"""

from __future__ import annotations

import re
from typing import NamedTuple

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
_BOUNDARY = re.compile(_END.pattern + r"|\n")


class Span(NamedTuple):
    """A half-open range ``[start, end)`` of the text (a tuple: a book has 40,000)."""

    start: int
    end: int


def _strip(text: str, start: int, end: int) -> Span | None:
    """The span without surrounding whitespace, or None if nothing is left."""
    if start < end and not text[start].isspace() and not text[end - 1].isspace():
        return Span(start, end)  # the usual case, without a loop
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
    if span.end - span.start <= MAX_SENTENCE:
        return [span]
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
    append = spans.append
    start = 0
    # One pass over the text: each match is a sentence end or a line break. The common
    # case (no surrounding space, not over-long) costs one tuple; a book has 40,000.
    for match in _BOUNDARY.finditer(text):
        if match.group() == "\n":
            end = match.start()
            after = match.end()
        else:
            end = _after_straight_quote(text, start, match.end())
            after = end
        if start < end:
            if (
                end - start <= MAX_SENTENCE
                and not text[start].isspace()
                and not text[end - 1].isspace()
            ):
                append(Span(start, end))
            else:
                span = _strip(text, start, end)
                if span:
                    spans.extend(_cut_long(text, span))
        start = after
    span = _strip(text, start, len(text))
    if span:
        spans.extend(_cut_long(text, span))
    return spans
