"""The reader keeps up with the vocab folder when another process changes it (``studyaid
gloss set`` in another terminal, a second reader, a hand edit): it checks the files'
identity every :data:`WATCH_INTERVAL` seconds, when the screen or the terminal comes back
into view, and before each save, and re-reads what changed. Its own writes re-read their
file under the folder's lock, so a save never overwrites another process's change.

A mixin of :class:`ReaderScreen`, kept apart so each module reads in one sitting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from studyaid.core.engine.services import Settings
from studyaid.core.errors import StudyaidError
from studyaid.core.vocab import CARDS, LOG
from studyaid.core.vocab.glosses import GLOSSES, LEXICON, Vocab
from studyaid.core.vocab.learner import STATUS, TRANSLATIONS
from studyaid.core.vocab.storage import FileWatch

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

WATCH_INTERVAL = 1.5
"""Seconds between two looks at the vocab folder (a few stat calls)."""
# studyaid.study's names, spelt here: importing it would load fsrs at the reader's start.
WATCHED = (GLOSSES, LEXICON, STATUS, TRANSLATIONS, CARDS, LOG)


class _Reader(Protocol):
    """What the watch needs of the reader screen that mixes it in."""

    settings: Settings
    vocab: Vocab
    file_watch: FileWatch | None

    def notify(
        self, message: str, *, severity: SeverityLevel = ..., timeout: float | None = ...
    ) -> None: ...
    def refresh_view(self) -> None: ...
    def reload_statuses(self) -> None: ...
    def check_files(self) -> set[str]: ...
    def _reannotate(self, resegment: bool) -> None: ...


class ReaderSync:
    """Re-reads the learner's files when another process changes them."""

    file_watch: FileWatch | None = None

    def start_watching(self: _Reader) -> None:
        """Remember the files as they are now (the screen then calls :meth:`check_files`
        every :data:`WATCH_INTERVAL` seconds)."""
        self.file_watch = FileWatch({name: self.settings.vocab / name for name in WATCHED})

    def check_files(self: _Reader) -> set[str]:
        """Re-read the files changed on disk since the last look; their names."""
        if self.file_watch is None:
            return set()
        changed = self.file_watch.changed()
        if changed & {GLOSSES, LEXICON}:
            try:
                self.vocab.glosses()
                self.vocab.lexicon()
            except StudyaidError as exc:
                # What is on screen stays; the file is never saved into until fixed.
                self.notify(f"{exc} (fix the file: nothing is saved into it until then)",
                            severity="error", timeout=15)
            else:
                self._reannotate(resegment=LEXICON in changed)
        elif TRANSLATIONS in changed:
            self.refresh_view()
        if changed & {STATUS, CARDS, LOG}:
            self.reload_statuses()
        return changed

    def on_screen_resume(self: _Reader) -> None:
        """Back from the review, help or a prompt: anything may have changed."""
        self.check_files()
