"""``say``: Chinese text spoken (read by the same pipeline as ``annotate``, or in the
reading given), or written as a WAV file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from studyaid.cli.common import Commands, Parser, settings
from studyaid.core.errors import StudyaidError
from studyaid.core.nlp.pinyin import han_count, has_han, parse_reading
from studyaid.core.output.sandhi import TONES
from studyaid.core.output.speech import MAX_CHARS, spoken_syllables


def _reading(typed: str, content: str) -> str:
    """The voice's text for a reading the learner typed for ``content``."""
    try:
        syllables = parse_reading(typed)
    except ValueError as exc:
        raise StudyaidError(f"bad reading {typed!r}: {str(exc)!r} is not pinyin "
                            "(write e.g. hang2 or háng)") from None
    count = han_count(content)
    if count and len([s for s in syllables if s != "r5"]) != count:
        raise StudyaidError(f"bad reading {typed!r}: {len(syllables)} syllables for "
                            f"{count} character{'s' if count != 1 else ''} in {content!r}")
    return spoken_syllables(syllables)


def cmd_say(args: argparse.Namespace) -> int:
    """Speak a text, or write it as a WAV file."""
    from studyaid.core.engine.services import build_annotator
    from studyaid.core.output.player import find_player
    from studyaid.core.output.speech import Speech, synthesize
    from studyaid.core.vocab.storage import write_atomic
    from studyaid.export.sounds import voice_text  # (the study layer, fsrs: on use only)

    content = sys.stdin.read() if args.text == "-" else args.text
    content = content.strip()
    if not content:
        raise StudyaidError("nothing to say: the text is empty")
    if len(content) > MAX_CHARS:
        raise StudyaidError(f"the text has {len(content)} characters; say speaks at most "
                            f"{MAX_CHARS} at once: give it a sentence or paragraph at a time")
    found = settings(args)
    if args.reading:
        spoken = _reading(args.reading, content)
    else:
        if not has_han(content):
            print("studyaid: no Chinese in the text: the voice reads it as it can",
                  file=sys.stderr)
        spoken = voice_text(build_annotator(found), content, args.tones)
    if not spoken.strip():
        raise StudyaidError(f"nothing the voice can say in {content!r}")
    if args.output:
        out = Path(args.output)
        write_atomic(out, synthesize(spoken, cache=found.cache))
        print(f"wrote {out}")
        return 0
    player = find_player()
    player.play(Speech(found.cache).wav(spoken))
    player.wait()
    return 0


def add_say(commands: Commands, common: Parser) -> None:
    """``say TEXT``."""
    say = commands.add_parser("say", parents=[common], help="speak Chinese text (or write "
                              "a WAV file)")
    say.add_argument("text", help="the text, or - for standard input")
    say.add_argument("--reading", metavar="PINYIN",
                     help="say it in this reading (hang2, yin2 hang2, yínháng) instead of "
                     "the one annotate gives")
    say.add_argument("--tones", choices=list(TONES), default="spoken",
                     help="tones as spoken (default: 一/不 and third-tone sandhi, as a "
                     "speaker says them) or as the dictionary writes them")
    say.add_argument("-o", "--output", metavar="FILE.wav", help="write a WAV file instead")
    say.set_defaults(run=cmd_say)
