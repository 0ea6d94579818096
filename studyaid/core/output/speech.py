"""Speech: the one module that talks to espeak-ng, whose Mandarin voice reads our own
numbered pinyin, so a word is said in the reading the screen shows (银行 yin2 hang2,
行走 xing2 zou3), never re-read from the characters.

espeak-ng comes as a shared library with its data inside the ``espeakng-loader`` wheel
(espeak-ng is GPL-3.0; it is a separate library loaded at run time). We reach it through
ctypes: five C functions, no binary to spawn and no further dependency (the Python
bindings on PyPI either run the ``espeak-ng`` program, which the wheel does not ship, or
only turn text into phonemes).

The voice ``cmn-latn-pinyin`` reads Latin text as pinyin with tone numbers (``ni3 hao3``;
a syllable without a digit, or a word that is not pinyin, it reads as English). It does
not apply tone sandhi itself: callers pass spoken tones when they want them.

Audio is cached as WAV files in the user cache, one per (spoken text, voice, speed,
espeak-ng version); a deleted file is made again. The library is global to a process and
not thread-safe, so one lock guards every call into it.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import io
import os
import subprocess
import sys
import tempfile
import threading
import wave
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from studyaid import paths
from studyaid.core.errors import StudyaidError
from studyaid.core.model import Token
from studyaid.core.vocab.storage import failure

VOICE = "cmn-latn-pinyin"
"""espeak-ng's Mandarin voice that reads pinyin with tone numbers."""
SPEED = 140
"""Words per minute (espeak-ng's own default, 175, is quick for a learner)."""
MAX_CHARS = 300
"""The longest text ``say`` speaks at once."""

_DATA_FILES = ("phontab", "phonindex", "phondata", "intonations", "cmn_dict",
               "lang/sit/cmn-Latn-pinyin")
"""The files of espeak-ng's data folder the Mandarin voice needs."""

_PUNCTUATION = str.maketrans({"，": ",", "、": ",", "；": ";", "：": ":", "。": ".",
                              "！": "!", "？": "?", "…": "...", "—": ",", "「": " ",
                              "」": " ", "“": " ", "”": " ", "《": " ", "》": " ",
                              "[": " ", "]": " "})
"""Chinese punctuation as the voice pauses for it; brackets dropped (``[[`` would switch
espeak-ng to phoneme input)."""


class SpeechError(StudyaidError):
    """Speech cannot be made: espeak-ng or its voice data is missing or broken."""


def spoken_syllables(syllables: Iterable[str]) -> str:
    """Numbered syllables as the voice reads them: ``lu:4`` -> ``lv4``; the erhua ``r5``
    is left out (the voice has no rhotic final: ``na3 er5`` would add a syllable); a
    character without a reading is skipped."""
    return " ".join(s.replace("u:", "v") for s in syllables if s and s != "r5")


def spoken_text(tokens: Sequence[Token]) -> str:
    """A sentence's tokens as the voice reads them: each word in its reading, punctuation
    as pauses, anything else (Latin words, digits) as it is written, which the voice reads
    as it can (OpenAI in English, 2025 in Mandarin)."""
    parts = []
    for token in tokens:
        if token.is_word:
            parts.append(spoken_syllables(token.info.pinyin))
        else:
            parts.append(token.text.translate(_PUNCTUATION))
    return " ".join(" ".join(parts).split())


def data_problem(data: Path) -> str | None:
    """What is missing from espeak-ng's data folder for the Mandarin voice, or None."""
    for name in _DATA_FILES:
        path = data / name
        try:
            if path.stat().st_size == 0:
                return f"espeak-ng voice data is empty: {path}"
        except OSError:
            return f"espeak-ng voice data is missing: {path}"
    return None


@dataclass(frozen=True)
class Install:
    """Where libespeak-ng and its data folder are."""

    library: Path
    data: Path

    @classmethod
    def find(cls) -> Install:
        """The ones the ``espeakng-loader`` package ships."""
        try:
            import espeakng_loader
        except ImportError:
            raise SpeechError("speech needs espeak-ng: pip install espeakng-loader") from None
        return cls(Path(espeakng_loader.get_library_path()),
                   Path(espeakng_loader.get_data_path()))

    def check(self, probes: Path) -> None:
        """Raise SpeechError naming what is missing or broken. The first time a given
        library and data folder are seen, a child process loads them and speaks a
        syllable: a truncated data file crashes espeak-ng (a segfault no Python code can
        catch), so it must crash there, not in the reader. Passing is remembered in
        ``probes`` by the files' sizes and times."""
        problem = data_problem(self.data)
        if problem:
            raise SpeechError(f"{problem} (reinstall espeakng-loader)")
        if not self.library.is_file():
            raise SpeechError(f"espeak-ng library is missing: {self.library} "
                              "(reinstall espeakng-loader)")
        stamp = hashlib.sha256()
        for path in (self.library, *(self.data / name for name in _DATA_FILES)):
            info = path.stat()
            stamp.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
        passed = probes / f"probe-{stamp.hexdigest()[:24]}"
        if passed.is_file():
            return
        done = subprocess.run([sys.executable, "-I", "-S", "-c", _PROBE, str(self.library),
                               str(self.data), VOICE], capture_output=True, timeout=60,
                              check=False)
        if done.returncode != 0:
            raise SpeechError(f"espeak-ng voice data is broken in {self.data} (the Mandarin "
                              f"voice failed to speak, status {done.returncode}); "
                              "reinstall espeakng-loader")
        probes.mkdir(parents=True, exist_ok=True)
        passed.touch()


