"""The running reader and another process writing the vocab folder: the reader shows
their change and its own next save keeps both; a broken or unwritable file is a notice,
never a crash nor a rewrite."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from studyaid.core.vocab.glosses import Vocab
from studyaid.core.vocab.learner import KNOWN, Learner
from studyaid.study import Card, CardStore
from studyaid.tui.screens.reader.screen import ReaderScreen
from tests.tui.conftest import ready

# The seed opens on its title: 微软 与 OpenAI 的 裂痕.
TITLE = "微软与OpenAI的裂痕"


def _errors(pilot: Pilot) -> list[str]:
    return [n.message for n in pilot.app._notifications if n.severity == "error"]


async def _noticed(pilot: Pilot, reader: ReaderScreen) -> set[str]:
    """What the periodic look at the folder finds (called here: tests keep no clock)."""
    changed = reader.check_files()
    await ready(pilot)
    return changed


async def _gloss(pilot: Pilot, text: str) -> None:
    await pilot.press("g")
    pilot.app.screen.query_one(Input).value = text
    await pilot.press("enter", "enter")  # the gloss, then where: everywhere
    await ready(pilot)


async def test_a_gloss_set_in_another_terminal_is_shown_and_kept(
    make_app, vocab_dir: Path
) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        token = reader.state.token
        assert token is not None and token.info.gloss_source == "cc-cedict"
        subprocess.run([sys.executable, "-m", "studyaid", "--vocab", str(vocab_dir),
                        "gloss", "set", "微软", "Microsoft (from the other terminal)"],
                       check=True, capture_output=True)
        assert await _noticed(pilot, reader) == {"glosses.tsv"}
        assert reader.state.token.text == "微软"  # the cursor stays on its word
        assert reader.state.token.info.gloss == "Microsoft (from the other terminal)"
        assert "from the other terminal" in str(reader.query_one("#details-body").render())
        await pilot.press("l", "l", "l", "l")  # 裂痕
        await _gloss(pilot, "rift")
        assert await _noticed(pilot, reader) == set()  # its own save is not news
    glosses = Vocab(vocab_dir).glosses()
    assert (glosses["微软"].gloss, glosses["裂痕"].gloss) == (
        "Microsoft (from the other terminal)", "rift")


async def test_a_gloss_changed_just_before_a_save_is_kept(make_app, vocab_dir: Path) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        await pilot.press("l", "l", "l", "l")
        await pilot.press("g")
        Vocab(vocab_dir).set_gloss("微软", "Microsoft Corp.")  # while the prompt is open
        pilot.app.screen.query_one(Input).value = "rift"
        await pilot.press("enter", "enter")  # the gloss, then where: everywhere
        await ready(pilot)
        await pilot.press("home")
        assert reader.state.token is not None and reader.state.token.info.gloss == "Microsoft Corp."
    assert {w: g.gloss for w, g in Vocab(vocab_dir).glosses().items()} == {
        "微软": "Microsoft Corp.", "裂痕": "rift"}


async def test_statuses_translations_and_cards_from_elsewhere(make_app, vocab_dir: Path) -> None:
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        Learner(vocab_dir).set_status("裂痕", KNOWN)
        Learner(vocab_dir).set_translation("seed", 0, TITLE, "The rift between them")
        CardStore(vocab_dir).add(Card("合作", "合作", "he2 zuo4", "", "", "", "", "",
                                      reader.clock()))
        assert await _noticed(pilot, reader) == {"status.tsv", "translations.tsv", "cards.tsv"}
        assert (reader.statuses.get("裂痕"), reader.statuses.get("合作")) == (KNOWN, "learning")
        assert "The rift between them" in str(reader.query_one("#notes").render())
        await pilot.press("K")  # 微软 known, here
    assert Learner(vocab_dir).statuses() == {"微软": KNOWN, "裂痕": KNOWN}


async def test_a_broken_glosses_file_is_a_notice_and_never_rewritten(
    make_app, vocab_dir: Path
) -> None:
    path = vocab_dir / "glosses.tsv"
    broken = "微软\tMicrosoft\n微软\tMS\n".encode()
    path.write_bytes(broken)
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        assert reader.state.sentence.text == TITLE  # the text is open, without its annotation
        assert any(f"{path}:2: '微软' appears twice" in e for e in _errors(pilot))
        await pilot.press("t", *"The rift", "enter")  # other files are still saved into
        assert Learner(vocab_dir).translation("seed", 0, TITLE) is not None
        path.write_text("微软\tMicrosoft (fixed)\n", encoding="utf-8")  # fixed by hand
        await _noticed(pilot, reader)
        assert reader.state.token is not None
        assert reader.state.token.info.gloss == "Microsoft (fixed)"
        path.write_bytes(b"\xff\xfe\n")  # broken again while reading
        before = len(_errors(pilot))
        await _noticed(pilot, reader)
        assert f"{path}:1: invalid UTF-8" in " ".join(_errors(pilot)[before:])
        assert reader.state.token is not None
        assert reader.state.token.info.gloss == "Microsoft (fixed)"
        await _gloss(pilot, "Microsoft!")  # refused: the file is not rewritten
        assert pilot.app.screen is reader and path.read_bytes() == b"\xff\xfe\n"
        assert f"{path}:1: invalid UTF-8" in _errors(pilot)[-1]


@pytest.mark.parametrize(("code", "says"), [(errno.ENOSPC, "the disk is full"),
                                            (errno.EROFS, "read-only file system")])
async def test_a_full_disk_is_a_notice_and_the_reader_goes_on(
    make_app, vocab_dir: Path, monkeypatch: pytest.MonkeyPatch, code: int, says: str
) -> None:
    Learner(vocab_dir).set_status("裂痕", KNOWN)
    before = (vocab_dir / "status.tsv").read_bytes()

    def refuse(*args: object) -> None:
        raise OSError(code, os.strerror(code))

    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        monkeypatch.setattr("studyaid.core.vocab.storage.os.replace", refuse)
        await pilot.press("K")
        await pilot.pause()
        assert says in _errors(pilot)[-1] and "the old file is unchanged" in _errors(pilot)[-1]
        await pilot.press("j")
        assert reader.state.index == 1  # still reading
    assert (vocab_dir / "status.tsv").read_bytes() == before


async def test_a_grade_on_a_full_disk_is_a_notice_and_the_card_stays(
    vocab_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.tui.study_fixtures import log_lines
    from tests.tui.test_review_screen import review_app, screen_of

    async with review_app(vocab_dir).run_test(size=(80, 24)) as pilot:
        screen = screen_of(pilot.app)
        word = screen.current.card.word if screen.current else None

        def full(*args: object) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr("studyaid.study.log.os.write", full)
        await pilot.press("space", "3")
        await pilot.pause()
        assert "reviews.log: cannot save the review: the disk is full" in _errors(pilot)[-1]
        assert screen.current is not None and screen.current.card.word == word
        assert pilot.app.screen is screen  # still reviewing
    assert log_lines(vocab_dir) == []


async def test_a_broken_positions_file_is_shown_once_not_at_every_move(
    make_app, vocab_dir: Path
) -> None:
    path = vocab_dir / "positions.tsv"
    path.write_text("seed\tthree\n", encoding="utf-8")
    async with make_app().run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        for _ in range(3):
            await pilot.press("j")
            reader.save_position()  # what the timer does after each move
        await pilot.pause()
        problems = [e for e in _errors(pilot) if "positions.tsv:1:" in e]
        assert len(problems) == 1 and "not a whole number" in problems[0]
        assert reader.state.index == 3
    assert path.read_text(encoding="utf-8") == "seed\tthree\n"
