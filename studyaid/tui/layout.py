"""Laying out a sentence as columns, pinyin over hanzi, wrapped at a width in cells.

Pure functions over core data and Rich text (no widgets), so they are tested directly.
CJK characters are two cells wide; every width here is Rich's ``cell_len``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from studyaid.core.model import Sentence, Token
from studyaid.core.nlp.pinyin import HAN, join_word, render
from studyaid.core.nlp.script import to_simplified, to_traditional
from studyaid.core.output.line_break import line_starts, wrap_text
from studyaid.core.output.sandhi import spoken_marks
from studyaid.core.output.tones import TERMINAL, tone_of
from studyaid.core.vocab.learner import KNOWN, LEARNING, NEW
from studyaid.tui.options import DisplayOptions

TONE_COLOURS = TERMINAL
"""The usual learner scheme: 1 red, 2 orange, 3 green, 4 blue, neutral grey."""
STATUS_STYLES: dict[str, Style] = {
    NEW: Style(bold=True), LEARNING: Style(bold=True, color="#ffd75f"), KNOWN: Style()}
"""Hanzi by word status: new bold, learning yellow, known plain."""
IDIOM_STYLE = Style(underline=True, color="#d787ff")
CLOSE_CALL_STYLE = Style(underline=True, italic=True)
"""Pinyin chosen in context by a small margin: underlined, for a second look (r)."""
CURSOR_STYLE = Style(reverse=True)
PINYIN_PLAIN = Style(color="grey70")
GAP = 1
"""Cells between two words: word boundaries stay visible."""

SCRIPT_CONVERTERS: dict[str, Callable[[str, str], str]] = {
    "original": lambda text, standard: text,
    "traditional": to_traditional,
    "simplified": lambda text, standard: to_simplified(text),
}
"""Scripts the reader shows (``v``): name -> function of the text and the standard of
traditional characters."""


def in_script(text: str, options: DisplayOptions) -> str:
    """``text`` in the script the options choose (traditional in their standard)."""
    return SCRIPT_CONVERTERS[options.script](text, options.traditional)


@dataclass(frozen=True)
class Region:
    """Where one token's column is drawn: rows ``y``..``y+1``, cells ``x``..``x_end``."""

    index: int
    y: int
    x: int
    x_end: int


@dataclass(frozen=True)
class Layout:
    """The lines of a laid-out sentence and where each token's column is."""

    lines: list[Text]
    regions: list[Region]

    def token_at(self, x: int, y: int) -> int | None:
        """The token drawn at cell ``(x, y)``, if any."""
        for region in self.regions:
            if region.y <= y <= region.y + 1 and region.x <= x < region.x_end:
                return region.index
        return None


def is_selectable(token: Token) -> bool:
    """Whether the cursor stops on a token: words and Latin words, not punctuation."""
    return any(ch.isalnum() for ch in token.text)


def pinyin_text(
    syllables: tuple[str, ...], tones: bool, marks: tuple[str, ...] | None = None
) -> Text:
    """A word's reading with tone marks, one word (xī'ān), coloured by tone if asked."""
    if marks is None:
        marks = tuple(render(list(syllables), "marks"))
    joined = join_word(marks)
    out = Text()
    position = 0
    for syllable, mark in zip(syllables, marks, strict=True):
        found = joined.find(mark, position) if mark else -1
        if found < 0:
            continue
        if found > position:
            out.append(joined[position:found], PINYIN_PLAIN)
        style = Style(color=TONE_COLOURS[tone_of(syllable)]) if tones else PINYIN_PLAIN
        out.append(mark, style)
        position = found + len(mark)
    return out


def _colour_hanzi(hanzi: Text, syllables: tuple[str, ...]) -> None:
    """Each Han character in the colour of its syllable's tone (others unchanged)."""
    han = [i for i, ch in enumerate(hanzi.plain) if HAN.match(ch)]
    for position, syllable in zip(han, syllables, strict=False):
        hanzi.stylize(Style(color=TONE_COLOURS[tone_of(syllable)]), position, position + 1)


def _centred(text: Text, width: int) -> Text:
    spare = width - text.cell_len
    left = spare // 2
    return Text(" " * left) + text + Text(" " * (spare - left))


