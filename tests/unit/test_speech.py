"""Speech: our pinyin spoken by espeak-ng, measured (nobody can listen here): duration,
loudness, and the pitch contour of tones; the cache; the player faked."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from studyaid.core.errors import StudyaidError
from studyaid.core.nlp.pinyin import parse_reading
from studyaid.core.output.player import NO_PLAYER, CommandPlayer, Speaker, find_player
from studyaid.core.output.speech import (
    Install,
    Speech,
    SpeechError,
    spoken_syllables,
    spoken_text,
    synthesize,
)

# -- Readings the learner types ---------------------------------------------------------

PARSED = [
    ("hang2", ["hang2"]),
    ("yin2 hang2", ["yin2", "hang2"]),
    ("yin2hang2", ["yin2", "hang2"]),  # joined: split after each digit
    ("xi1'an1", ["xi1", "an1"]),
    ("Ni3 hao3", ["ni3", "hao3"]),
    # ü, three ways
    ("lü4", ["lu:4"]),
    ("lv4", ["lu:4"]),
    ("lu:4", ["lu:4"]),
    # tone marks, apart or joined
    ("yínháng", ["yin2", "hang2"]),
    ("Xī'ān", ["xi1", "an1"]),
    ("nǚ'ér", ["nu:3", "er2"]),
    # neutral tone without a digit; erhua as CC-CEDICT writes it
    ("de", ["de5"]),
    ("nǎr", ["na3", "r5"]),
    ("yi1 dian3 r5", ["yi1", "dian3", "r5"]),
]


@pytest.mark.parametrize(("typed", "syllables"), PARSED)
def test_readings_typed(typed: str, syllables: list[str]) -> None:
    assert parse_reading(typed) == syllables


@pytest.mark.parametrize("typed", ["hxang2", "ba6", "xyz", "hello", "", "   "])
def test_not_pinyin_is_refused(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_reading(typed)


def test_every_syllable_pypinyin_knows_is_pinyin() -> None:
    from pypinyin import Style
    from pypinyin.pinyin_dict import pinyin_dict
    from pypinyin.style import convert

    refused = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            numbered = convert(reading, Style.TONE3, strict=False, neutral_tone_with_five=True)
            try:
                parse_reading(numbered)
            except ValueError:
                refused.add(numbered)
    assert not refused


# -- What the voice is given -----------------------------------------------------------

def test_voice_text_of_a_word() -> None:
    assert spoken_syllables(["lu:4", "se4"]) == "lv4 se4"
    assert spoken_syllables(["yi1", "dian3", "r5"]) == "yi1 dian3"  # no rhotic final
    assert spoken_syllables(["", "hao3"]) == "hao3"


def test_voice_text_of_a_sentence(plain_annotator) -> None:
    sentence = plain_annotator.annotate("我去银行，OpenAI在2025年！")[0]
    assert spoken_text(sentence.tokens) == "wo3 qu4 yin2 hang2 , OpenAI zai4 2025 nian2 !"


# -- Sound, measured -------------------------------------------------------------------

loader = pytest.importorskip  # the voice comes with espeakng-loader (a dependency)


def samples(wav_bytes: bytes) -> tuple[np.ndarray, int]:
    """The WAV's samples as floats and its rate."""
    with wave.open(io.BytesIO(wav_bytes)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
        frames = wav.readframes(wav.getnframes())
        return np.frombuffer(frames, dtype=np.int16).astype(float), wav.getframerate()


def pitch_track(x: np.ndarray, rate: int) -> np.ndarray:
    """F0 in Hz per 10 ms of the loud, voiced frames: the autocorrelation's highest peak
    between 60 and 250 Hz, kept when it is at least 0.3 of the frame's energy."""
    frame, hop = int(0.04 * rate), int(0.01 * rate)
    loud = 0.3 * np.sqrt(np.mean(x**2))
    low, high = int(rate / 250), int(rate / 60)
    track = []
    for start in range(0, len(x) - frame, hop):
        f = x[start:start + frame] - x[start:start + frame].mean()
        if np.sqrt(np.mean(f**2)) < loud:
            continue
        ac = np.correlate(f, f, "full")[frame - 1:]
        lag = low + int(np.argmax(ac[low:high]))
        if ac[lag] > 0.3 * ac[0]:
            track.append(rate / lag)
    return np.array(track)


def contour(syllable: str) -> float:
    """The pitch at the end over the pitch at the start (medians of the first and last
    thirds of the voiced frames)."""
    track = pitch_track(*samples(synthesize(syllable)))
    assert len(track) >= 9, f"{syllable}: too few voiced frames"
    third = len(track) // 3
    return float(np.median(track[-third:]) / np.median(track[:third]))


@pytest.fixture
def voice() -> None:
    loader("espeakng_loader")


WORDS = [
    # reading, shortest and longest plausible seconds
    ("ma1", 0.15, 0.8),
    ("yin2 hang2", 0.4, 1.5),
    ("xing2 zou3", 0.4, 1.5),
    ("zhong1 hua2 ren2 min2 gong4 he2 guo2", 1.2, 4.0),
]


@pytest.mark.parametrize(("reading", "shortest", "longest"), WORDS)
def test_a_word_is_heard(voice: None, reading: str, shortest: float, longest: float) -> None:
    x, rate = samples(synthesize(reading))
    assert shortest <= len(x) / rate <= longest
    rms = np.sqrt(np.mean(x**2))
    assert rms > 1000, f"{reading}: nearly silent (RMS {rms:.0f} of 32768)"


def test_two_readings_of_hang_differ(voice: None) -> None:
    # 银行 yín háng and 行走 xíng zǒu: the reading chosen is the one spoken
    hang = synthesize(spoken_syllables(["hang2"]))
    xing = synthesize(spoken_syllables(["xing2"]))
    assert hang != xing
    (a, _), (b, _) = samples(hang), samples(xing)
    n = min(len(a), len(b))
    assert np.sqrt(np.mean((a[:n] - b[:n]) ** 2)) > 1000


@pytest.mark.parametrize("base", ["ma", "yi", "tang"])
def test_tone_one_is_level_and_tone_four_falls(voice: None, base: str) -> None:
    level, falling = contour(f"{base}1"), contour(f"{base}4")
    assert level > 0.97, f"{base}1 should not fall ({level:.2f})"
    assert falling < 0.92, f"{base}4 should fall ({falling:.2f})"


# -- The cache -------------------------------------------------------------------------

def test_cache_hit_and_heal(voice: None, tmp_path: Path) -> None:
    speech = Speech(tmp_path)
    first = speech.word(["yin2", "hang2"])
    made = first.stat().st_mtime_ns
    assert first.parent == tmp_path / "speech"
    assert speech.word(["yin2", "hang2"]) == first
    assert first.stat().st_mtime_ns == made  # not made again
    assert speech.word(["xing2", "zou3"]) != first
    assert Speech(tmp_path, speed=100).word(["yin2", "hang2"]) != first  # speed in the key
    first.unlink()
    assert speech.word(["yin2", "hang2"]) == first and first.is_file()  # healed


# -- Missing or broken voice data ------------------------------------------------------

def data_copy(tmp_path: Path) -> Install:
    """The real install with a data folder of links to its files, to break one."""
    loader("espeakng_loader")
    real = Install.find()
    data = tmp_path / "espeak-ng-data"
    for name in ("phontab", "phonindex", "phondata", "intonations", "cmn_dict",
                 "lang/sit/cmn-Latn-pinyin"):
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(real.data / name, data / name)
    return Install(real.library, data)


def test_missing_voice_data_is_named(tmp_path: Path) -> None:
    install = data_copy(tmp_path)
    (install.data / "cmn_dict").unlink()
    with pytest.raises(SpeechError, match=r"missing: .*cmn_dict"):
        Speech(tmp_path / "cache", install=install).wav("ni3 hao3")


def test_truncated_voice_data_is_caught_outside_this_process(tmp_path: Path) -> None:
    install = data_copy(tmp_path)
    whole = (install.data / "phondata").read_bytes()
    (install.data / "phondata").unlink()
    (install.data / "phondata").write_bytes(whole[:1000])  # espeak-ng crashes on this
    with pytest.raises(SpeechError, match="broken in .*espeak-ng-data"):
        Speech(tmp_path / "cache", install=install).wav("ni3 hao3")


# -- Players ---------------------------------------------------------------------------

def test_players_are_found_in_order() -> None:
    on_path = {"paplay": "/usr/bin/paplay", "aplay": "/usr/bin/aplay"}
    player = find_player("linux", on_path.get)
    assert isinstance(player, CommandPlayer) and player.command == ("/usr/bin/paplay",)
    player = find_player("linux", {"aplay": "/bin/aplay"}.get)
    assert isinstance(player, CommandPlayer) and player.command == ("/bin/aplay", "-q")
    mac = find_player("darwin", {"afplay": "/usr/bin/afplay"}.get)
    assert isinstance(mac, CommandPlayer) and mac.command == ("/usr/bin/afplay",)


def test_no_player_says_what_to_install() -> None:
    with pytest.raises(StudyaidError) as caught:
        find_player("linux", lambda name: None)
    assert str(caught.value) == NO_PLAYER["linux"]
    assert "pw-play" in str(caught.value) and "aplay" in str(caught.value)


def test_a_new_file_stops_the_one_playing(tmp_path: Path) -> None:
    player = CommandPlayer(("sleep",))  # a "player" that plays for as long as asked
    player.play(Path("30"))
    first = player._playing
    player.play(Path("0"))
    assert first is not None and first.poll() is not None  # stopped, not left running
    player.wait()


class FakePlayer:
    """Records what it was asked to play."""

    def __init__(self) -> None:
        self.played: list[Path] = []

    def play(self, path: Path) -> None:
        self.played.append(path)

    def wait(self) -> None:
        pass


def test_speaker_plays_the_right_file(voice: None, tmp_path: Path) -> None:
    player = FakePlayer()
    speaker = Speaker(Speech(tmp_path), player)
    speaker.say_word(["yin2", "hang2"])
    speaker.join()
    assert player.played == [Speech(tmp_path).word(["yin2", "hang2"])]
    assert player.played[0].is_file()


def test_speaker_without_player_tells_once(voice: None, tmp_path: Path) -> None:
    told: list[str] = []

    def none() -> FakePlayer:
        raise StudyaidError(NO_PLAYER["linux"])

    speaker = Speaker(Speech(tmp_path), on_error=told.append, find=none)
    for _ in range(3):
        speaker.say("ni3 hao3")
        speaker.join()
    assert told == [NO_PLAYER["linux"]]


# -- studyaid say ----------------------------------------------------------------------

def say(cli_env: dict[str, str], tmp_path: Path, *args: str,
        stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m studyaid say ARGS`` with a fake ``aplay`` first on the path, which
    writes the file it was asked to play to ``played.txt``."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    fake = bin_dir / "aplay"
    fake.write_text('#!/bin/sh\nfor a; do last="$a"; done\n'
                    f'echo "$last" >> {tmp_path}/played.txt\n')
    fake.chmod(0o755)
    env = {**cli_env, "PATH": f"{bin_dir}:/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "studyaid", "say", *args], input=stdin,
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)


def test_say_writes_the_reading_given(voice: None, cli_env: dict[str, str],
                                      tmp_path: Path) -> None:
    for reading in ("hang2", "xing2"):
        done = say(cli_env, tmp_path, "行", "--reading", reading, "-o", f"{reading}.wav")
        assert done.returncode == 0, done.stderr
    # espeak-ng's output varies by a few samples from call to call (state carried over
    # from the previous utterance): compare durations and sound, not bytes
    for reading in ("hang2", "xing2"):
        written, _ = samples((tmp_path / f"{reading}.wav").read_bytes())
        made, _ = samples(synthesize(reading))
        assert abs(len(written) - len(made)) < 0.05 * len(made)
    (hang, _), (xing, _) = (samples((tmp_path / f"{r}.wav").read_bytes())
                            for r in ("hang2", "xing2"))
    n = min(len(hang), len(xing))
    assert np.sqrt(np.mean((hang[:n] - xing[:n]) ** 2)) > 1000


def test_say_reads_as_annotate_and_plays(voice: None, cli_env: dict[str, str],
                                         tmp_path: Path) -> None:
    done = say(cli_env, tmp_path, "-", stdin="我去银行。\n")
    assert done.returncode == 0, done.stderr
    played = Path((tmp_path / "played.txt").read_text().strip())
    speech = Speech(Path(cli_env["STUDYAID_CACHE"]))
    assert played == speech.wav("wo3 qu4 yin2 hang2 .")


@pytest.mark.parametrize(("args", "message"), [
    (("行", "--reading", "hxang2"), "studyaid: bad reading 'hxang2': 'hxang2' is not pinyin"),
    (("行", "--reading", "yin2 hang2"), "studyaid: bad reading 'yin2 hang2': 2 syllables"),
    (("银行" * 200,), "studyaid: the text has 400 characters; say speaks at most 300"),
    (("  ",), "studyaid: nothing to say"),
])
def test_say_refuses(cli_env: dict[str, str], tmp_path: Path, args: tuple[str, ...],
                     message: str) -> None:
    done = say(cli_env, tmp_path, *args, "-o", "out.wav")
    assert done.returncode == 2 and done.stderr.startswith(message), done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "out.wav").exists()


def test_say_without_a_player(voice: None, cli_env: dict[str, str], tmp_path: Path) -> None:
    env = {**cli_env, "PATH": str(tmp_path)}  # no player on it
    done = subprocess.run([sys.executable, "-m", "studyaid", "say", "你好"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip() == f"studyaid: {NO_PLAYER['linux']}"
