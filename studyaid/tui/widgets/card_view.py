"""One flashcard, front and back, as the review screen shows it.

The faces are pure functions from a :class:`~studyaid.study.collection.Due` to Rich text,
tested directly; :class:`CardView` only holds the text.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from studyaid.core.nlp.pinyin import to_marks
from studyaid.study.cards import Card
from studyaid.study.collection import Due
from studyaid.tui.layout import pinyin_text

WORD_STYLE = Style(bold=True, color="#ffd75f")
"""The word itself: on the front, and where it stands in the sentence."""
GLOSS_STYLE = Style(bold=True)
NOTE_STYLE = Style(color="#d787ff")
DIM = Style(color="grey62")
BLANK = "＿"
"""One full-width blank per character of the hidden word (recall cards)."""
RULE = "─" * 24


def large(word: str) -> Text:
    """The hanzi as large as a terminal allows: bold, one space between characters.

    The style is on the span, not the Text: text appended after it (the sentence)
    must not inherit it, or the whole sentence looks like the word."""
    return Text().append(" ".join(word), WORD_STYLE)


def _find(sentence: str, card: Card) -> tuple[int, int] | None:
    for form in (card.word, card.traditional):
        if form:
            start = sentence.find(form)
            if start >= 0:
                return start, start + len(form)
    return None


def in_sentence(card: Card, hidden: bool) -> Text:
    """The card's sentence with its word highlighted, or blanked out (for recall)."""
    sentence = card.sentence
    span = _find(sentence, card)
    if span is None:
        return Text(sentence)
    start, end = span
    out = Text(sentence[:start])
    if hidden:
        out.append(BLANK * (end - start), DIM)
    else:
        out.append(sentence[start:end], WORD_STYLE)
    out.append(sentence[end:])
    return out


def reading_text(reading: str) -> Text:
    """A numbered reading (``wei1 ruan3``) as tone-coloured marks (wēiruǎn)."""
    syllables = tuple(reading.split())
    if not syllables:
        return Text()
    return pinyin_text(syllables, True, tuple(to_marks(s) for s in syllables))


def front_text(due: Due, revealed: bool = False, gloss: str | None = None) -> Text:
    """The question: the hanzi (recognition) or the gloss (recall), over the sentence
    with the word marked in it (blanked for recall).

    Once ``revealed``, a recall card's sentence shows the word again. ``gloss`` is the
    learner's gloss as it is now (the card's own is what it was made with)."""
    card = due.card
    recall = due.direction == "recall"
    gloss = card.gloss if gloss is None else gloss
    out = Text().append(gloss or "(no gloss)", GLOSS_STYLE) if recall else large(card.word)
    if card.sentence:
        out.append("\n\n")
        out.append_text(in_sentence(card, hidden=recall and not revealed))
    return out


def back_text(due: Due, gloss: str | None = None) -> Text:
    """The answer: the word (recall), reading, gloss (``gloss``: the learner's as it is
    now), note, translation and source."""
    card = due.card
    gloss = card.gloss if gloss is None else gloss
    lines: list[Text] = [Text(RULE, DIM)]
    if due.direction == "recall":
        lines.append(large(card.word))
    if card.traditional and card.traditional != card.word:
        lines.append(Text(f"[{card.traditional}]", DIM))
    lines.append(reading_text(card.reading))
    if due.direction != "recall":
        lines.append(Text(gloss or "(no gloss)", GLOSS_STYLE))
    if card.note:
        lines.append(Text(card.note, NOTE_STYLE))
    if card.translation:
        lines.append(Text("» " + card.translation, Style(italic=True)))
    if card.source:
        lines.append(Text("from " + card.source, DIM))
    return Text("\n").join(line for line in lines if line.plain)


class CardView(Static):
    """The card being reviewed: its front, and its back once shown."""

    def show(self, due: Due | None, revealed: bool, gloss: str | None = None) -> None:
        """Show ``due``'s front (and back, when ``revealed``) with the learner's current
        ``gloss``; nothing when ``None``."""
        if due is None:
            self.update("")
            return
        text = front_text(due, revealed, gloss)
        if revealed:
            text.append("\n\n")
            text.append_text(back_text(due, gloss))
        self.update(text)
