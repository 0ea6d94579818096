"""The library screen: rows as profiles arrive, sorting, Enter reads, L and Esc move
between it and the reader; and its snapshot."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from studyaid import paths
from studyaid.core.engine.process import InProcessEngine
from studyaid.core.engine.settings import Settings
from studyaid.core.text.library import Shelves
from studyaid.tui.app import ReaderApp
from studyaid.tui.screens.help_screen import HelpScreen
from studyaid.tui.screens.library_screen import LibraryScreen
from studyaid.tui.screens.reader.screen import ReaderScreen

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
TEXTS = {
    "cats.txt": "小猫\n\n我喜欢猫。我的猫喜欢我！\n",
    "economy.txt": "经济\n\n经济环境很好，微软的裂痕很深。他釜底抽薪，屈指可数的人都看着。\n",
}


@pytest.fixture
def make_library(vocab_dir: Path, tmp_path: Path) -> Callable[[], ReaderApp]:
    """A factory of apps that open on the library: the seed and two small texts."""
    folder = tmp_path / "library"
    folder.mkdir()
    for name, content in TEXTS.items():
        (folder / name).write_text(content, encoding="utf-8")

    def make() -> ReaderApp:
        settings = Settings(vocab_dir, paths.cache_dir())
        return ReaderApp(settings, None, shelves=Shelves(folder), make_engine=InProcessEngine,
                         clock=lambda: NOW)

    return make


async def profiled(pilot: Pilot) -> LibraryScreen:
    """Wait until every text is listed and profiled; return the library screen."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, LibraryScreen)
    return screen


def titles(screen: LibraryScreen) -> list[str]:
    """The titles in the table's order."""
    table = screen.query_one(DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_every_text_gets_a_profiled_row(make_library) -> None:
    async with make_library().run_test(size=(100, 32)) as pilot:
        screen = await profiled(pilot)
        assert titles(screen) == ["小猫", "微软与OpenAI的裂痕", "经济"]
        assert all(row.profile is not None for row in screen.rows.values())
        assert screen.waiting is None
        economy = next(r for r in screen.rows.values() if r.title == "经济")
        assert economy.profile is not None and economy.profile.counts.idioms == 2


async def test_known_share_follows_the_statuses(make_library, vocab_dir: Path) -> None:
    (vocab_dir / "status.tsv").write_text("我\tknown\n", encoding="utf-8")
    async with make_library().run_test(size=(100, 32)) as pilot:
        screen = await profiled(pilot)
        cats = next(r for r in screen.rows.values() if r.title == "小猫")
        # 小猫 / 我 喜欢 猫 / 我 的 猫 喜欢 我: 我 is 3 of 9 words
        assert cats.profile is not None and cats.profile.known.tokens == pytest.approx(3 / 9)


SORTS = [
    # keys, titles in order
    (["1"], ["经济", "微软与OpenAI的裂痕", "小猫"]),  # title again: the other way round
    (["2"], ["小猫", "经济", "微软与OpenAI的裂痕"]),  # characters, fewest first
    (["2", "2"], ["微软与OpenAI的裂痕", "经济", "小猫"]),
    (["7"], ["小猫", "经济", "微软与OpenAI的裂痕"]),  # idioms: 0, 2, 11
    (["6"], ["小猫", "经济", "微软与OpenAI的裂痕"]),  # HSK: easiest first
]


@pytest.mark.parametrize(("keys", "order"), SORTS)
async def test_sort_by_column(make_library, keys: list[str], order: list[str]) -> None:
    async with make_library().run_test(size=(100, 32)) as pilot:
        screen = await profiled(pilot)
        await pilot.press(*keys)
        assert titles(screen) == order


async def test_clicking_a_header_sorts(make_library) -> None:
    async with make_library().run_test(size=(100, 32)) as pilot:
        screen = await profiled(pilot)
        await pilot.click(DataTable, offset=(44, 0))  # the Chars header
        assert screen.sort_column == "characters"


async def test_enter_reads_and_l_comes_back(make_library, tmp_path: Path) -> None:
    async with make_library().run_test(size=(100, 32)) as pilot:
        await profiled(pilot)
        await pilot.press("down", "down", "enter")  # 经济
        await pilot.pause()
        reader = pilot.app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.text_id == str((tmp_path / "library" / "economy.txt").resolve())
        await pilot.app.workers.wait_for_complete()
        await pilot.press("j", "L")
        screen = await profiled(pilot)
        economy = next(r for r in screen.rows.values() if r.title == "经济")
        assert economy.position == 1  # the place was kept on the way back


async def test_l_from_the_reader_and_esc_back(make_app) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(pilot.app.screen, LibraryScreen)
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, ReaderScreen)


async def test_a_text_chosen_over_the_reader_replaces_nothing_below(make_app, tmp_path: Path,
                                                                    monkeypatch) -> None:
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "cats.txt").write_text(TEXTS["cats.txt"], encoding="utf-8")
    monkeypatch.setenv("STUDYAID_LIBRARY", str(folder))
    app = make_app()
    app.make_engine = InProcessEngine
    app.shelves = Shelves(folder)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.press("L")
        screen = await profiled(pilot)
        assert titles(screen) == ["小猫", "微软与OpenAI的裂痕"]
        await pilot.press("enter")
        await pilot.pause()
        reader = pilot.app.screen
        assert isinstance(reader, ReaderScreen) and reader.text.content == TEXTS["cats.txt"]
        assert isinstance(pilot.app.screen_stack[0], ReaderScreen)  # the seed, below


async def test_help_lists_the_library_keys(make_library) -> None:
    async with make_library().run_test(size=(100, 32)) as pilot:
        await profiled(pilot)
        await pilot.press("question_mark")
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        assert {b.id for b in help_screen.bindings} >= {"library-text-open",
                                                        "library-sort-known"}
        await pilot.press("escape")
        assert isinstance(await profiled(pilot), LibraryScreen)


async def test_choosing_the_text_being_read_goes_back_to_it(make_app) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.press("j", "L")
        screen = await profiled(pilot)
        seed = next(r for r in screen.rows.values() if r.entry.text_id == "seed")
        assert seed.position == 1
        screen.post_message(LibraryScreen.Chosen(seed.entry))
        await pilot.pause()
        assert len(pilot.app.screen_stack) == 1
        reader = pilot.app.screen
        assert isinstance(reader, ReaderScreen) and reader.state.index == 1


def test_library_snapshot(snap_compare, make_library) -> None:
    assert snap_compare(make_library(), terminal_size=(100, 32), run_before=profiled)


def test_library_snapshot_narrow(snap_compare, make_library) -> None:
    assert snap_compare(make_library(), terminal_size=(80, 24), run_before=profiled)
