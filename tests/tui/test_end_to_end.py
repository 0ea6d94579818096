"""The real program in tmux: search the idiom, read its note, edit a gloss, restart."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
ROOT = Path(__file__).resolve().parents[2]


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def _wait_for(session: str, check: Callable[[str], bool], timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _tmux("capture-pane", "-p", "-t", session)
        if check(screen):
            return screen
        time.sleep(0.2)
    raise AssertionError(f"timed out; the screen was:\n{screen}")


def _start(session: str, vocab: Path) -> None:
    command = (f"cd {shlex.quote(str(ROOT))} && STUDYAID_VOCAB={shlex.quote(str(vocab))} "
               f"{shlex.quote(sys.executable)} -m studyaid")
    _tmux("new-session", "-d", "-s", session, "-x", "80", "-y", "24", command)


def test_search_idiom_edit_gloss_and_restart(vocab_dir: Path) -> None:
    session = f"studyaid-e2e-{vocab_dir.parent.name}"
    try:
        _start(session, vocab_dir)
        _wait_for(session, lambda s: "wēiruǎn" in s)  # pinyin is on screen
        _tmux("send-keys", "-t", session, "/")
        _wait_for(session, lambda s: "Search the text" in s)
        _tmux("send-keys", "-t", session, "-l", "釜底抽薪")
        _tmux("send-keys", "-t", session, "Enter")
        _wait_for(session, lambda s: "pull the firewood out from under" in s)
        _tmux("send-keys", "-t", session, "g")
        _wait_for(session, lambda s: "Gloss for 釜底抽薪" in s)
        _tmux("send-keys", "-t", session, "C-u")
        _tmux("send-keys", "-t", session, "-l", "to cut off at the source")
        time.sleep(0.3)
        _tmux("send-keys", "-t", session, "Enter")
        _wait_for(session, lambda s: "your gloss: to cut off at the source" in s)
        _tmux("send-keys", "-t", session, "q")
        time.sleep(1)
        assert "釜底抽薪\tto cut off at the source" in (
            vocab_dir / "glosses.tsv").read_text(encoding="utf-8")
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
        # Restart: back at the idiom's sentence, with the gloss.
        _start(session, vocab_dir)
        screen = _wait_for(session, lambda s: "fǔdǐchōuxīn" in s)
        assert "pull the firewood" in screen
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
