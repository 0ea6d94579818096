"""The reader's state without the screen: moving by words and sentences, the search,
and which chunks of a text are asked of the annotation worker (no Pilot, no Textual)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from studyaid.core.engine.annotate import Annotator
from studyaid.core.model import Sentence
from studyaid.tui.screens.reader import state as reader_state
from studyaid.tui.screens.reader.state import CHUNK, ReaderState, Request, raw_sentences

# 孔乙己, segmented: 孔乙己 是 站 着 喝酒 而 穿 长衫 的 唯一 的 人 。| “ 你 读 过 书 么 ？ ” |
# 我 略略 点 一 点头 。| 他们 便 都 笑 了 。| 多 乎 哉 ？| 不 多 也 。
TEXT = ("孔乙己是站着喝酒而穿长衫的唯一的人。“你读过书么？”我略略点一点头。"
        "他们便都笑了。多乎哉？不多也。")


@pytest.fixture(scope="module")
def annotated(plain_annotator: Annotator) -> list[Sentence]:
    return plain_annotator.annotate(TEXT)


def reading(annotated: list[Sentence], index: int = 0) -> ReaderState:
    """The text opened from its cached annotation, at sentence ``index``."""
    state = ReaderState(raw_sentences(TEXT))
    assert state.use_cached(list(annotated))
    state.go(index)
    return state


def word(state: ReaderState) -> tuple[int, str | None]:
    return state.index, state.token.text if state.token else None


@pytest.mark.parametrize(("start", "deltas", "expected"), [
    # The cursor opens on a sentence's first word, never on its punctuation.
    (1, [], (1, "你")),
    (1, [+1], (1, "读")),
    # Past the last word, on into the next sentence (the closing ？” skipped).
    (1, [+1] * 5, (2, "我")),
    (0, [+1] * 12, (1, "你")),
    # Back from the first word: the previous sentence's last word.
    (2, [-1], (1, "么")),
    (4, [-1, -1], (3, "笑")),
    # At either end of the text the cursor stays.
    (0, [-1], (0, "孔乙己")),
    (5, [+1, +1, +1], (5, "也")),
])
def test_moving_by_words(annotated: list[Sentence], start: int, deltas: list[int],
                         expected: tuple[int, str]) -> None:
    state = reading(annotated, start)
    for delta in deltas:
        state.step(delta)
    assert word(state) == expected


def test_a_step_says_whether_the_sentence_changed(annotated: list[Sentence]) -> None:
    state = reading(annotated, 4)  # 多 乎 哉 ？
    assert [state.step(+1), state.step(+1), state.step(+1)] == [False, False, True]


@pytest.mark.parametrize(("index", "expected"), [
    (3, (3, "他们")),
    (-3, (0, "孔乙己")),  # kept inside the text
    (99, (5, "不")),
])
def test_going_to_a_sentence(annotated: list[Sentence], index: int,
                             expected: tuple[int, str]) -> None:
    state = reading(annotated, 2)
    state.go(index)
    assert word(state) == expected


@pytest.mark.parametrize(("query", "start", "expected"), [
    ("点头", 0, (2, "点头")),
    ("笑", 0, (3, "笑")),
    # Wrapping round past the end of the text.
    ("长衫", 3, (0, "长衫")),
    # A query in traditional characters finds the simplified text.
    ("長衫", 3, (0, "长衫")),
    ("讀過", 0, (1, "读")),
    # Found in punctuation: the cursor stays on the sentence's first word.
    ("？", 0, (1, "你")),
])
def test_the_search(annotated: list[Sentence], query: str, start: int,
                    expected: tuple[int, str]) -> None:
    state = reading(annotated, start)
    state.search_query = query
    assert state.search_next()
    assert word(state) == expected


def test_a_search_not_found_stays(annotated: list[Sentence]) -> None:
    state = reading(annotated, 2)
    state.search_query = "茴香豆"
    assert not state.search_next()
    assert word(state) == (2, "我")


def test_the_cursor_returns_to_its_word_after_a_reannotation(
    annotated: list[Sentence]
) -> None:
    state = reading(annotated)
    for _ in range(7):
        state.step(+1)
    assert word(state) == (0, "长衫")
    state.restart()
    assert state.busy and state.generation == 1  # the old annotation shows meanwhile
    # A stale worker's sentences are not taken.
    assert not state.take(0, annotated)
    assert state.busy
    assert state.take(1, annotated[:1])
    assert word(state) == (0, "长衫")


def test_a_sentence_that_arrives_puts_the_cursor_on_its_first_word(
    annotated: list[Sentence]
) -> None:
    state = ReaderState(raw_sentences(TEXT))
    state.go(2)
    assert state.busy and state.token is None
    assert not state.take(0, annotated[:2])  # not the current sentence
    assert state.take(0, annotated[2:4])
    assert word(state) == (2, "我")
    assert not state.take(0, annotated[4:])  # the current one was ready already


# -- What the annotation worker is asked for: decided on the UI thread -------------------

LINE = "孔乙己是站着喝酒而穿长衫的唯一的人。\n"


def long_text(sentences: int) -> ReaderState:
    return ReaderState(raw_sentences(LINE * sentences))


@pytest.mark.parametrize(("sentences", "whole_up_to", "index", "chunks"), [
    # A text annotated whole: the chunk at the cursor first, then on, then from the top.
    (130, 4000, 85, (2, 3, 0, 1)),
    (130, 4000, 0, (0, 1, 2, 3)),
    (30, 4000, 29, (0,)),
    # A longer text: the cursor's chunk and its neighbours only.
    (130, 100, 85, (2, 3, 1)),
    (130, 100, 0, (0, 1)),
    (130, 100, 129, (3, 2)),
])
def test_the_chunks_asked_for(monkeypatch: pytest.MonkeyPatch, sentences: int,
                              whole_up_to: int, index: int, chunks: tuple[int, ...]) -> None:
    monkeypatch.setattr(reader_state, "WHOLE_TEXT_SENTENCES", whole_up_to)
    state = long_text(sentences)
    state.go(index)
    assert state.wants_annotation
    request = state.request()
    assert request == Request(0, chunks, sentences, sentences <= whole_up_to)
    assert not state.wants_annotation
    assert state.request().chunks == ()  # asked once per generation


def test_chunks_a_worker_dropped_are_asked_for_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader_state, "WHOLE_TEXT_SENTENCES", 100)
    state = long_text(400)
    assert state.request().chunks == (0, 1)
    state.go(5 * CHUNK)
    assert state.request().chunks == (5, 6, 4)
    state.dropped(0, (1,))  # the first worker, replaced, never got to chunk 1
    state.go(CHUNK)
    assert state.wants_annotation
    assert state.request().chunks == (1, 2)
    state.restart()
    state.dropped(0, (5,))  # an older generation's worker: nothing to do with this one
    assert state.request().chunks == (1, 2, 0)


@pytest.mark.parametrize(("count", "chunk", "span"), [
    (130, 0, (0, CHUNK)),
    (130, 3, (3 * CHUNK, 130)),
])
def test_a_request_spans_its_chunks(count: int, chunk: int, span: tuple[int, int]) -> None:
    assert Request(0, (chunk,), count, True).span(chunk) == span


def test_the_state_and_the_watch_load_no_textual() -> None:
    code = (
        "import sys\n"
        "import studyaid.tui.screens.reader.state, studyaid.tui.screens.reader.sync\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'textual']\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
