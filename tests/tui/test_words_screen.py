"""The word list through Pilot: loading in a worker, filter, sort, edit the gloss,
change the status, delete (asked first) — each change in the vocab folder's files."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from studyaid import paths
from studyaid.core.dictionary.lookup import Lookup
from studyaid.core.engine.services import open_dictionary
from studyaid.core.engine.settings import Settings
from studyaid.core.vocab.glosses import Vocab
from studyaid.core.vocab.learner import Learner
from studyaid.study import CardStore, card_from_entry
from studyaid.tui.app import ScreenApp
from studyaid.tui.screens.confirm_screen import ConfirmScreen
from studyaid.tui.screens.prompt_screen import PromptScreen
from studyaid.tui.screens.words_screen import WordsScreen
from tests.tui.conftest import ready

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def fill(vocab: Path) -> None:
    """Three words: glossed, marked, carded."""
    Vocab(vocab).set_gloss("厨师", "chef")
    Learner(vocab).set_status("银行", "known")
    settings = Settings(vocab, paths.cache_dir())
    card = card_from_entry(Lookup(open_dictionary(settings)), "釜底抽薪", now=NOW,
                           text_id="/texts/article.txt")
    CardStore(vocab).add(card)


def words_app(vocab: Path) -> ScreenApp:
    settings = Settings(vocab, paths.cache_dir())
    return ScreenApp(lambda: WordsScreen(settings, clock=lambda: NOW))


async def loaded(pilot: Pilot) -> WordsScreen:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, WordsScreen) and screen.loaded
    return screen


def column(screen: WordsScreen, name: str) -> list[str]:
    table = screen.query_one(DataTable)
    return [str(cell) for cell in table.get_column(name)]


async def test_every_word_in_the_table(vocab_dir: Path) -> None:
    fill(vocab_dir)
    async with words_app(vocab_dir).run_test(size=(100, 32)) as pilot:
        screen = await loaded(pilot)
        assert column(screen, "word") == ["厨师", "釜底抽薪", "银行"]
        assert column(screen, "reading") == ["chúshī", "fǔdǐchōuxīn", "yínháng"]
        assert column(screen, "status") == ["new", "learning", "known"]
        assert column(screen, "due") == ["", "now", ""]
        assert column(screen, "source") == ["", "article.txt", ""]


async def test_filter_and_sort(vocab_dir: Path) -> None:
    fill(vocab_dir)
    async with words_app(vocab_dir).run_test(size=(100, 32)) as pilot:
        screen = await loaded(pilot)
        assert screen.query_one("#words-filter", Input).has_focus  # typing filters at once
        await pilot.press(*"chef")
        assert column(screen, "word") == ["厨师"]
        await pilot.press(*["backspace"] * 4, *"yinhang", "enter")
        assert column(screen, "word") == ["银行"]
        assert screen.query_one(DataTable).has_focus
        await pilot.press("slash", *["backspace"] * 7, "escape")
        assert column(screen, "word") == ["厨师", "釜底抽薪", "银行"]
        await pilot.press("o")  # by reading
        assert screen.column == "reading"
        await pilot.press("o", "o")  # by status
        assert column(screen, "status") == ["new", "learning", "known"]
        await pilot.press("O")
        assert column(screen, "status") == ["known", "learning", "new"]
        await pilot.press("o")  # by due: the card first
        assert column(screen, "word")[0] == "釜底抽薪"


async def test_edit_status_and_delete_persist(vocab_dir: Path) -> None:
    fill(vocab_dir)
    async with words_app(vocab_dir).run_test(size=(100, 32)) as pilot:
        screen = await loaded(pilot)
        assert screen.current() == "厨师"
        await pilot.press("down")  # from the filter to the list
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PromptScreen)
        pilot.app.screen.query_one(Input).value = "cook"
        await pilot.press("enter")
        await pilot.pause()
        assert Vocab(vocab_dir).glosses()["厨师"].gloss == "cook"
        assert column(screen, "gloss")[0] == "cook"
        await pilot.press("s")  # new -> learning
        assert Learner(vocab_dir).statuses()["厨师"] == "learning"
        await pilot.press("s", "s")  # -> known -> new
        assert "厨师" not in Learner(vocab_dir).statuses()
        await pilot.press("down", "delete")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("n")  # not deleted
        assert "釜底抽薪" in CardStore(vocab_dir).cards()
        await pilot.press("x", "y")
        await pilot.pause()
        assert "釜底抽薪" not in CardStore(vocab_dir).cards()
        assert column(screen, "word") == ["厨师", "银行"]


async def test_a_broken_file_is_shown_not_overwritten(vocab_dir: Path) -> None:
    broken = "厨师\tchef\n厨师\tcook\n"
    (vocab_dir / "glosses.tsv").write_text(broken, encoding="utf-8")
    async with words_app(vocab_dir).run_test(size=(100, 32)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, WordsScreen) and not screen.loaded
        assert any("glosses.tsv:2:" in n.message for n in pilot.app._notifications)
    assert (vocab_dir / "glosses.tsv").read_text(encoding="utf-8") == broken


async def test_opened_from_the_reader(make_app, vocab_dir: Path) -> None:
    Vocab(vocab_dir).set_gloss("厨师", "chef")
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press("w")
        screen = await loaded(pilot)
        assert column(screen, "word") == ["厨师"]
        await pilot.press("escape", "escape")  # the filter, then the list
        await ready(pilot)
        assert pilot.app.screen is reader


async def test_typing_then_enter_filters_and_never_edits_a_gloss(vocab_dir: Path) -> None:
    # Once the cursor started in the table: "ling" ran g on the top row, and Enter saved
    # an empty gloss that deleted 为's line with its reading.
    Vocab(vocab_dir).set_gloss("为", "for", "wei4")
    Vocab(vocab_dir).set_gloss("领导", "leader")
    before = (vocab_dir / "glosses.tsv").read_text(encoding="utf-8")
    async with words_app(vocab_dir).run_test(size=(100, 32)) as pilot:
        screen = await loaded(pilot)
        await pilot.press(*"ling", "enter")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, PromptScreen)
        assert column(screen, "word") == ["领导"]
    assert (vocab_dir / "glosses.tsv").read_text(encoding="utf-8") == before


async def test_an_empty_gloss_keeps_the_reading_and_note_and_asks_first(vocab_dir: Path) -> None:
    Vocab(vocab_dir).set_gloss("为", "for", "wei4", "before a noun")
    async with words_app(vocab_dir).run_test(size=(100, 32)) as pilot:
        await loaded(pilot)
        await pilot.press("down", "g")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PromptScreen)
        pilot.app.screen.query_one(Input).value = ""
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    own = Vocab(vocab_dir).glosses()["为"]
    assert (own.gloss, own.reading, own.note) == ("", ("wei4",), "before a noun")


async def test_the_gloss_column_uses_the_width(vocab_dir: Path) -> None:
    long = "to be a partner in a long and complicated relationship between two companies"
    Vocab(vocab_dir).set_gloss("盟友", long)
    async with words_app(vocab_dir).run_test(size=(140, 32)) as pilot:
        screen = await loaded(pilot)
        assert column(screen, "gloss") == [long]
        assert column(screen, "source") == ["seed article"]  # the seed uses it
