"""Everything about the selected word: the learner's gloss, the dictionary, idioms, characters
(for a word of the text in the reader, or a word looked up in the dictionary screen)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from studyaid.core.dictionary import hsk
from studyaid.core.dictionary.index import Entry
from studyaid.core.dictionary.lookup import Lookup, commonness
from studyaid.core.dictionary.senses import UNSURE
from studyaid.core.dictionary.word_report import WordReport
from studyaid.core.model import Gloss, IdiomMatch, Token
from studyaid.core.nlp.pinyin import HAN, join_word
from studyaid.core.nlp.script import to_simplified
from studyaid.core.vocab.learner import NEW, is_word

HEADING = "bold #87afff"
LABEL = "bold"
DIM = "grey62"


def idiom_text(idiom: IdiomMatch, full: bool) -> Text:
    """An idiom's note: one line under the sentence, or in full for the details panel."""
    out = Text()
    out.append(idiom.word, "bold #d787ff")
    note = idiom.note
    if idiom.marks:
        out.append(f" {idiom.marks}", DIM)
    out.append("  ")
    out.append(idiom.english or idiom.chinese)
    if not full:
        return out
    if note is not None:
        if note.usage:
            out.append("\n  usage: ", LABEL)
            out.append(note.usage)
    if idiom.chinese and idiom.english:
        out.append("\n  中文: ", LABEL)
        out.append(idiom.chinese)
    if idiom.origin:
        out.append("\n  origin: ", LABEL)
        out.append(idiom.origin)
    return out


def details_text(
    lookup: Lookup | None,
    token: Token | None,
    idioms: list[IdiomMatch],
    status: str = NEW,
) -> Text:
    """The details panel's content for one token."""
    if token is None:
        return Text("No word selected.", DIM)
    out = Text()
    out.append(token.text, "bold")
    if token.info.pinyin:
        out.append(f"  {join_word(token.info.marks)}")
    out.append(f"  [{status}]", DIM)
    if token.info.close_call:
        out.append("\n  a close call: this reading was chosen from the sentence by a small"
                   " margin; r chooses another", "italic #ffd75f")
    user = lookup.glosses.get(token.text) if lookup else None
    if user is not None:
        out.append("\nyour gloss: ", HEADING)
        out.append(user.gloss or "(reading only)")
        if user.note:
            out.append(f"\n  {user.note}", DIM)
    elif token.info.gloss:
        out.append(f"\n{token.info.gloss_source}: ", HEADING)
        out.append(token.info.gloss)
    if lookup is None:
        out.append("\n(loading the dictionary…)", DIM)
        return out
    entries = lookup.dictionary_entries(token.text)
    if is_word(token.text):
        out.append("\n" + word_level(token.text, entries), DIM)
    if entries:
        out.append("\nCC-CEDICT", HEADING)
        _entry_lines(out, entries, chosen=token.info.gloss.split(UNSURE))
    for idiom in idioms:
        out.append("\nIdiom ", HEADING)
        out.append_text(idiom_text(idiom, full=True))
    characters = HAN.findall(token.text)
    if len(characters) > 1:
        _character_lines(out, [(ch, lookup.dictionary_entries(ch), lookup.glosses.get(ch))
                               for ch in characters])
    return out


def word_level(word: str, entries: Sequence[Entry]) -> str:
    """The word's HSK 3.0 level and how common it is: "HSK 3 · common"."""
    level = hsk.level_of(word, to_simplified(word))
    count = max((e.frequency for e in entries), default=0)
    return (f"HSK {level}" if level != hsk.BEYOND else "not in HSK 1-9") \
        + f" · {commonness(count)}"


def _entry_lines(out: Text, entries: Sequence[Entry], short: bool = False,
                 chosen: Sequence[str] = ()) -> None:
    """One line per entry: headword [traditional], reading, definitions; the senses
    ``chosen`` for the sentence first."""
    for entry in entries:
        head = entry.simplified
        if entry.traditional != entry.simplified:
            head += f" [{entry.traditional}]"
        out.append(f"\n {head} ", LABEL)
        out.append(entry.pinyin_marks, "#87d7af")
        definitions = entry.definitions[:3] if short else entry.definitions
        definitions = tuple(sorted(definitions, key=lambda d: d not in chosen))
        out.append("  " + " / ".join(definitions))


def _character_lines(out: Text,
                     characters: Sequence[tuple[str, Sequence[Entry], Gloss | None]]) -> None:
    """The characters one by one: their readings, first definitions, the learner's gloss."""
    out.append("\nCharacters", HEADING)
    for ch, entries, own in characters:
        out.append(f"\n {ch} ", LABEL)
        if entries:
            out.append(" / ".join(dict.fromkeys(e.pinyin_marks for e in entries)), "#87d7af")
            out.append("  " + "; ".join(entries[0].definitions[:3]))
        if own is not None and own.gloss:
            out.append(f"  (yours: {own.gloss})")


class DetailsPanel(VerticalScroll):
    """A scrolling panel showing :func:`details_text` for the selected word."""

    DEFAULT_CSS = """
    DetailsPanel { height: auto; }
    DetailsPanel > Static { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        """One Static holding the text."""
        yield Static(id="details-body")

    def show(self, text: Text) -> None:
        """Replace the content and scroll back to its top."""
        self.query_one("#details-body", Static).update(text)
        self.scroll_home(animate=False)


def report_text(report: WordReport | None) -> Text:
    """The dictionary screen's entry: everything :class:`WordReport` holds."""
    if report is None:
        return Text("Type hanzi, pinyin (fudichouxin, fu3di3) or English; ↓ or Enter to"
                    " choose a result.", DIM)
    out = Text()
    out.append(report.word, "bold")
    if report.entries:
        readings = dict.fromkeys(e.pinyin_marks for e in report.entries)
        out.append("  " + " / ".join(readings), "#87d7af")
    gloss = report.gloss
    out.append("\nyour gloss: ", HEADING)
    if gloss is not None:
        out.append(gloss.gloss or "(reading only)")
        if gloss.note:
            out.append(f"\n  {gloss.note}", DIM)
    else:
        out.append("none yet (g adds one)", DIM)
    if report.entries:
        out.append("\nCC-CEDICT", HEADING)
        _entry_lines(out, report.entries)
    if report.idiom is not None:
        out.append("\nIdiom ", HEADING)
        out.append_text(idiom_text(report.idiom, full=True))
    if report.characters:
        _character_lines(out, report.characters)
    if report.containing:
        out.append("\nWords with it", HEADING)
        _entry_lines(out, report.containing, short=True)
    out.append("\nIn your texts", HEADING)
    if not report.examples:
        out.append("\n (not in the texts you have opened)", DIM)
    for example in report.examples:
        out.append(f"\n {example.sentence}")
        out.append(f"  — {example.title}", DIM)
    return out
