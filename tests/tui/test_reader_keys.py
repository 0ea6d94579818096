"""Every binding of the reader, pressed through Pilot: state and the vocab folder after."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from studyaid.core.learner import Learner
from studyaid.tui.bindings import READER_BINDINGS
from studyaid.tui.screens.help_screen import HelpScreen, help_table
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
        assert reader.index == index
        if word is not None:
            assert reader.token is not None and reader.token.text == word


async def test_search_jumps_to_the_idiom_and_shows_its_note(make_app) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press("slash")
        assert isinstance(pilot.app.screen, PromptScreen)
        await pilot.press(*"釜底抽薪", "enter")
        assert "釜底抽薪" in reader.sentence.text
        assert reader.token is not None and reader.token.text == "釜底抽薪"
        notes = str(reader.query_one("#notes").render())
        assert "pull the firewood out from under the cooking pot" in notes
        found = reader.index
        await pilot.press("n")  # the only match: wraps round to itself
        assert reader.index == found


async def test_gloss_is_saved_and_shown(make_app, vocab_dir: Path) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press("g")
        field = pilot.app.screen.query_one(Input)
        assert field.value == reader.token.info.gloss  # pre-filled with the current gloss
        field.value = "Microsoft (the company)"
        await pilot.press("enter")
        await ready(pilot)
        assert reader.token.info.gloss == "Microsoft (the company)"
        assert reader.token.info.gloss_source == "user"
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
    assert lines == ([line] if line else [])


async def test_card_is_added_once(make_app, vocab_dir: Path) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        await pilot.press("a", "a")
    cards = Learner(vocab_dir).cards()
    assert [(c.word, c.reading, c.sentence) for c in cards] == [
        ("微软", "wei1 ruan3", "微软与OpenAI的裂痕")
    ]


async def test_display_toggles(make_app) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press("p")
        assert reader.options.pinyin == "unknown"
        await pilot.press("p", "c", "v")
        assert (reader.options.pinyin, reader.options.tones, reader.options.script) == (
            "none", False, "traditional")
        assert "微軟" in str(reader.query_one(SentenceView).render())


async def test_split_and_merge_resegment_at_once(make_app, vocab_dir: Path) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press("l", "l", "l", "l")  # 裂痕
        assert reader.token.text == "裂痕"
        await pilot.press("s")
        assert pilot.app.screen.query_one(Input).value == "裂 痕"
        await pilot.press("enter")
        reader = await ready(pilot)
        assert [t.text for t in reader.sentence.tokens][-2:] == ["裂", "痕"]
        await pilot.press("home", "m")  # 微软 + 与
        reader = await ready(pilot)
        assert reader.sentence.tokens[0].text == "微软与"
    lines = (vocab_dir / "lexicon.txt").read_text(encoding="utf-8").splitlines()
    assert lines == ["裂 痕", "微软与"]


async def test_reading_is_chosen_and_kept(make_app, vocab_dir: Path) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press("l", "l", "l")  # 的: de5, di2, di4
        before = reader.token.info.pinyin
        await pilot.press("r")
        options = pilot.app.screen.query_one(OptionList)
        wanted = next(r for r in reader.token.info.readings if r != " ".join(before))
        options.highlighted = reader.token.info.readings.index(wanted)
        await pilot.press("enter")
        reader = await ready(pilot)
        assert reader.token.text == "的" and reader.token.info.pinyin == (wanted,)
        assert reader.token.info.reading_source == "user"
    assert f"的\t\t{wanted}\t" in (vocab_dir / "glosses.tsv").read_text(encoding="utf-8")


async def test_help_lists_every_binding(make_app) -> None:
    async with make_app().run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        assert pilot.app.screen.bindings == READER_BINDINGS
        table = help_table(READER_BINDINGS)
        assert list(table.columns[2].cells) == [b.id for b in READER_BINDINGS]
        assert len({b.id for b in READER_BINDINGS}) == len(READER_BINDINGS)
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, HelpScreen)


async def test_quit_keeps_the_place_and_reopening_returns_to_it(make_app, vocab_dir) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        await pilot.press("j", "j", "q")
    assert Learner(vocab_dir).position("seed") == 2
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        assert reader.index == 2


async def test_clicking_a_word_selects_it(make_app) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        view = reader.query_one(SentenceView)
        region = view._layout(view.content_size.width).regions[4]  # 裂痕
        await pilot.click(SentenceView, offset=(region.x + 1, region.y + 1))
        assert reader.token.text == "裂痕"


async def test_raw_text_shows_before_annotation(make_app) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = pilot.app.screen_stack[0]
        await pilot.pause()
        if reader.busy:  # the worker is still loading jieba: the text is there already
            assert "微软与OpenAI的裂痕" in str(reader.query_one(SentenceView).render())
        await ready(pilot)
        assert reader.sentence.tokens
