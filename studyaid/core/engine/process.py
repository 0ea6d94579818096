"""Annotation engines: who runs the NLP for a reader, and where.

A reader asks an engine for the annotated sentences ``first`` to ``stop`` of its text
and waits for them in a thread of its own. :class:`ProcessEngine` runs jieba, pypinyin
and the dictionary in a separate process, so that the reader's own process (and its
GIL) stays free for key presses; :class:`InProcessEngine` runs them in the caller's
process (tests, and tools that want no second process). Both give the same sentences.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from studyaid import paths
from studyaid.core.engine.settings import Settings
from studyaid.core.model import Sentence
from studyaid.core.text.sentence_list import SentenceList

if TYPE_CHECKING:
    from studyaid.core.engine.annotate import Annotator

# The annotation pipeline (jieba, pypinyin, the dictionary, the model) is imported where
# an engine first annotates: a reader whose text is cached paints its first screen
# without it, and a ProcessEngine's parent process never imports it.


class Engine(Protocol):
    """Annotates one text's sentences on request."""

    def annotate(self, first: int, stop: int) -> list[Sentence]:
        """Sentences ``first`` to ``stop`` (exclusive), annotated; blocks until done."""
        ...

    def reload(self, resegment: bool) -> None:
        """Re-read the learner's glosses and lexicon (``resegment``: the lexicon changed; the
        segmenter is rebuilt only when it did)."""
        ...

    def save_cache(self, key: str) -> bool:
        """Store the whole annotation under ``key`` if every sentence is annotated."""
        ...

    def warm_up(self) -> None:
        """Start loading the NLP (jieba, pypinyin, the dictionary) without waiting."""
        ...

    def prepare(self) -> None:
        """Load them (building the dictionary index if it is missing or stale) and wait
        until done."""
        ...

    def close(self) -> None:
        """Release the engine's resources."""
        ...

    def stop(self) -> None:
        """Release them at once, abandoning an annotation in progress."""
        ...


class _Work:
    """The annotation state an engine keeps: one annotator, the text, its sentences."""

    def __init__(self, settings: Settings, content: str, annotator: Annotator | None = None,
                 text_id: str = ""):
        self.settings = settings
        self.content = content
        self.text_id = text_id
        # Compact: a 50 MB text's 675,000 spans as tuples cost ~90 MB in this process.
        self.sentences = SentenceList(content)
        self.annotator = annotator
        self.done: dict[int, Sentence] = {}

    def _annotator(self) -> Annotator:
        from studyaid.core.engine.services import build_annotator, open_dictionary

        if self.annotator is None:
            self.annotator = build_annotator(self.settings, open_dictionary(self.settings),
                                             text_id=self.text_id)
        return self.annotator

    def prepare(self) -> None:
        """The annotator built (and the dictionary index with it); nothing returned, as
        an Annotator does not cross a process boundary."""
        self._annotator()

    def annotate(self, first: int, stop: int) -> list[Sentence]:
        annotator = self._annotator()
        spans = self.sentences.spans(first, stop)
        sentences = list(annotator.annotate_spans(self.content, spans, first))
        for sentence in sentences:
            self.done[sentence.index] = sentence
        return sentences

    def reload(self, resegment: bool) -> None:
        from studyaid.core.engine.services import build_annotator

        old = self._annotator()
        self.done.clear()
        # The same builder as the first annotator: the polyphone model stays on (a gloss
        # edit once dropped it, and worse readings were cached under the model's key).
        self.annotator = build_annotator(self.settings, previous=old, text_id=self.text_id)

    def save_cache(self, key: str) -> bool:
        from studyaid.core.engine.annotation_cache import AnnotationCache
        from studyaid.core.engine.profile import ProfileCache, count_text, profile_key

        if len(self.done) != len(self.sentences):
            return False
        sentences = [self.done[i] for i in range(len(self.sentences))]
        folder = paths.annotations_dir(self.settings.cache)
        AnnotationCache(folder).save(key, sentences)
        # The text's profile (for the library) comes with its annotation, at no cost.
        ProfileCache(folder).save(profile_key(self.content, self.settings),
                                  count_text(self.content, sentences))
        return True


