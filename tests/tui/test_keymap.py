"""The learner's keymap.toml: binding ids to keys, validated, and used by the reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyaid import paths
from studyaid.core.engine.process import InProcessEngine
from studyaid.core.engine.settings import Settings
from studyaid.core.errors import StudyaidError
from studyaid.core.text.loader import decode_bytes
from studyaid.tui.app import ReaderApp
from studyaid.tui.keymap import load_keymap
from tests.tui.conftest import ready


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", {}),
        ("# only a comment\n", {}),
        ('word-next = "right, l, n"\n', {"word-next": "right,l,n"}),
        ('quit = "q,ctrl+q"\nhelp = "question_mark,f1"\n',
         {"quit": "q,ctrl+q", "help": "question_mark,f1"}),
    ],
)
def test_keymap_files_that_parse(tmp_path: Path, content: str, expected: dict[str, str]):
    path = tmp_path / "keymap.toml"
    path.write_text(content, encoding="utf-8")
    assert load_keymap(path) == expected


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('# keys\nfly-away = "f"\n', ":2: 'fly-away' is not a binding id"),
        ('quit = 3\n', ":1: the keys for 'quit' must be a non-empty string"),
        ('quit = ""\n', ":1: the keys for 'quit' must be a non-empty string"),
        ('quit = "q\n', "not valid TOML"),
    ],
)
def test_broken_keymaps_name_the_file_and_line(tmp_path: Path, content: str, problem: str):
    path = tmp_path / "keymap.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(StudyaidError) as caught:
        load_keymap(path)
    assert str(caught.value).startswith(str(path))
    assert problem in str(caught.value)


def test_no_keymap_file_is_no_keymap(tmp_path: Path) -> None:
    assert load_keymap(tmp_path / "keymap.toml") == {}


async def test_a_remapped_key_moves_the_cursor(vocab_dir: Path) -> None:
    text = decode_bytes(paths.seed_text().encode("utf-8"), "<seed article>")
    settings = Settings(vocab_dir, paths.cache_dir())
    app = ReaderApp(settings, text, "seed", InProcessEngine(settings, text.content),
                    keymap={"word-next": "x"})
    async with app.run_test(size=(100, 32)) as pilot:
        reader = await ready(pilot)
        assert reader.state.token is not None and reader.state.token.text == "微软"
        await pilot.press("x")
        assert reader.state.token.text == "与"
        await pilot.press("l")  # no longer bound: the keymap replaced it
        assert reader.state.token.text == "与"
