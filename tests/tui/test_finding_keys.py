"""Finding every key (issue 16): the footer shows as many keys as fit, help and quit
first; the command palette has every action by name; the details panel scrolls without
leaving the word; the translation prompt shows the whole sentence, below it; the
dictionary opens on the word, its entry shown."""

from __future__ import annotations

import pytest
from textual.widgets import Label

from studyaid.tui.screens.prompt_screen import PromptScreen
from studyaid.tui.screens.search_screen import SearchScreen
from studyaid.tui.widgets.details_panel import DetailsPanel
from tests.tui.conftest import ready


@pytest.mark.parametrize(("size", "at_least"), [((80, 24), 8), ((120, 40), 12)])
async def test_the_footer_shows_what_fits_help_and_quit_first(make_app, size,
                                                               at_least: int) -> None:
    async with make_app().run_test(size=size) as pilot:
        reader = await ready(pilot)
        shown = [k for k in reader.query("FooterKey") if k.region.right <= size[0]
                 and k.region.width > 0]
        keys = [k.key_display for k in shown]
        assert keys[:2] == ["?", "q"]
        assert len(keys) >= at_least
        for key in ("/", "g", "t", "K", "a"):
            assert key in keys


async def test_the_command_palette_has_every_reader_action(make_app) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        titles = [c.title for c in pilot.app.get_system_commands(reader)]
        for name in ("Split · s", "Merge · m", "Reading · r", "Script · v", "Card · a",
                     "Review · R", "Library · L", "Spoken · T", "Done · J", "Undo · u"):
            assert name in titles
        command = next(c for c in pilot.app.get_system_commands(reader)
                       if c.title == "Next sentence · down")
        await command.callback()
        await pilot.pause()
        assert reader.state.index == 1


async def test_the_details_panel_scrolls_without_leaving_the_word(make_app) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        reader = await ready(pilot)
        await pilot.press("slash", *"釜底抽薪", "enter")  # a long entry: the idiom's note
        await pilot.pause()
        word = reader.state.token.text if reader.state.token else None
        panel = reader.query_one(DetailsPanel)
        assert panel.max_scroll_y > 0
        await pilot.press("shift+down")
        await pilot.pause()
        assert panel.scroll_y > 0
        assert (reader.state.token.text if reader.state.token else None) == word
        await pilot.press("shift+up")
        await pilot.pause()
        assert panel.scroll_y == 0


async def test_the_translation_prompt_shows_the_whole_sentence_below_it(make_app) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        reader = await ready(pilot)
        await pilot.press("j", "t")
        await pilot.pause()
        prompt = pilot.app.screen
        assert isinstance(prompt, PromptScreen) and prompt.has_class("below")
        title = str(prompt.query_one("#prompt-title", Label).render())
        assert reader.state.sentence.text in title.replace("\n", "")
        # the dialog sits below the sentence being translated
        box = prompt.query_one("#prompt").region
        sentence = reader.query_one("#sentence").region
        assert box.y >= sentence.y + sentence.height - 1


async def test_d_opens_the_dictionary_on_the_word_with_its_entry(make_app) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        await pilot.press("d")
        for _ in range(3):
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
        screen = pilot.app.screen
        assert isinstance(screen, SearchScreen)
        assert screen.report is not None and screen.report.word == "微软"
        await pilot.press(*"xi'an")  # a new query: the old entry does not stay
        for _ in range(3):
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
        assert screen.report is None or screen.report.word == screen.results[0].simplified


# -- Wide terminals: the page view -----------------------------------------------------


def _context(reader, name: str) -> str:
    from textual.widgets import Static

    return str(reader.query_one(name, Static).render())


async def test_a_tall_terminal_reads_in_the_page_view_and_f_switches(make_app) -> None:
    async with make_app().run_test(size=(120, 40)) as pilot:
        reader = await ready(pilot)
        await pilot.press(*["j"] * 10)
        await pilot.pause()
        sentences = reader.state.sentences
        index = reader.state.index
        before, after = _context(reader, "#previous"), _context(reader, "#next")
        # several whole sentences each way, in reading order, the nearest next to it
        assert before.replace("\n", "").endswith(sentences[index - 1].text.replace("\n", ""))
        assert sentences[index - 3].text in before.replace("\n", "")
        assert after.replace("\n", "").startswith(sentences[index + 1].text)
        assert sentences[index + 3].text in after.replace("\n", "")
        await pilot.press("f")  # the focused view: one sentence each way, two lines at most
        await pilot.pause()
        assert sentences[index - 3].text not in _context(reader, "#previous").replace("\n", "")
        assert len(_context(reader, "#next").split("\n")) <= 2


async def test_a_small_terminal_reads_in_the_focused_view(make_app) -> None:
    async with make_app().run_test(size=(80, 24)) as pilot:
        reader = await ready(pilot)
        await pilot.press(*["j"] * 10)
        await pilot.pause()
        assert len(_context(reader, "#previous").split("\n")) <= 2
        await pilot.press("f")
        await pilot.pause()
        index = reader.state.index
        after = _context(reader, "#next").replace("\n", "")
        assert after.startswith(reader.state.sentences[index + 1].text)
        assert reader.state.sentences[index + 2].text in after  # the page view, asked for
