"""The dictionary search screen through Pilot: results as you type, the entry, the gloss
and card written from it, stale results dropped, opening it from the reader."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from studyaid import paths
from studyaid.core.engine.settings import Settings
from studyaid.core.vocab.glosses import Vocab
from studyaid.study import CardStore
from studyaid.tui.app import ScreenApp
from studyaid.tui.screens.prompt_screen import PromptScreen
from studyaid.tui.screens.search_screen import SearchScreen
from studyaid.tui.widgets.details_panel import DetailsPanel
from tests.tui.conftest import ready

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def search_app(vocab: Path, query: str = "") -> ScreenApp:
    settings = Settings(vocab, paths.cache_dir())
    return ScreenApp(lambda: SearchScreen(settings, query, clock=lambda: NOW))


async def settled(pilot: Pilot) -> SearchScreen:
    """Wait until the results (and any entry) for what is typed are on screen."""
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    for _ in range(50):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if screen.lookup is not None and not screen.searching \
                and screen.shown_query == screen.wanted:
            break
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return screen


def entry_text(screen: SearchScreen) -> str:
    return str(screen.query_one(DetailsPanel).query_one(Static).render())


async def test_results_follow_the_typing(vocab_dir: Path) -> None:
    async with search_app(vocab_dir).run_test(size=(100, 32)) as pilot:
        await settled(pilot)
        await pilot.press(*"fudi")
        screen = await settled(pilot)
        assert screen.shown_query == "fudi"
        await pilot.press(*"chouxin")
        screen = await settled(pilot)
        assert [e.simplified for e in screen.results] == ["釜底抽薪"]
        await pilot.press(*["backspace"] * 11, *"cook")
        screen = await settled(pilot)
        top = [e.simplified for e in screen.results[:8]]
        assert {"做饭", "烹饪", "厨师"} <= set(top), top
        assert "for cook" in str(screen.query_one("#search-status", Static).render())


async def test_stale_results_are_dropped(vocab_dir: Path) -> None:
    async with search_app(vocab_dir, "釜底").run_test(size=(100, 32)) as pilot:
        screen = await settled(pilot)
        shown = list(screen.results)
        screen.post_message(screen.Searched("釜", []))  # a search overtaken by the typing
        await pilot.pause()
        assert screen.results == shown and screen.shown_query == "釜底"


async def test_choosing_a_result_shows_everything(vocab_dir: Path) -> None:
    async with search_app(vocab_dir, "釜底").run_test(size=(100, 32)) as pilot:
        await settled(pilot)
        await pilot.press("enter")
        screen = await settled(pilot)
        assert screen.report is not None and screen.report.word == "釜底抽薪"
        text = entry_text(screen)
        for part in ("CC-CEDICT", "Idiom", "Characters", "In your texts", "seed article",
                     "none yet"):
            assert part in text, part
        await pilot.press("down")  # the next result
        screen = await settled(pilot)
        assert screen.report is not None and screen.report.word == "釜底游鱼"


async def test_gloss_and_card_from_the_entry(vocab_dir: Path) -> None:
    async with search_app(vocab_dir, "斷糧").run_test(size=(100, 32)) as pilot:
        await settled(pilot)
        await pilot.press("enter")
        screen = await settled(pilot)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PromptScreen)
        pilot.app.screen.query_one(Input).value = "to run out of grain"
        await pilot.press("enter")
        screen = await settled(pilot)
        assert Vocab(vocab_dir).glosses()["断粮"].gloss == "to run out of grain"
        assert "your gloss: to run out of grain" in entry_text(screen)
        await pilot.press("a")
        await pilot.pause()
        card = CardStore(vocab_dir).cards()["断粮"]
        assert card.gloss == "to run out of grain" and card.added == NOW
        await pilot.press("a")  # once only
        assert len(CardStore(vocab_dir).cards()) == 1
        await pilot.press("slash")
        assert screen.query_one(Input).has_focus


async def test_keys_before_a_result_is_chosen(vocab_dir: Path) -> None:
    async with search_app(vocab_dir).run_test(size=(100, 32)) as pilot:
        screen = await settled(pilot)
        screen.action_gloss()
        screen.action_card()
        await pilot.pause()
        assert not (vocab_dir / "glosses.tsv").exists()
        assert not (vocab_dir / "cards.tsv").exists()


async def test_opened_from_the_reader_on_the_word(make_app) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        generation = reader.state.generation  # one more at each re-annotation
        await pilot.press("d")
        screen = await settled(pilot)
        assert screen.query_one(Input).value == "微软"
        assert screen.results[0].simplified == "微软"
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is reader
        assert reader.state.generation == generation  # nothing changed: nothing to redo
        # A gloss written in the dictionary shows in the reader once it closes, after
        # one re-annotation (not one for the closing and one for the screen's return).
        await pilot.press("d")
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)
        await pilot.press("g")
        await pilot.pause()
        pilot.app.screen.query_one(Input).value = "MS"
        await pilot.press("enter")
        await settled(pilot)
        await pilot.press("escape")
        await ready(pilot)
        assert reader.state.token is not None and reader.state.token.info.gloss == "MS"
        assert reader.state.generation == generation + 1



# One result, one line, at any width: a long headword and reading (西安事变[西安事變]
# Xī'ān Shìbiàn) once wrapped onto a second line, which showed as a blank row.
@pytest.mark.parametrize(("query", "width"), [("xi'an", 100), ("xi'an", 80), ("cook", 80)])
async def test_each_result_is_one_line(vocab_dir: Path, query: str, width: int) -> None:
    async with search_app(vocab_dir, query).run_test(size=(width, 24)) as pilot:
        screen = await settled(pilot)
        options = screen.query_one("#search-results", OptionList)
        rows = [options.render_line(y).text.strip() for y in range(options.size.height)]
        assert all(rows), rows
        shown = min(len(screen.results), options.size.height)
        heads = [e.simplified if e.traditional == e.simplified
                 else f"{e.simplified}[{e.traditional}]" for e in screen.results[:shown]]
        for row, head in zip(rows, heads, strict=False):
            assert head.startswith(row.split(" ")[0].rstrip("…")), (row, head)
