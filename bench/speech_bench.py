"""How fast a word or a sentence is heard (issue 18): espeak-ng's Mandarin voice on our
pinyin, through the audio cache, to the player.

- warm word: a cached word, from the key (``Speaker.say_word``) to the player asked to
  play its file (a fake player records the moment: no sound card here), median of 200;
  baseline: reading the same WAV file from disk;
- cold word: a word not in the cache, synthesized and written (``Speech.word``), median
  over 60 words of 孔乙己; baseline: espeak-ng alone making the same samples (no WAV,
  no file);
- sentence: sentences of 孔乙己 cut to 40 characters, annotated, spoken in spoken tones,
  synthesized cold, the slowest of 10; baseline as for the cold word;
- first word in a process: loading libespeak-ng and its voice, the child process that
  tries a new install (see ``Install.check``), one word.

Targets: warm ≤ 100 ms, cold word ≤ 300 ms (the first in a process too), 40-character
sentence ≤ 1 s.

Run: ``python bench/speech_bench.py``. Skips (exit 0) when ``../shared/data`` is absent
or espeakng-loader is not installed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from report import Report, add_json_option

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT.parent / "shared" / "data" / "texts"


class StampPlayer:
    """A player that notes when it was asked to play."""

    def __init__(self) -> None:
        self.at: list[float] = []

    def play(self, path: Path) -> None:
        self.at.append(time.perf_counter())

    def wait(self) -> None:
        pass


def ms(seconds: float) -> float:
    return seconds * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_json_option(parser)
    parser.add_argument("--rounds", type=int, default=200, help="warm plays (default 200)")
    args = parser.parse_args()
    report = Report("speech_bench")
    source = TEXTS / "kongyiji_simp.txt"
    if not source.exists():
        return report.skip(f"{source} is absent", args.json)
    try:
        import espeakng_loader  # noqa: F401
    except ImportError:
        return report.skip("espeakng-loader is not installed", args.json)
    work = Path(tempfile.mkdtemp(prefix="studyaid-speech-bench-"))
    os.environ["STUDYAID_CACHE"] = str(work / "cache")
    sys.path.insert(0, str(ROOT))
    from studyaid import paths
    from studyaid.core.engine.services import build_annotator
    from studyaid.core.engine.settings import Settings
    from studyaid.core.output import speech as speech_module
    from studyaid.core.output.player import Speaker
    from studyaid.core.output.sandhi import spoken_sentence
    from studyaid.core.output.speech import Speech, spoken_syllables, spoken_text
    from studyaid.core.text.loader import load_text

    annotator = build_annotator(Settings(work / "vocab", paths.cache_dir()))
    sentences = list(annotator.iter_annotate(load_text(source).content))
    words: list[tuple[str, ...]] = []
    for sentence in sentences:
        for token in sentence.tokens:
            if token.is_word and token.info.pinyin not in words:
                words.append(token.info.pinyin)
    words = words[:60]
    long = [s.text[:40] for s in sentences if len(s.text) >= 40][:10]
    spoken = [spoken_text(spoken_sentence(annotator.annotate(text)[0]).tokens) for text in long]

    speech = Speech(work / "cache")
    began = time.perf_counter()
    speech.word(("ni3", "hao3"))
    first = ms(time.perf_counter() - began)
    engine = speech_module._ENGINES[speech.install]

    def raw(text: str) -> float:
        began = time.perf_counter()
        with speech_module._LOCK:
            engine.pcm(text, speech.speed)
        return ms(time.perf_counter() - began)

    cold, cold_base = [], []
    for word in words:
        cold_base.append(raw(spoken_syllables(word)))
        began = time.perf_counter()
        speech.word(word)
        cold.append(ms(time.perf_counter() - began))

    player = StampPlayer()
    speaker = Speaker(speech, player)
    warm, warm_base = [], []
    for i in range(args.rounds):
        word = words[i % len(words)]
        path = speech.word(word)
        began = time.perf_counter()
        path.read_bytes()
        warm_base.append(ms(time.perf_counter() - began))
        began = time.perf_counter()
        speaker.say_word(word)
        speaker.join()
        warm.append(ms(player.at[-1] - began))

    whole, whole_base = [], []
    for text in spoken:
        whole_base.append(raw(text))
        began = time.perf_counter()
        speech.wav(text)
        whole.append(ms(time.perf_counter() - began))

    rows = [
        ("warm word, key -> player (median)", statistics.median(warm),
         statistics.median(warm_base), 100.0),
        ("cold word synthesis (median)", statistics.median(cold),
         statistics.median(cold_base), 300.0),
        ("cold word synthesis (max)", max(cold), max(cold_base), 300.0),
        ("40-character sentence (max)", max(whole), max(whole_base), 1000.0),
    ]
    print(f"first use in a process (library, voice, probe, one word): {first:.1f} ms")
    print(f"{'figure':40} {'ms':>8} {'baseline ms':>12} {'ratio':>6} target")
    for name, value, base, target in rows:
        print(f"{name:40} {value:8.2f} {base:12.2f} {value / base:6.2f} <= {target:g} ms "
              f"{'PASS' if value <= target else 'FAIL'}")
        report.figure(name, value, "ms", "<=", target)
        report.figure(f"{name} / baseline", value / base, "x")
    report.figure("first word in a new process (library, voice, probe)", first, "ms", "<=",
                  300.0)
    print(f"(sentences spoken: {spoken[0]!r} ...)")
    report.write(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
