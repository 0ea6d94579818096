"""The annotated text as a bilingual document, the model its formats share.

``build_document`` turns annotated sentences, the learner's translations and glosses into
a ``TextDocument``; each format (``text_html``, ``text_md``) is a function from that
document to the file's content, found by name in ``studyaid.export.TEXT_FORMATS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from studyaid.core.model import Gloss, IdiomMatch, Sentence, Token
from studyaid.core.nlp.pinyin import join_word, to_marks
from studyaid.core.output.tones import tone_of
from studyaid.core.text import library
from studyaid.core.vocab.learner import Shown
from studyaid.export.text_document import (
    Footnote,
    GlossaryEntry,
    Line,
    Syllable,
    TextDocument,
    Word,
)

UNTITLED = "Untitled text"
"""The title of a text without one (``library.title_of(content, UNTITLED)``)."""


def syllables(numbered: Iterable[str]) -> tuple[Syllable, ...]:
    """Numbered pinyin (``fu3 di3``) as tone-marked syllables with their tones."""
    return tuple(
        Syllable(to_marks(s), tone_of(s)) for s in numbered if s
    )


def reading_text(reading: tuple[Syllable, ...]) -> str:
    """A reading written as one word: ``fǔdǐchōuxīn``, ``xī'ān``."""
    return join_word([s.marks for s in reading])


def _footnote(number: int, idiom: IdiomMatch, tokens: list[Token]) -> Footnote:
    note = idiom.note
    if note is not None:
        return Footnote(number, idiom.word, syllables(note.reading.split()),
                        literal=note.literal, figurative=note.figurative, usage=note.usage)
    # No reading of our own: the tokens' readings, as the text is read.
    numbered = [s for t in tokens if t.start < idiom.end and t.end > idiom.start
                for s in t.info.pinyin]
    return Footnote(number, idiom.word, syllables(numbered),
                    english=idiom.english, chinese=idiom.chinese)


def build_document(
    title: str,
    sentences: Iterable[Sentence],
    translation: Callable[[int, str], Shown | None],
    glosses: dict[str, Gloss],
) -> TextDocument:
    """The document for annotated ``sentences``; ``translation(index, text)`` is the
    learner's translation of a sentence (``Learner.translation`` for one text)."""
    lines: list[Line] = []
    footnotes: dict[str, Footnote] = {}
    glossary: dict[str, GlossaryEntry] = {}
    for sentence in sentences:
        ends: dict[int, list[int]] = {}  # token index -> note numbers ending there
        for idiom in sentence.idioms:
            note = footnotes.get(idiom.word)
            if note is None:
                note = footnotes[idiom.word] = _footnote(len(footnotes) + 1, idiom,
                                                         sentence.tokens)
            last = next((i for i, t in enumerate(sentence.tokens) if t.end >= idiom.end),
                        len(sentence.tokens) - 1)
            ends.setdefault(last, []).append(note.number)
        words: list[Word] = []
        position = sentence.start
        for i, token in enumerate(sentence.tokens):
            if token.start > position:
                words.append(Word(sentence.text[position - sentence.start :
                                                 token.start - sentence.start]))
            words.append(Word(token.text, syllables(token.info.pinyin), tuple(ends.get(i, ()))))
            position = token.end
            gloss = glosses.get(token.text)
            if gloss is not None and token.text not in glossary:
                reading = syllables(gloss.reading or token.info.pinyin)
                glossary[token.text] = GlossaryEntry(
                    token.text, reading, gloss.gloss or token.info.gloss, gloss.note)
        if position < sentence.end:
            words.append(Word(sentence.text[position - sentence.start :]))
        shown = translation(sentence.index, sentence.text)
        lines.append(Line(sentence.index, sentence.text, tuple(words),
                          shown.english if shown else "", bool(shown and shown.stale)))
    if lines and library.title_of(lines[0].text) == title and not lines[0].translation:
        lines.pop(0)  # the title line is the heading, not a sentence read again
    return TextDocument(title, tuple(lines), tuple(footnotes.values()),
                        tuple(glossary.values()))