_PROBE = """
import ctypes, sys
lib = ctypes.CDLL(sys.argv[1])
if lib.espeak_Initialize(2, 0, sys.argv[2].encode(), 0x8000) <= 0: sys.exit(3)
if lib.espeak_SetVoiceByName(sys.argv[3].encode()) != 0: sys.exit(4)
heard = []
CB = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)
keep = CB(lambda wav, n, events: heard.append(n) or 0)
lib.espeak_SetSynthCallback(keep)
text = b"ni3 hao3"
lib.espeak_Synth(text, len(text) + 1, 0, 0, 0, 1, None, None)
lib.espeak_Synchronize()
sys.exit(0 if sum(heard) > 0 else 5)
"""
"""The child process of :meth:`Install.check` (no site packages: starts in ~20 ms)."""

_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int,
                             ctypes.c_void_p)
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_DONT_EXIT = 0x8000
_CHARS_UTF8 = 1
_RATE = 1


class _Engine:
    """libespeak-ng loaded into this process, its Mandarin pinyin voice chosen."""

    def __init__(self, install: Install) -> None:
        self.lib = ctypes.CDLL(str(install.library))
        self.lib.espeak_Info.restype = ctypes.c_char_p
        self.rate = self.lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0,
                                               str(install.data).encode(),
                                               _INITIALIZE_DONT_EXIT)
        if self.rate <= 0:
            raise SpeechError(f"espeak-ng could not start with the data in {install.data}")
        if self.lib.espeak_SetVoiceByName(VOICE.encode()) != 0:
            raise SpeechError(f"espeak-ng has no voice {VOICE} in {install.data}")
        self.version = (self.lib.espeak_Info(None) or b"?").decode()
        self.install = install
        self._chunks: list[bytes] = []
        self._callback = _CALLBACK(self._heard)  # kept: the library holds a pointer to it
        self.lib.espeak_SetSynthCallback(self._callback)

    def _heard(self, wav: ctypes._Pointer[ctypes.c_short], count: int, events: int) -> int:
        if wav and count > 0:
            self._chunks.append(ctypes.string_at(wav, count * 2))
        return 0

    def pcm(self, text: str, speed: int) -> bytes:
        """16-bit mono samples of ``text`` at :attr:`rate`."""
        data = text.encode("utf-8")
        self._chunks = []
        self.lib.espeak_SetParameter(_RATE, speed, 0)
        status = self.lib.espeak_Synth(data, len(data) + 1, 0, 0, 0, _CHARS_UTF8, None, None)
        self.lib.espeak_Synchronize()
        if status != 0:
            raise SpeechError(f"espeak-ng failed (status {status}) on: {text}")
        return b"".join(self._chunks)


_LOCK = threading.Lock()
_ENGINES: dict[Install, _Engine] = {}
# The library is one per process (ctypes loads a path once) and keeps global state:
# one engine per install, every call under the lock.


def _engine(install: Install, probes: Path) -> _Engine:
    with _LOCK:
        engine = _ENGINES.get(install)
        if engine is None:
            install.check(probes)
            engine = _ENGINES[install] = _Engine(install)
        return engine


def synthesize(text: str, speed: int = SPEED, install: Install | None = None,
               cache: Path | None = None) -> bytes:
    """``text`` (pinyin with tone numbers, see :func:`spoken_text`) spoken, as WAV bytes.
    Raises SpeechError when espeak-ng or its voice is missing or broken."""
    install = install or Install.find()
    engine = _engine(install, paths.speech_dir(cache or paths.cache_dir()))
    with _LOCK:
        pcm = engine.pcm(text, speed)
    if not pcm and text.strip():
        raise SpeechError(f"espeak-ng made no sound for {text!r}: its voice data in "
                          f"{install.data} may be broken (reinstall espeakng-loader)")
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(engine.rate)
        wav.writeframes(pcm)
    return out.getvalue()


_WAV_HEADER = 44
"""Bytes of a WAV file's header: a cached file no longer than this is made again."""


def _write_cached(path: Path, data: bytes) -> None:
    """Write a cache file whole (temp file, rename) but without fsync: the audio can be
    made again, and fsync cost 15-30 ms a word, fifty times the synthesis."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError as exc:
        raise StudyaidError(f"cannot cache speech: {failure(exc)}", path) from None


class Speech:
    """Spoken audio for a text, as a WAV file in the cache (made once, made again when
    deleted), keyed by the spoken text, the voice, the speed and espeak-ng's version."""

    def __init__(self, cache: Path | None = None, speed: int = SPEED,
                 install: Install | None = None) -> None:
        self.cache = cache or paths.cache_dir()
        self.folder = paths.speech_dir(self.cache)
        self.speed = speed
        self._install = install

    @property
    def install(self) -> Install:
        """Where espeak-ng is (found on first use)."""
        if self._install is None:
            self._install = Install.find()
        return self._install

    def path_for(self, text: str) -> Path:
        """Where the audio of ``text`` is (or will be) cached."""
        version = _engine(self.install, self.folder).version
        key = hashlib.sha256(f"{VOICE}\0{self.speed}\0{version}\0{text}".encode()).hexdigest()
        return self.folder / f"{key[:32]}.wav"

    def wav(self, text: str) -> Path:
        """The cached WAV file of ``text``, made now when it is not there."""
        path = self.path_for(text)
        try:
            whole = path.stat().st_size > _WAV_HEADER
        except OSError:
            whole = False
        if not whole:
            _write_cached(path, synthesize(text, self.speed, self.install, self.cache))
        return path

    def word(self, syllables: Sequence[str]) -> Path:
        """The cached WAV file of one word's numbered syllables."""
        return self.wav(spoken_syllables(syllables))

