"""Everything about the selected word: the learner's gloss, the dictionary, idioms, characters."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from studyaid.core.annotate import Token
from studyaid.core.idioms import IdiomMatch
from studyaid.core.learner import NEW
from studyaid.core.lookup import Lookup
from studyaid.core.reading import HAN, join_word

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
    if entries:
        out.append("\nCC-CEDICT", HEADING)
        for entry in entries:
            head = entry.simplified
            if entry.traditional != entry.simplified:
                head += f" [{entry.traditional}]"
            out.append(f"\n {head} ", LABEL)
            out.append(entry.pinyin_marks, "#87d7af")
            out.append("  " + " / ".join(entry.definitions))
    for idiom in idioms:
        out.append("\nIdiom ", HEADING)
        out.append_text(idiom_text(idiom, full=True))
    characters = HAN.findall(token.text)
    if len(characters) > 1:
        out.append("\nCharacters", HEADING)
        for ch in characters:
            out.append(f"\n {ch} ", LABEL)
            own = lookup.glosses.get(ch)
            char_entries = lookup.dictionary_entries(ch)
            if char_entries:
                readings = dict.fromkeys(e.pinyin_marks for e in char_entries)
                out.append(" / ".join(readings), "#87d7af")
                out.append("  " + "; ".join(char_entries[0].definitions[:3]))
            if own is not None and own.gloss:
                out.append(f"  (yours: {own.gloss})")
    return out


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
