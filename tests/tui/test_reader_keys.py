"""Every binding of the reader, pressed through Pilot: state and the vocab folder after."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style
from textual.widgets import Input

from studyaid.core.vocab.learner import Learner
from studyaid.study import CardStore
from studyaid.tui.screens.prompt_screen import PromptScreen
from studyaid.tui.widgets.sentence_view import SentenceView
from tests.tui.conftest import ready

# The seed opens on its title: 微软 与 OpenAI 的 裂痕 (sentence 0 of 74).
MOVES = [
    # keys, sentence number, word under the cursor
    ((), 0, "微软"),
    (("l",), 0, "与"),
    (("right", "right", "right"), 0, "的"),
    (("l", "h"), 0, "微软"),
    (("j",), 1, "微软"),
    (("down", "up"), 0, "微软"),
    (("k",), 0, "微软"),
    (("pagedown",), 5, None),
    (("pagedown", "pageup"), 0, "微软"),
    (("end",), 73, None),
    (("end", "home"), 0, "微软"),
    # past the last word of a sentence, on into the next
    (("l",) * 5, 1, "微软"),
]


@pytest.mark.parametrize(("keys", "index", "word"), MOVES)
async def test_moving(make_app, keys: tuple[str, ...], index: int, word: str | None) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press(*keys)
        assert reader.state.index == index
        if word is not None:
            assert reader.state.token is not None and reader.state.token.text == word


async def test_search_jumps_to_the_idiom_and_shows_its_note(make_app) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press("slash")
        assert isinstance(pilot.app.screen, PromptScreen)
        await pilot.press(*"釜底抽薪", "enter")
        assert "釜底抽薪" in reader.state.sentence.text
        assert reader.state.token is not None and reader.state.token.text == "釜底抽薪"
        notes = str(reader.query_one("#notes").render())
        assert "pull the firewood out from under the cooking pot" in notes
        found = reader.state.index
        await pilot.press("n")  # the only match: wraps round to itself
        assert reader.state.index == found


async def test_gloss_is_saved_and_shown(make_app, vocab_dir: Path) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press("g")
        field = pilot.app.screen.query_one(Input)
        assert field.value == reader.state.token.info.gloss  # pre-filled with the current gloss
        field.value = "Microsoft (the company)"
        await pilot.press("enter")
        await pilot.press("e")  # everywhere
        await ready(pilot)
        assert reader.state.token.info.gloss == "Microsoft (the company)"
        assert reader.state.token.info.gloss_source == "user"
    text = (vocab_dir / "glosses.tsv").read_text(encoding="utf-8")
    assert "微软\tMicrosoft (the company)\t\t\n" in text


async def test_escape_cancels_the_gloss(make_app, vocab_dir: Path) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        await pilot.press("g", "x", "escape")
        await ready(pilot)
    assert not (vocab_dir / "glosses.tsv").exists()


async def test_translation_is_saved_and_shown(make_app) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press("t", *"The rift", "enter")
        assert "The rift" in str(reader.query_one("#notes").render())
        shown = Learner(reader.settings.vocab).translation("seed", 0, "微软与OpenAI的裂痕")
        assert shown is not None and shown.english == "The rift" and not shown.stale


STATUS_KEYS = [
    (("K",), "微软\tknown"),
    (("U",), "微软\tlearning"),
    (("K", "U"), "微软\tlearning"),
    (("U", "U"), None),
]


@pytest.mark.parametrize(("keys", "line"), STATUS_KEYS)
async def test_word_status(make_app, vocab_dir: Path, keys: tuple[str, ...],
                           line: str | None) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press(*keys)
        assert reader.statuses == Learner(vocab_dir).statuses()
    lines = (vocab_dir / "status.tsv").read_text(encoding="utf-8").splitlines()[1:]
    # word, status, and the day it took it
    assert [row.rsplit("\t", 1)[0] for row in lines] == ([line] if line else [])


async def test_card_is_added_once(make_app, vocab_dir: Path) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        assert reader.statuses.get("微软", "new") == "new"
        await pilot.press("a", "a")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        # A card makes its word "learning" in the reader at once.
        assert reader.statuses.get("微软") == "learning"
    cards = CardStore(vocab_dir).cards().values()
    assert [(c.word, c.reading, c.sentence, c.source) for c in cards] == [
        ("微软", "wei1 ruan3", "微软与OpenAI的裂痕", "seed")
    ]


async def test_a_word_inside_an_idiom_cards_the_whole_idiom(make_app, vocab_dir: Path) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press("slash")
        await pilot.press(*"自损八百", "enter")
        # 自 / 损 (jieba's HMM made 自损 a word CC-CEDICT lacks)
        assert reader.state.token is not None and reader.state.token.text == "自"
        await pilot.press("a")
    card = CardStore(vocab_dir).cards()["杀敌一千，自损八百"]
    assert (card.reading, card.source) == ("sha1 di2 yi1 qian1 zi4 sun3 ba1 bai3", "seed")
    assert card.gloss.startswith("lit. kill a thousand") and card.note == card.gloss
    assert "杀敌一千,自损八百" in card.sentence


async def test_display_toggles(make_app) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press("p")
        assert reader.options.pinyin == "unknown"
        await pilot.press("p", "c", "v")
        assert (reader.options.pinyin, reader.options.tones, reader.options.script) == (
            "none", False, "traditional")
        assert "微軟" in str(reader.query_one(SentenceView).render())


def _colour_of(line, char: str):
    """The colour the last styled span covering ``char`` gives it (None if none)."""
    at = line.plain.index(char)
    colours = [Style.parse(str(span.style)).color for span in line.spans
               if span.start <= at < span.end]
    colours = [c for c in colours if c is not None]
    return colours[-1].name if colours else None


async def test_tone_colours_on_the_hanzi(make_app) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        view = reader.query_one(SentenceView)
        hanzi_line = view._layout(view.content_size.width).lines[1]  # 微软 与 OpenAI 的 裂痕
        assert _colour_of(hanzi_line, "微") is None
        await pilot.press("C")
        assert reader.options.hanzi_tones
        hanzi_line = view._layout(view.content_size.width).lines[1]
        # 微 wēi (first tone) and 软 ruǎn (third) each in their tone's colour.
        assert _colour_of(hanzi_line, "微") is not None
        assert _colour_of(hanzi_line, "微") != _colour_of(hanzi_line, "软")
        assert _colour_of(hanzi_line, "微") == _colour_of(view._layout(
            view.content_size.width).lines[0], "W")


async def test_spoken_tones_are_a_display_toggle(make_app) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press("slash", *"一个最常被提及", "enter")
        view = reader.query_one(SentenceView)

        def shown() -> str:
            return "\n".join(line.plain for line in view._layout(view.content_size.width).lines)

        assert "yīgè" in shown() and "yígè" not in shown()
        await pilot.press("T")
        assert reader.options.spoken
        assert "yígè" in shown()
        # Display only: the annotation keeps the dictionary's citation tones.
        (yige,) = [t for t in reader.state.sentence.tokens if t.text == "一个"]
        assert yige.info.pinyin == ("yi1", "ge4")
        await pilot.press("T")
        assert "yīgè" in shown()


# Reopening a text returns to the word the learner left, not only its sentence.
RETURNS = [
    # keys before quitting, sentence number, word under the cursor after reopening
    (("l", "l"), 0, "OpenAI"),
    (("j", "l", "l"), 1, "OpenAI"),
    (("j", "j", "l"), 2, None),  # whatever the third word of sentence 2 is: checked below
]


@pytest.mark.parametrize(("keys", "index", "word"), RETURNS)
async def test_reopening_returns_to_the_word(make_app, vocab_dir: Path, keys: tuple[str, ...],
                                             index: int, word: str | None) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press(*keys)
        left = reader.state.token
        assert left is not None and reader.state.index == index
        await pilot.press("q")
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        assert reader.state.index == index
        back = reader.state.token
        assert back is not None and (back.start, back.text) == (left.start, left.text)
        if word is not None:
            assert back.text == word


def test_an_old_positions_file_still_reads(vocab_dir: Path) -> None:
    (vocab_dir / "positions.tsv").write_text("seed\t3\n", encoding="utf-8")
    assert Learner(vocab_dir).place("seed").sentence == 3
    assert Learner(vocab_dir).place("seed").offset == 0
