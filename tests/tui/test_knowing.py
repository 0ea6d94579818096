"""What the learner knows, from the reader: J (done with the sentence), known_on_move, and
u (undo the last change of any kind), through Pilot on the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyaid.core.vocab.glosses import Vocab
from studyaid.core.vocab.learner import Learner
from studyaid.study import CardStore
from studyaid.tui.screens.prompt_screen import PromptScreen
from tests.tui.conftest import ready

# The seed's title, sentence 0: 微软 与 OpenAI 的 裂痕. Its words (OpenAI is not one).
TITLE_WORDS = {"微软", "与", "的", "裂痕"}


def _known(vocab: Path) -> set[str]:
    return {w for w, s in Learner(vocab).statuses().items() if s == "known"}


async def test_j_marks_the_new_words_known_and_moves_on(make_app, vocab_dir: Path) -> None:
    Learner(vocab_dir).set_status("裂痕", "learning")  # learning stays learning
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press("J")
        assert reader.state.index == 1
        assert {w for w, s in reader.statuses.items() if s == "known"} == TITLE_WORDS - {"裂痕"}
        await pilot.press("J")  # sentence 1 too
        assert reader.state.index == 2
    statuses = Learner(vocab_dir).statuses()
    assert statuses["裂痕"] == "learning"
    assert TITLE_WORDS - {"裂痕"} <= _known(vocab_dir)
    assert "OpenAI" not in statuses and not any(w.isascii() for w in statuses)


async def test_a_carded_word_stays_as_it_is(make_app, vocab_dir: Path) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press("a")  # a card for 微软: learning
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("J")
        assert reader.statuses["微软"] == "learning"
    assert "微软" not in _known(vocab_dir)


@pytest.mark.parametrize(("setting", "known"), [
    ("known_on_move = true\n", TITLE_WORDS),
    ("known_on_move = false\n", set()),
    ("", set()),
])
async def test_known_on_move(make_app, vocab_dir: Path, setting: str, known: set[str]) -> None:
    (vocab_dir / "study.toml").write_text(setting, encoding="utf-8")
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press("j")
        assert reader.state.index == 1
        await pilot.press("k")  # going back marks nothing
    assert _known(vocab_dir) == known


async def test_u_undoes_again_and_again(make_app, vocab_dir: Path) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press("K")  # 微软 known
        await pilot.press("J")  # the rest of the title known
        await pilot.press("u")  # the J undone
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert _known(vocab_dir) == {"微软"}
        assert reader.statuses.get("裂痕", "new") == "new"
        await pilot.press("u")  # the K undone
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert _known(vocab_dir) == set()
        assert reader.statuses.get("微软", "new") == "new"
        await pilot.press("u")  # nothing left: said, and nothing breaks
        await pilot.pause()
        assert any("nothing to undo" in str(n.message) for n in pilot.app._notifications)


async def test_u_undoes_a_gloss_and_a_card(make_app, vocab_dir: Path) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press("g")
        assert isinstance(pilot.app.screen, PromptScreen)
        await pilot.press("ctrl+u", *"Microsoft", "enter", "enter")
        reader = await ready(pilot)
        assert reader.state.token is not None
        assert reader.state.token.info.gloss == "Microsoft"
        await pilot.press("a")
        await pilot.app.workers.wait_for_complete()
        assert "微软" in CardStore(vocab_dir).cards()
        await pilot.press("u")  # the card
        assert "微软" not in CardStore(vocab_dir).cards()
        await pilot.press("u")  # the gloss: the dictionary's again, on screen
        reader = await ready(pilot)
        assert reader.state.token is not None
        assert reader.state.token.info.gloss != "Microsoft"
    assert "Microsoft" not in (vocab_dir / "glosses.tsv").read_text(encoding="utf-8")


# -- Edits scoped: this occurrence, this text, everywhere ------------------------------


def _reading_of(reader, index: int, word: str) -> tuple[str, ...]:
    sentence = reader.state.sentences[index]
    return next(t.info.pinyin for t in sentence.tokens if t.text == word)


async def test_a_reading_for_one_occurrence_then_automatic(make_app, vocab_dir: Path) -> None:
    # 与 in the title (sentence 0) and in sentence 4: read yǔ; one of them chosen yù.
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press("l", "r")  # 与: its readings, yu3 highlighted
        at = reader.state.token.start
        await pilot.press("down", "enter", "o")  # yu4, here only
        reader = await ready(pilot)
        assert _reading_of(reader, 0, "与") == ("yu4",)
        assert _reading_of(reader, 4, "与") == ("yu3",)
        rows = (vocab_dir / "readings.tsv").read_text(encoding="utf-8").splitlines()
        assert [r for r in rows if not r.startswith("#")] == [f"seed\t{at}\t与\tyu4"]
        assert not (vocab_dir / "glosses.tsv").exists()  # nothing said of 与 everywhere
        await pilot.press("r", "end", "enter")  # automatic: the program's reading again
        reader = await ready(pilot)
        assert _reading_of(reader, 0, "与") == ("yu3",)
    rows = (vocab_dir / "readings.tsv").read_text(encoding="utf-8").splitlines()
    assert [r for r in rows if not r.startswith("#")] == []


async def test_a_gloss_for_this_text_only(make_app, vocab_dir: Path) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press("l", "l", "l", "l", "g")  # 裂痕
        pilot.app.screen.query_one("Input").value = "the rift (between the two)"
        await pilot.press("enter", "t")
        reader = await ready(pilot)
        assert reader.state.token is not None
        assert reader.state.token.info.gloss == "the rift (between the two)"
    vocab = Vocab(vocab_dir)
    assert vocab.glosses("seed")["裂痕"].gloss == "the rift (between the two)"
    assert "裂痕" not in vocab.glosses("/texts/zhufu.txt")


async def test_a_split_for_this_text_by_default(make_app, vocab_dir: Path) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press("l", "l", "l", "l", "s")  # 裂痕 -> 裂 痕
        await pilot.press("enter", "enter")  # the parts offered, then where: this text
        reader = await ready(pilot)
        assert [t.text for t in reader.state.sentence.tokens][-2:] == ["裂", "痕"]
    vocab = Vocab(vocab_dir)
    assert "裂痕" in vocab.lexicon("seed").splits
    assert "裂痕" not in vocab.lexicon("/texts/zhufu.txt").splits


# -- W: a text's words before reading ---------------------------------------------------


async def _words_screen(pilot):
    from studyaid.tui.screens.text_words_screen import TextWordsScreen

    await pilot.press("W")
    screen = pilot.app.screen
    assert isinstance(screen, TextWordsScreen)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return screen


async def test_w_filters_and_marks_the_shown_words_known(make_app, vocab_dir: Path) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        screen = await _words_screen(pilot)
        everything = len(screen.shown)
        assert screen.shown[0].word == "的" and screen.shown[0].count > 100
        await pilot.press("s")  # new words only
        await pilot.press("h")  # HSK 1 only
        hsk1 = {r.word for r in screen.shown}
        assert {"的", "是", "在"} <= hsk1 and all(r.hsk == "1" for r in screen.shown)
        assert "微软" not in hsk1 and len(hsk1) < everything
        await pilot.press("K")
        assert screen.shown == []  # none of them new any more
        await pilot.press("escape")
        await pilot.pause()
        assert reader.statuses["的"] == "known"
    assert hsk1 == {w for w, s in Learner(vocab_dir).statuses().items() if s == "known"}


async def test_w_sorts_selects_cards_and_jumps(make_app, vocab_dir: Path) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        screen = await _words_screen(pilot)
        await pilot.press("o", "o")  # by first appearance: the title's words first
        assert [r.word for r in screen.shown[:4]] == ["微软", "与", "的", "裂痕"]
        # The cursor stays on its word when the order changes: 的, now third.
        assert screen.current() == "的"
        await pilot.press("down")  # 裂痕
        await pilot.press("space")
        assert screen.selected == {"裂痕"}
        await pilot.press("a")
        card = CardStore(vocab_dir).cards()["裂痕"]
        assert card.sentence == "微软与OpenAI的裂痕" and card.source == "seed"
        await pilot.press("o", "o")  # by count again
        row = next(i for i, r in enumerate(screen.shown) if r.word == "断粮")
        at = next(i for i, r in enumerate(screen.shown) if r.word == screen.current())
        await pilot.press(*["down" if row > at else "up"] * abs(row - at), "enter")
        await pilot.pause()
        assert pilot.app.screen is reader
        first = next(r for r in screen.rows if r.word == "断粮").first_sentence
        assert reader.state.index == first - 1
        assert "断粮" in reader.state.sentence.text


@pytest.mark.parametrize(("keys", "line"), [
    ((), "not in HSK 1-9 · less common"),  # 微软 (1,757 in jieba's counts)
    (("l",), "HSK 6 · one of the commonest words"),  # 与
    (("l", "l", "l"), "HSK 1 · one of the commonest words"),  # 的
    (("l", "l", "l", "l"), "HSK 7-9 · rare"),  # 裂痕
])
async def test_the_details_say_the_level_and_how_common(make_app, keys, line: str) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press(*keys)
        assert line in str(reader.query_one("#details-body").render())


async def test_i_lists_sentences_with_one_new_word_and_cards_it(make_app,
                                                               vocab_dir: Path) -> None:
    from studyaid.tui.screens.text_words_screen import MineScreen

    Learner(vocab_dir).set_statuses(["微软", "与", "的"], "known")  # the title but 裂痕
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press("j", "i")
        screen = pilot.app.screen
        assert isinstance(screen, MineScreen)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        # The title (裂痕 the only word not known) and the one-word heading 回味.
        assert [(r.word, r.sentence, r.index) for r in screen.rows] == [
            ("裂痕", "微软与OpenAI的裂痕", 0), ("回味", "回味", 64)]
        await pilot.press("a")
        card = CardStore(vocab_dir).cards()["裂痕"]
        assert (card.sentence, card.source) == ("微软与OpenAI的裂痕", "seed")
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is reader and reader.state.index == 0
