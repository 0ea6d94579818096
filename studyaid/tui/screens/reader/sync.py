"""The reader keeps up with the vocab folder when another process changes it (``studyaid
gloss set`` in another terminal, a second reader, a hand edit): the screen asks
:class:`VocabWatch` every :data:`WATCH_INTERVAL` seconds, when it or the terminal comes
back into view, and before each save, and acts on what it finds. Its own writes re-read
their file under the folder's lock, so a save never overwrites another process's change.

Plain Python (no Textual): what changed and what to do about it; the screen does it.
"""

from __future__ import annotations

from dataclasses import dataclass

from studyaid.core.errors import StudyaidError
from studyaid.core.vocab import (
    CARDS,
    GLOSSES,
    LEXICON,
    LOG,
    READINGS,
    SETTINGS,
    STATUS,
    TRANSLATIONS,
)
from studyaid.core.vocab.glosses import Vocab
from studyaid.core.vocab.storage import FileWatch

WATCH_INTERVAL = 1.5
"""Seconds between two looks at the vocab folder (a few stat calls)."""
WATCHED = (GLOSSES, LEXICON, READINGS, STATUS, TRANSLATIONS, CARDS, LOG, SETTINGS)
"""The files whose change shows in the reader."""


@dataclass(frozen=True)
class Changes:
    """What changed on disk since the last look, and what the reader should do."""

    names: frozenset[str]
    problem: str | None = None  # the glosses or the lexicon cannot be read: keep the screen
    reannotate: bool = False  # the glosses, the lexicon or the readings changed
    resegment: bool = False  # the lexicon changed: the words themselves may differ
    redraw: bool = False  # a translation changed
    statuses: bool = False  # a hand-set status, a card or a review changed
    settings: bool = False  # study.toml changed (known_on_move)


class VocabWatch:
    """Notices the learner's files changed by someone else, and reads them again."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.files = FileWatch({name: vocab.folder / name for name in WATCHED})

    def look(self) -> Changes:
        """The files changed since the last look (the glosses and lexicon re-read)."""
        changed = self.files.changed()
        statuses = bool(changed & {STATUS, CARDS, LOG})
        settings = SETTINGS in changed
        if changed & {GLOSSES, LEXICON, READINGS}:
            try:
                self.vocab.glosses()
                self.vocab.lexicon()
            except StudyaidError as exc:
                # What is on screen stays; the file is never saved into until fixed.
                return Changes(frozenset(changed), problem=str(exc), statuses=statuses,
                               settings=settings)
            return Changes(frozenset(changed), reannotate=True, resegment=LEXICON in changed,
                           statuses=statuses, settings=settings)
        return Changes(frozenset(changed), redraw=TRANSLATIONS in changed, statuses=statuses,
                       settings=settings)

    def forget(self) -> None:
        """Take the files as they are now: the reader's own change is no news."""
        self.files.changed()
