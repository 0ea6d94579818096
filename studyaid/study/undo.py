"""Undo the learner's last change of any kind: gloss, translation, split or merge,
reading, status, card added (:mod:`studyaid.core.vocab.journal`)."""

from __future__ import annotations

from pathlib import Path

# Imported for their registrations: each file's owner puts its own rows back.
from studyaid.core.vocab import glosses, learner, readings  # noqa: F401
from studyaid.core.vocab.journal import Change, undo_last
from studyaid.core.vocab.storage import locked
from studyaid.study import cards  # noqa: F401


def undo(folder: Path) -> Change | None:
    """Undo the newest change in ``folder`` (None when there is none), under its lock."""
    with locked(folder):
        return undo_last(folder)
