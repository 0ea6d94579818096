"""The review: one card at a time, Anki's way.

The front (the hanzi, or the gloss for a recall card) over its sentence; Space or Enter
shows the back; 1 Again, 2 Hard, 3 Good, 4 Easy grade it, each labelled with the
interval it would give; ``u`` undoes the last grade; once the answer shows, ``e`` says
the word and ``E`` its example sentence (``auto_play`` in ``study.toml``: the word is said
as the answer shows). The collection does the work (the log line is appended and fsynced
inside :meth:`Collection.grade`); the screen keeps only what it shows, so a grade costs
one append and one redraw.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from studyaid import paths
from studyaid.core.engine.settings import Settings
from studyaid.core.errors import StudyaidError
from studyaid.core.model import Gloss
from studyaid.core.output.player import Speaker
from studyaid.core.vocab.glosses import Vocab
from studyaid.core.vocab.storage import Identity, identity
from studyaid.study.cards import current_gloss
from studyaid.study.collection import Collection, Counts, Due
from studyaid.study.scheduler import format_interval
from studyaid.tui.bindings import REVIEW_BINDINGS
from studyaid.tui.screens.help_screen import HelpScreen
from studyaid.tui.speaker import make_speaker
from studyaid.tui.widgets.card_view import CardView
from studyaid.tui.widgets.grade_bar import GradeBar

if TYPE_CHECKING:
    from studyaid.core.engine.annotate import Annotator

Clock = Callable[[], datetime]
"""Gives the time now, timezone-aware UTC (tests pass a fixed one)."""

Opener = Callable[[], Collection]
"""Opens the collection (in a thread: 100,000 reviews take a moment to read)."""

GOOD = 3
"""The grade Space/Enter gives on the back of a card, as in Anki."""


def utc_now() -> datetime:
    """The wall clock, in UTC as FSRS wants it."""
    return datetime.now(UTC)


def when(moment: datetime, now: datetime) -> str:
    """``in 3h``, or ``now`` for a moment already past."""
    if moment <= now:
        return "now"
    return "in " + format_interval(moment - now)


def counts_text(counts: Counts | None, now: datetime, showing: Due | None,
                done: int) -> Text:
    """The header: what is due now and later today, and new cards left (and whether the
    card ``showing`` is early); or, when nothing is due, when the next card is."""
    out = Text()
    out.append("Review", "bold")
    if counts is None:
        return out
    if showing is not None:
        out.append("  due now ")
        out.append(str(counts.due_now), "bold #5fd75f")
        out.append(" · later today ")
        out.append(str(counts.due_later_today), "bold #ff5f5f")
        out.append(" · new left today ")
        out.append(str(counts.new_left_today), "bold #5f87ff")
        if showing.state.due > now:  # a learning step shown ahead, as Anki does
            out.append(f"  (early: due {when(showing.state.due, now)})", "grey62")
    elif counts.next_due is not None:
        out.append(f"  Nothing due. Next card: {when(counts.next_due, now)}")
    else:
        out.append("  No cards yet.")
    if done:
        out.append(f"  · {done} done", "grey62")
    return out


def finished_text(counts: Counts | None, now: datetime, done: int) -> Text:
    """What the card area says when nothing is due."""
    out = Text()
    if counts is None or counts.next_due is None:
        out.append("No cards yet.\n\n", "bold")
        out.append("Add a word from the reader with a, or: studyaid card add WORD", "grey62")
        return out
    out.append("Nothing due.\n\n", "bold")
    if done:
        out.append(f"{done} card{'s' if done != 1 else ''} reviewed. ")
    out.append(f"Next card: {when(counts.next_due, now)}.")
    if counts.due_later_today:
        out.append(f"\n{counts.due_later_today} more later today.", "grey62")
    return out


class ReviewScreen(Screen[None]):
    """Reviews the collection's due cards until none is left or the learner leaves."""

    BINDINGS = REVIEW_BINDINGS  # type: ignore[assignment]

    class Opened(Message):
        """The collection was opened (or could not be: ``problem``)."""

        def __init__(self, collection: Collection | None, problem: str | None = None):
            super().__init__()
            self.collection = collection
            self.problem = problem

    def __init__(self, collection: Collection | Opener, clock: Clock = utc_now,
                 ticks: Callable[[], float] = time.monotonic,
                 settings: Settings | None = None) -> None:
        """``collection``, or a function that opens it (then it is opened in a thread,
        the screen saying so meanwhile); ``clock`` gives the time for scheduling;
        ``ticks`` (seconds, monotonic) measures how long the learner took to answer;
        ``settings`` (the dictionary, the context model) read a card's sentence to say
        it (None: the collection's vocab folder and cache, the packaged dictionary)."""
        super().__init__()
        self.speaker: Speaker | None = None
        """Made on first use: espeak-ng loads only when something is said."""
        self.settings = settings
        self._annotator: Annotator | None = None
        """Reads the sentences said (made on the first, in a thread: a second or two)."""
        self._annotating = threading.Lock()
        self.opener: Opener | None = None
        self.collection: Collection | None = None
        if isinstance(collection, Collection):
            self.collection = collection
        else:
            self.opener = collection
        self.clock = clock
        self.ticks = ticks
        self.current: Due | None = None
        self.gloss: str | None = None
        self._read_glosses: tuple[Identity, dict[str, Gloss]] | None = None
        """The current card's gloss as the learner has it now."""
        self.counts: Counts | None = None
        self.revealed = False
        self.preview: dict[int, datetime] | None = None
        self.shown_at = 0.0
        self.done = 0  # grades this session (less the undone ones)

    def compose(self) -> ComposeResult:
        """Counts on top, the card, the grades, the footer."""
        yield Static(id="review-status")
        with VerticalScroll(id="review-card"):
            yield CardView(id="card")
        yield GradeBar(id="grades")
        yield Footer()

    def on_mount(self) -> None:
        """The first card due (once the collection is open)."""
        if self.collection is not None:
            self._advance()
            return
        self.query_one("#review-status", Static).update("Opening your reviews…")
        self._open()

    @work(thread=True, exclusive=True, group="open")
    def _open(self) -> None:
        """Open the collection in a thread; its cache is written once the screen has it."""
        assert self.opener is not None
        try:
            collection = self.opener()
        except StudyaidError as exc:
            self.post_message(self.Opened(None, str(exc)))
            return
        self.post_message(self.Opened(collection))
        collection.save_cache()

    def _glosses(self) -> dict[str, Gloss]:
        """The learner's glosses, read again only when glosses.tsv has changed (not on
        every card)."""
        assert self.collection is not None
        vocab = Vocab(self.collection.vocab)
        seen = identity(vocab.glosses_path)
        if self._read_glosses is None or self._read_glosses[0] != seen:
            self._read_glosses = (seen, vocab.glosses())
        return self._read_glosses[1]

    def on_review_screen_opened(self, message: Opened) -> None:
        """Show the first card, or why there is none."""
        if message.collection is None:
            self.query_one("#review-status", Static).update("")
            self.query_one(CardView).update(Text(message.problem or "", style="bold red"))
            self.query_one(GradeBar).display = False
            self.notify(message.problem or "", severity="error", timeout=10)
            return
        self.collection = message.collection
        self._advance()

    # -- State -------------------------------------------------------------------------

    def _advance(self) -> None:
        """The next card due (or none), front up."""
        assert self.collection is not None
        now = self.clock()
        try:
            self.current = self.collection.next_due(now)
            self.counts = self.collection.counts(now)
            # The learner's gloss as it is now: an edit or an import since the card was
            # made shows at once (the card keeps the old one as history).
            self.gloss = (current_gloss(self._glosses(), self.current.card)
                          if self.current else None)
        except StudyaidError as exc:
            self.current = None
            self.notify(str(exc), severity="error", timeout=10)
        self._front()

    def _front(self) -> None:
        self.revealed = False
        self.preview = None
        self.shown_at = self.ticks()
        self.refresh_view()

    def refresh_view(self) -> None:
        """Push the state into the widgets (the only place they are updated)."""
        now = self.clock()
        self.query_one("#review-status", Static).update(
            counts_text(self.counts, now, self.current, self.done))
        card = self.query_one(CardView)
        if self.current is None:
            card.update(finished_text(self.counts, now, self.done))
        else:
            card.show(self.current, self.revealed, self.gloss)
        bar = self.query_one(GradeBar)
        bar.display = self.current is not None
        bar.show(self.preview, now if self.preview is not None else None)

    # -- Actions -----------------------------------------------------------------------

    def action_show(self) -> None:
        """Show the back; on the back, Space/Enter grades Good (as in Anki)."""
        if self.current is None or self.collection is None:
            return
        if self.revealed:
            self.action_grade(GOOD)
            return
        try:
            self.preview = self.collection.preview(self.current, self.clock())
        except StudyaidError as exc:
            self.notify(str(exc), severity="error", timeout=10)
        self.revealed = True
        self.refresh_view()
        if self.collection.settings.auto_play:
            self.action_hear()

    def action_grade(self, grade: int) -> None:
        """Grade the card shown (its back must be up), then the next card."""
        due = self.current
        if due is None or self.collection is None:
            return
        if not self.revealed:
            self.app.bell()  # grading unseen is a slip; Space first
            return
        duration_ms = max(0, round((self.ticks() - self.shown_at) * 1000))
        try:
            self.collection.grade(due, grade, self.clock(), duration_ms)
        except StudyaidError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        self.done += 1
        self._advance()

    @on(GradeBar.Chosen)
    def _chosen(self, message: GradeBar.Chosen) -> None:
        self.action_grade(message.grade)

    def action_undo(self) -> None:
        """Undo the last grade: that card comes back, front up."""
        if self.collection is None:
            return
        now = self.clock()
        try:
            due = self.collection.undo(now)
            if due is not None:
                self.counts = self.collection.counts(now)
        except StudyaidError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        if due is None:
            self.notify("nothing to undo")
            return
        self.done = max(0, self.done - 1)
        self.current = due
        self._front()

    def action_stats(self) -> None:
        """The statistics screen."""
        if self.collection is not None:
            from studyaid.tui.screens.stats_screen import StatsScreen  # not needed to open

            self.app.push_screen(StatsScreen(self.collection, self.clock))

    def action_hear(self) -> None:
        """Say the card's word, in its reading, once the answer shows."""
        if self.current is None or not self.revealed:
            return
        syllables = self.current.card.reading.split()
        if syllables:
            self._speaker().say_word(syllables)

    def action_hear_sentence(self) -> None:
        """Say the card's example sentence once the answer shows: read as ``annotate``
        and ``say`` read it (spoken tones), the card's word in the card's reading."""
        if self.current is None or not self.revealed:
            return
        card = self.current.card
        if not card.sentence.strip():
            self.notify("this card has no sentence")
            return
        reading = card.reading.split()
        self._say_sentence(card.sentence, {card.word: reading, card.traditional: reading})

    @work(thread=True, exclusive=True, group="sentence")
    def _say_sentence(self, sentence: str, readings: dict[str, list[str]]) -> None:
        """Read the sentence in a thread (the first one makes the annotator), then say
        it."""
        # The annotation pipeline loads on the first sentence said, not with the screen.
        from studyaid.core.engine.services import build_annotator
        from studyaid.export.sounds import voice_text

        try:
            with self._annotating:  # one annotator, used by one thread at a time
                if self._annotator is None:
                    self._annotator = build_annotator(self._reading_settings())
                text = voice_text(self._annotator, sentence, readings=readings)
        except StudyaidError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=10)
            return
        if text.strip():
            self.app.call_from_thread(lambda: self._speaker().say(text))

    def _reading_settings(self) -> Settings:
        """The settings the sentences are read with."""
        if self.settings is not None:
            return self.settings
        assert self.collection is not None
        return Settings(self.collection.vocab, self._cache())

    def _cache(self) -> Path:
        """The cache folder (speech is cached there)."""
        cache = self.collection.cache if self.collection is not None else None
        return cache or paths.cache_dir()

    def _speaker(self) -> Speaker:
        """The screen's speaker, made on first use."""
        if self.speaker is None:
            self.speaker = make_speaker(self, self._cache())
        return self.speaker

    def action_help(self) -> None:
        """Every key, from the bindings."""
        self.app.push_screen(HelpScreen(REVIEW_BINDINGS))

    def action_leave(self) -> None:
        """Back to the reader (every grade is already saved), or out of the app."""
        if len(self.app.screen_stack) > 1:
            self.dismiss(None)
        else:
            self.app.exit()