def layout_sentence(
    sentence: Sentence,
    width: int,
    options: DisplayOptions,
    statuses: dict[str, str],
    cursor: int | None = None,
) -> Layout:
    """Lay out an annotated sentence: per row a pinyin line over a hanzi line, wrapped by
    the CJK rules (no row begins with closing punctuation or ends with an opening
    bracket: :mod:`studyaid.core.output.line_break`)."""
    width = max(width, 8)
    idiom_spans = [(i.start, i.end) for i in sentence.idioms]
    spoken = spoken_marks(sentence) if options.spoken else None
    columns: list[tuple[Text, Text]] = []
    widths: list[int] = []
    gaps: list[int] = []
    shown_texts: list[str] = []
    previous_end = None
    for index, token in enumerate(sentence.tokens):
        status = statuses.get(token.text, NEW)
        shown = options.pinyin == "all" or (options.pinyin == "unknown" and status != KNOWN)
        info = token.info
        syllables, marks = spoken[index] if spoken is not None else (info.pinyin, info.marks)
        reading = pinyin_text(syllables, options.tones, marks) if shown else Text()
        if info.close_call:
            reading.stylize(CLOSE_CALL_STYLE)  # a close call in context: worth a look
        hanzi = Text(in_script(token.text, options),
                     STATUS_STYLES[status] if token.is_word else Style())
        if options.hanzi_tones and token.is_word:
            _colour_hanzi(hanzi, syllables)
        if any(s < token.end and token.start < e for s, e in idiom_spans):
            hanzi.stylize(IDIOM_STYLE)
        column = min(max(reading.cell_len, hanzi.cell_len), width)
        top, bottom = _centred(reading, column), _centred(hanzi, column)
        if index == cursor:
            top.stylize(CURSOR_STYLE)
            bottom.stylize(CURSOR_STYLE)
        columns.append((top, bottom))
        widths.append(column)
        # No gap before punctuation or between tokens that touch in a Latin word.
        gaps.append(GAP if index and (is_selectable(token) or previous_end != token.start)
                    else 0)
        shown_texts.append(hanzi.plain)
        previous_end = token.end
    lines: list[Text] = []
    regions: list[Region] = []
    starts = line_starts(shown_texts, widths, gaps, width)
    for a, b in zip(starts, [*starts[1:], len(columns)], strict=True):
        if lines:
            lines.append(Text())
        y = len(lines)
        pinyin_line, hanzi_line = Text(), Text()
        used = 0
        for index in range(a, b):
            gap = gaps[index] if index > a else 0
            pinyin_line.append(" " * gap)
            hanzi_line.append(" " * gap)
            regions.append(Region(index, y, used + gap, used + gap + widths[index]))
            pinyin_line.append_text(columns[index][0])
            hanzi_line.append_text(columns[index][1])
            used += gap + widths[index]
        lines.extend([pinyin_line, hanzi_line])
    for line in lines:
        line.truncate(width)
    return Layout(lines, regions)


def layout_raw(text: str, width: int, options: DisplayOptions) -> Layout:
    """A sentence not yet annotated: its hanzi wrapped at ``width``, no pinyin yet."""
    width = max(width, 8)
    wrapped = wrap_text(in_script(text, options), width, cell_len)
    return Layout([Text(), *(Text(line, Style(bold=True)) for line in wrapped or [""])], [])


CONTEXT_LINES = 2
"""Lines of the dimmed sentence before and after the current one."""


def context_lines(text: str, width: int, tail: bool = False) -> str:
    """A neighbouring sentence, dimmed above or below the current one: wrapped at
    ``width`` cells by the CJK rules, cut to :data:`CONTEXT_LINES` lines with an ellipsis
    where cut; its end (``tail``, the sentence before) or its beginning (after)."""
    width = max(width, 8)
    text = " ".join(text.split())  # one paragraph, whatever line breaks it held
    lines = wrap_text(text, width, cell_len)
    if len(lines) <= CONTEXT_LINES:
        return "\n".join(lines)
    lines = wrap_text(text, width - 1, cell_len)  # a cell kept for the ellipsis
    if tail:
        shown = lines[-CONTEXT_LINES:]
        shown[0] = "…" + shown[0]
    else:
        shown = lines[:CONTEXT_LINES]
        shown[-1] += "…"
    return "\n".join(shown)


def fit_cells(text: str, cells: int, tail: bool = False) -> str:
    """``text`` cut to at most ``cells`` cells with an ellipsis: its head, or its tail."""
    if cell_len(text) <= cells:
        return text
    out = ""
    chars = reversed(text) if tail else iter(text)
    for ch in chars:
        if cell_len(out) + cell_len(ch) + 1 > cells:
            break
        out = ch + out if tail else out + ch
    return "…" + out if tail else out + "…"
