"""Hearing the reader's words (issue 18): the key calls the speaker with the pinyin the
screen shows; the speaker is faked (no sound card here, and no synthesis in a UI test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyaid import paths
from studyaid.core.engine.settings import Settings
from studyaid.study.collection import Collection
from studyaid.study.scheduler import Scheduler
from studyaid.tui.app import ReviewApp
from studyaid.tui.screens.review_screen import ReviewScreen
from tests.tui.conftest import ready
from tests.tui.study_fixtures import CARDS, NOW, add_cards
from tests.tui.test_review_screen import SIZE


class FakeSpeaker:
    """Records what it is asked to say."""

    def __init__(self) -> None:
        self.said: list[object] = []

    def say_word(self, syllables) -> None:
        self.said.append(tuple(syllables))

    def say(self, text: str) -> None:
        self.said.append(text)


async def test_e_says_the_word_and_E_the_sentence_as_shown(make_app) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        fake = FakeSpeaker()
        reader.speaker = fake  # type: ignore[assignment]
        await pilot.press("e")  # 微软, the title's first word
        assert fake.said == [("wei1", "ruan3")]
        await pilot.press("E")
        sentence = fake.said[-1]
        assert isinstance(sentence, str) and sentence.startswith("wei1 ruan3 yu3")
        assert "lie4 hen2" in sentence


async def test_spoken_tones_are_said_when_they_are_shown(make_app) -> None:
    # 一个 in citation tones is yi1 ge4; in spoken tones (T) yi2 ge4.
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        fake = FakeSpeaker()
        reader.speaker = fake  # type: ignore[assignment]
        await pilot.press("slash", *"一个最常", "enter")
        await pilot.pause()
        token = reader.state.token
        assert token is not None and token.text == "一个"
        await pilot.press("e", "T", "e")
        assert fake.said == [("yi1", "ge4"), ("yi2", "ge4")]


async def test_the_review_says_the_word_once_the_answer_shows(vocab_dir) -> None:
    from tests.tui.test_review_screen import SIZE, review_app, screen_of

    async with review_app(vocab_dir).run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = screen_of(pilot.app)
        fake = FakeSpeaker()
        screen.speaker = fake  # type: ignore[assignment]
        await pilot.press("e")  # the front: the reading is the answer, not said yet
        assert fake.said == []
        await pilot.press("space", "e")
        assert fake.said == [("fu3", "di3", "chou1", "xin1")]


async def test_the_dictionary_says_the_highlighted_entry(vocab_dir) -> None:
    from tests.tui.test_search_screen import search_app, settled

    async with search_app(vocab_dir).run_test(size=(100, 32)) as pilot:
        screen = await settled(pilot)
        fake = FakeSpeaker()
        screen.speaker = fake  # type: ignore[assignment]
        await pilot.press(*"yinhang", "enter")  # to the results
        await settled(pilot)
        await pilot.press("e")
        assert fake.said == [("yin2", "hang2")]


# -- The review: the word on reveal (auto_play), the example sentence (E) ----------------

async def review_shown(pilot) -> ReviewScreen:
    """The review screen once its collection is open, its speaker faked."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReviewScreen)
    screen.speaker = FakeSpeaker()  # type: ignore[assignment]
    return screen


def review_over(vocab: Path, study_toml: str | None = None,
                rows: list[tuple[str, ...]] = CARDS) -> ReviewApp:
    """The review as ``studyaid review`` opens it: study.toml read by the collection."""
    add_cards(vocab, rows)
    if study_toml is not None:
        (vocab / "study.toml").write_text(study_toml, encoding="utf-8")
    settings = Settings(vocab, paths.cache_dir())
    return ReviewApp(Collection(vocab, vocab.parent / "study-cache",
                                scheduler=Scheduler(fuzz=False)),
                     clock=lambda: NOW, settings=settings)


@pytest.mark.parametrize(("study_toml", "said"), [
    ("auto_play = true\n", [("fu3", "di3", "chou1", "xin1")]),
    ("auto_play = false\n", []),
    (None, []),  # the default: only e says it
])
async def test_auto_play_says_the_word_as_the_answer_shows(vocab_dir: Path,
                                                           study_toml: str | None,
                                                           said: list[object]) -> None:
    async with review_over(vocab_dir, study_toml).run_test(size=SIZE) as pilot:
        screen = await review_shown(pilot)
        fake = screen.speaker
        assert fake.said == []  # the front: nothing said, the reading is the answer
        await pilot.press("space")
        assert screen.revealed and fake.said == said
        await pilot.press("space")  # graded Good: the next card's front, nothing more
        assert fake.said == said


SENTENCES = [
    # word, reading, sentence -> what the voice is given
    # read as annotate reads it, in spoken tones (釜底 fu2 di3, third-tone sandhi)
    ("釜底抽薪", "fu3 di3 chou1 xin1", "他们决定釜底抽薪，停止合作。",
     "ta1 men5 jue2 ding4 fu2 di3 chou1 xin1 , ting2 zhi3 he2 zuo4 ."),
    # the card's word in the card's reading: 看 kān, to look after (annotate: kàn)
    ("看", "kan1", "她在家看孩子。", "ta1 zai4 jia1 kan1 hai2 zi5 ."),
]


@pytest.mark.parametrize(("word", "reading", "sentence", "voice"), SENTENCES)
async def test_E_says_the_cards_sentence(vocab_dir: Path, word: str, reading: str,
                                        sentence: str, voice: str) -> None:
    row = (word, word, reading, "a gloss", "", sentence, "", "seed article")
    async with review_over(vocab_dir, rows=[row]).run_test(size=SIZE) as pilot:
        screen = await review_shown(pilot)
        fake = screen.speaker
        await pilot.press("E")  # the front: the sentence would give the reading away
        await pilot.app.workers.wait_for_complete()
        assert fake.said == []
        await pilot.press("space", "E")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert fake.said == [voice]


async def test_E_on_a_card_without_a_sentence_says_so(vocab_dir: Path) -> None:
    row = ("合作", "合作", "he2 zuo4", "to cooperate", "", "", "", "")
    async with review_over(vocab_dir, rows=[row]).run_test(size=SIZE) as pilot:
        screen = await review_shown(pilot)
        await pilot.press("space", "E")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.speaker.said == []
        assert any("no sentence" in str(n.message) for n in pilot.app._notifications)