class InProcessEngine:
    """Runs the annotation in this process (in whatever thread calls it)."""

    def __init__(self, settings: Settings, content: str, annotator: Annotator | None = None,
                 text_id: str = ""):
        self._work = _Work(settings, content, annotator, text_id)

    def annotate(self, first: int, stop: int) -> list[Sentence]:
        """See :class:`Engine`."""
        return self._work.annotate(first, stop)

    def reload(self, resegment: bool) -> None:
        """See :class:`Engine`."""
        self._work.reload(resegment)

    def save_cache(self, key: str) -> bool:
        """See :class:`Engine`."""
        return self._work.save_cache(key)

    def warm_up(self) -> None:
        """Nothing to do: the annotator is built on first use, in the caller's thread."""

    def prepare(self) -> None:
        """See :class:`Engine` (in the caller's thread)."""
        self._work.prepare()

    def close(self) -> None:
        """Nothing to release."""

    def stop(self) -> None:
        """Nothing to stop: an annotation in progress runs in the caller's thread."""


# The child process's state (one text per process).
_CHILD: _Work | None = None


def _child_start(settings: Settings, content: str, text_id: str) -> None:
    global _CHILD
    _CHILD = _Work(settings, content, text_id=text_id)


def _child_call(method: str, *args: object) -> object:
    assert _CHILD is not None
    call: Callable[..., object] = getattr(_CHILD, method)
    return call(*args)


def prepare_processes() -> None:
    """Start multiprocessing's resource tracker now, before a Textual app runs: once
    Textual has replaced sys.stderr, it can no longer be started (its stderr has no file
    descriptor), and every :class:`ProcessEngine` needs it."""
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()


class ProcessEngine:
    """Runs the annotation in a child process. Made before the app runs; the process
    starts on :meth:`warm_up` or the first request (a reader with a cached annotation
    waits until its first screen is painted, so the two do not compete for the CPU)."""

    def __init__(self, settings: Settings, content: str, text_id: str = ""):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        prepare_processes()  # a no-op when the app has called it before it ran
        # spawn, not fork: the reader's process has threads by the time it asks.
        self._pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_child_start,
            initargs=(settings, content, text_id),
        )
        self._warm = False

    def warm_up(self) -> None:
        """See :class:`Engine`."""
        if not self._warm:
            self._warm = True
            self._pool.submit(_child_call, "_annotator")

    def prepare(self) -> None:
        """See :class:`Engine`: the index is built in the child, not in the reader's
        process (whose GIL the screen needs)."""
        self.warm_up()
        self._pool.submit(_child_call, "prepare").result()

    def annotate(self, first: int, stop: int) -> list[Sentence]:
        """See :class:`Engine`."""
        result = self._pool.submit(_child_call, "annotate", first, stop).result()
        assert isinstance(result, list)
        return result

    def reload(self, resegment: bool) -> None:
        """See :class:`Engine`."""
        self._pool.submit(_child_call, "reload", resegment).result()

    def save_cache(self, key: str) -> bool:
        """See :class:`Engine`."""
        return bool(self._pool.submit(_child_call, "save_cache", key).result())

    def close(self) -> None:
        """Stop the child process."""
        self._pool.shutdown(wait=False, cancel_futures=True)

    def stop(self) -> None:
        """See :class:`Engine`: the child is terminated (a 50 MB text's first chunk took
        9.6 s to come, and the quit waited for it). The child only ever writes the cache,
        atomically, so stopping it loses nothing."""
        processes = getattr(self._pool, "_processes", None) or {}  # no public API
        children = list(processes.values())
        self.close()
        for child in children:
            child.terminate()
