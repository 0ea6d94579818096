"""Playing audio: the platform's own player, found once, and a speaker that makes and
plays speech in the background, a new request stopping the one playing.

On Linux ``pw-play`` (PipeWire), ``paplay`` (PulseAudio) or ``aplay`` (ALSA), on macOS
``afplay``, on Windows the standard library's ``winsound``. No player found is one
notice saying what to install; nothing else stops working.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from studyaid.core.errors import StudyaidError
from studyaid.core.output.speech import Speech, spoken_syllables

PLAYERS: dict[str, tuple[tuple[str, ...], ...]] = {
    "linux": (("pw-play",), ("paplay",), ("aplay", "-q")),
    "darwin": (("afplay",),),
}
"""Per platform, the player commands tried in order (the file's path is appended)."""

NO_PLAYER = {
    "linux": "no audio player found: install pipewire-bin (pw-play), pulseaudio-utils "
             "(paplay) or alsa-utils (aplay); `studyaid say -o FILE.wav` writes a file",
    "darwin": "no audio player found: afplay is missing from this macOS",
}
"""The notice when no player is found, per platform."""


class Player(Protocol):
    """Plays one WAV file at a time."""

    def play(self, path: Path) -> None:
        """Stop what is playing and start ``path``; return at once."""

    def wait(self) -> None:
        """Wait until what is playing has finished."""


class CommandPlayer:
    """A player program run per file; a new file stops the one before."""

    def __init__(self, command: Sequence[str]) -> None:
        self.command = tuple(command)
        self._playing: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def play(self, path: Path) -> None:
        """Stop what is playing and start ``path``."""
        with self._lock:
            self._stop()
            self._playing = subprocess.Popen([*self.command, str(path)],
                                             stdin=subprocess.DEVNULL,
                                             stdout=subprocess.DEVNULL,
                                             stderr=subprocess.DEVNULL)

    def _stop(self) -> None:
        if self._playing is not None and self._playing.poll() is None:
            self._playing.terminate()
            try:
                self._playing.wait(timeout=1)
            except subprocess.TimeoutExpired:
                self._playing.kill()
        self._playing = None

    def wait(self) -> None:
        """Wait until the file has been played."""
        playing = self._playing
        if playing is not None:
            playing.wait()


class WinsoundPlayer:
    """Windows' own player (a new sound stops the one playing)."""

    def play(self, path: Path) -> None:
        """Start ``path`` without waiting."""
        if sys.platform == "win32":  # (the check also tells the type checker)
            import winsound

            winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)

    def wait(self) -> None:
        """winsound cannot wait for an asynchronous sound; the CLI plays synchronously."""


def find_player(platform: str = sys.platform,
                which: Callable[[str], str | None] = shutil.which) -> Player:
    """The platform's player; StudyaidError with what to install when there is none."""
    if platform == "win32":
        return WinsoundPlayer()
    key = "darwin" if platform == "darwin" else "linux"
    for command in PLAYERS[key]:
        found = which(command[0])
        if found:
            return CommandPlayer((found, *command[1:]))
    raise StudyaidError(NO_PLAYER[key])


class Speaker:
    """Makes speech and plays it in the background: :meth:`say` returns at once; only
    the newest request is played (one made while another was synthesizing replaces it).
    The player is found on first use; a problem (no player, no voice) goes to
    ``on_error`` as one line, once per distinct message."""

    def __init__(self, speech: Speech, player: Player | None = None,
                 on_error: Callable[[str], None] | None = None,
                 find: Callable[[], Player] = find_player) -> None:
        self.speech = speech
        self._player = player
        self._find = find
        self.on_error = on_error or (lambda message: None)
        self._latest = 0
        self._lock = threading.Lock()
        self._told: set[str] = set()
        self.threads: list[threading.Thread] = []

    def player(self) -> Player:
        """The player, found once."""
        if self._player is None:
            self._player = self._find()
        return self._player

    def say(self, text: str) -> None:
        """Speak ``text`` (pinyin with tone numbers) in the background."""
        with self._lock:
            self._latest += 1
            ticket = self._latest
        thread = threading.Thread(target=self._run, args=(text, ticket), daemon=True,
                                  name="studyaid-speech")
        self.threads = [t for t in self.threads if t.is_alive()] + [thread]
        thread.start()

    def say_word(self, syllables: Sequence[str]) -> None:
        """Speak one word's numbered syllables in the background."""
        self.say(spoken_syllables(syllables))

    def _run(self, text: str, ticket: int) -> None:
        try:
            player = self.player()
            path = self.speech.wav(text)
            with self._lock:
                if ticket != self._latest:
                    return  # a newer request came while this one was being made
                player.play(path)
        except StudyaidError as exc:
            message = str(exc)
            if message not in self._told:
                self._told.add(message)
                self.on_error(message)

    def join(self, timeout: float = 10) -> None:
        """Wait for the requests under way (tests, the CLI)."""
        for thread in list(self.threads):
            thread.join(timeout)
