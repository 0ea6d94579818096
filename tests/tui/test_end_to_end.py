"""The real program in tmux: search the idiom, read its note, edit a gloss, restart."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
ROOT = Path(__file__).resolve().parents[2]


# A tmux server of our own: another run of the suite (or the learner's tmux) may hold a
# session of the same name, and a shared server runs commands in its own environment.
SOCKET = f"studyaid-e2e-{os.getpid()}"


def _tmux(*args: str, check: bool = True) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], check=check, capture_output=True,
                          text=True).stdout


def _wait_for(session: str, text: str, timeout: float = 30) -> str:
    """The screen once ``text`` is on it."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {text!r}; the screen was:\n{screen}")


def _start(session: str, vocab: Path) -> None:
    command = (f"cd {shlex.quote(str(ROOT))} && STUDYAID_VOCAB={shlex.quote(str(vocab))} "
               f"{shlex.quote(sys.executable)} -m studyaid")
    # After ``q`` the last session ends and the server shuts down on its own; a new
    # session asked for in that moment meets the dying server ("server exited
    # unexpectedly"), so ask again once it has gone.
    for _ in range(10):
        done = subprocess.run(["tmux", "-L", SOCKET, "new-session", "-d", "-s", session,
                               "-x", "80", "-y", "24", command],
                              capture_output=True, text=True)
        if done.returncode == 0:
            return
        time.sleep(0.3)
    raise AssertionError(f"tmux could not start a session: {done.stderr.strip()}")


def test_search_idiom_edit_gloss_and_restart(vocab_dir: Path) -> None:
    session = f"studyaid-e2e-{vocab_dir.parent.name}"
    try:
        _start(session, vocab_dir)
        _wait_for(session, "Wēiruǎn")  # pinyin is on screen (Microsoft: a proper noun)
        _tmux("send-keys", "-t", session, "/")
        _wait_for(session, "Search the text")
        _tmux("send-keys", "-t", session, "-l", "釜底抽薪")
        _tmux("send-keys", "-t", session, "Enter")
        _wait_for(session, "pull the firewood out from under")
        _tmux("send-keys", "-t", session, "g")
        _wait_for(session, "Gloss for 釜底抽薪")
        _tmux("send-keys", "-t", session, "C-u")
        # Textual runs Ctrl+U (an Input binding) once the key has bubbled up unhandled:
        # text sent in the same instant lands first and is then deleted with the rest.
        time.sleep(0.5)
        _tmux("send-keys", "-t", session, "-l", "to cut off at the source")
        _wait_for(session, "to cut off at the source")  # typed into the prompt, as seen
        _tmux("send-keys", "-t", session, "Enter")
        _wait_for(session, "everywhere (Enter)")  # where the gloss applies
        _tmux("send-keys", "-t", session, "Enter")
        _wait_for(session, "your gloss: to cut off at the source")
        _tmux("send-keys", "-t", session, "q")
        time.sleep(1)
        assert "釜底抽薪\tto cut off at the source" in (
            vocab_dir / "glosses.tsv").read_text(encoding="utf-8")
        _tmux("kill-session", "-t", session, check=False)
        # Restart: back at the idiom's sentence, with the gloss.
        _start(session, vocab_dir)
        screen = _wait_for(session, "fǔdǐchōuxīn")
        assert "pull the firewood" in screen
    finally:
        _tmux("kill-server", check=False)
