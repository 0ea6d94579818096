"""Hearing the reader's words (issue 18): the key calls the speaker with the pinyin the
screen shows; the speaker is faked (no sound card here, and no synthesis in a UI test)."""

from __future__ import annotations

from tests.tui.conftest import ready


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
