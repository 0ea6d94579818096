"""Commands on a text: ``annotate``, ``read``, ``profile``, the library (``add``,
``library``) and the dictionary (``lookup``, ``dict``)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from studyaid import paths
from studyaid.cli.common import (
    JOIN_HELP,
    Commands,
    Parser,
    collection,
    settings,
    text,
    title,
    width,
)
from studyaid.core.errors import StudyaidError
from studyaid.core.nlp.pinyin import STYLES
from studyaid.core.output.render import FORMATS
from studyaid.core.output.sandhi import TONES

BIG_TEXT_CHARS = 4_000_000
"""Above this, ``read`` says the first screen will take a while (~4 s for 17 M chars)."""


def cmd_annotate(args: argparse.Namespace) -> int:
    """Annotate a text (or the seed article) to standard output."""
    from studyaid.core.engine.services import build_annotator

    found = settings(args)
    loaded, text_id = text(args)
    if not loaded.content.strip():
        print(f"studyaid: {loaded.name}: the text is empty; nothing to annotate",
              file=sys.stderr)
        return 0
    annotator = build_annotator(found, text_id=text_id)
    sentences = map(TONES[args.tones], annotator.iter_annotate(loaded.content))
    FORMATS[args.format](sentences, sys.stdout, args.pinyin, width(args))
    return 0


def cmd_read(args: argparse.Namespace) -> int:
    """Open the reader on a text (the bundled seed article when no path is given)."""
    found = settings(args)
    loaded, text_id = text(args)
    if not loaded.content.strip():
        raise StudyaidError("the text is empty; nothing to read", loaded.name)
    if len(loaded.content) > BIG_TEXT_CHARS:  # seen until the reader's first screen covers it
        print(f"studyaid: opening {loaded.name}: {len(loaded.content) / 1e6:.1f} million "
              "characters, the first screen takes a few seconds", file=sys.stderr)
    # Imported here so that every other command runs without loading textual.
    from studyaid.tui import run_reader

    run_reader(found, loaded, text_id)
    return 0


def _statuses(args: argparse.Namespace) -> dict[str, str]:
    """Each word's status: set by hand (status.tsv), else from its card."""
    from studyaid.core.vocab.learner import Learner

    cards, now = collection(args)
    return cards.statuses(now) | Learner(settings(args).vocab).statuses()


def _percent(share: float) -> str:
    return f"{share:.1%}"


def cmd_profile(args: argparse.Namespace) -> int:
    """Print a text's profile: length, known words, HSK levels, idioms."""
    from studyaid.core.engine.profile import Profiler, profile

    loaded, _ = text(args)
    found = profile(Profiler(settings(args)).counts(loaded.content), _statuses(args))
    if args.json:
        print(json.dumps({"title": title(loaded.content, args.path), **found.as_json()},
                         ensure_ascii=False, indent=1))
        return 0
    c = found.counts
    print(title(loaded.content, args.path))
    print(f"  characters {c.characters:,} ({c.hanzi:,} hanzi) in {c.sentences:,} sentences")
    print(f"  words      {c.tokens:,} ({len(c.words):,} distinct)")
    print(f"  known      {_percent(found.known.tokens)} of the words, "
          f"{_percent(found.known.distinct)} of the distinct words")
    print("  HSK 3.0    " + "  ".join(f"{band} {_percent(share)}"
                                      for band, share in found.hsk.items()))
    print(f"  idioms     {c.idioms:,}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    """Copy a text into the library folder, as UTF-8."""
    from studyaid.core.text.library import add_text

    target, added = add_text(Path(args.path), paths.library_dir(), args.join_lines)
    converted = f", converted from {added.encoding.upper()}" if added.encoding != "utf-8" else ""
    print(f"added {title(added.content, args.path)} ({len(added.content):,} characters{converted}) "
          f"as {target}")
    return 0


def cmd_library(args: argparse.Namespace) -> int:
    """Open the library: pick a text to read."""
    found = settings(args)
    from studyaid.tui import run_library

    run_library(found)
    return 0


def cmd_dict(args: argparse.Namespace) -> int:
    """Open the dictionary search screen (on QUERY, if given)."""
    found = settings(args)
    from studyaid.tui import run_search

    run_search(found, " ".join(args.query))
    return 0


def cmd_lookup(args: argparse.Namespace) -> int:
    """Look up hanzi, pinyin or English."""
    from studyaid.core.engine.services import open_dictionary

    dictionary = open_dictionary(settings(args))
    query = " ".join(args.query)
    results = dictionary.search(query, args.limit)
    if args.json:
        print(json.dumps([e.as_json() for e in results], ensure_ascii=False, indent=1))
        return 0
    if not results:
        print(f"no entries for {query!r}", file=sys.stderr)
        return 1
    for entry in results:
        head = entry.simplified
        if entry.traditional != entry.simplified:
            head += f" [{entry.traditional}]"
        print(f"{head}  {entry.pinyin_marks}")
        for number, definition in enumerate(entry.definitions, 1):
            print(f"   {number}. {definition}")
    return 0


def add_annotate(commands: Commands, common: Parser) -> None:
    """``annotate [PATH]``."""
    annotate = commands.add_parser("annotate", parents=[common], help="annotate a text")
    annotate.add_argument("path", nargs="?", help="a text file, or - for standard input "
                          "(default: the bundled seed article)")
    annotate.add_argument("--format", choices=sorted(FORMATS), default="jsonl")
    annotate.add_argument("--pinyin", choices=sorted(STYLES), default="marks")
    annotate.add_argument("--tones", choices=list(TONES), default="citation",
                          help="tones as the dictionary writes them (default), or as spoken: "
                          "一/不 and third-tone sandhi (一个 yí gè, 你好 ní hǎo)")
    annotate.add_argument("--width", type=int, help="wrap text output at this many cells")
    annotate.add_argument("--context-model", action=argparse.BooleanOptionalAction,
                          default=True,
                          help="read the polyphones of sentences the dictionary leaves "
                          "undecided with the g2pM model, weighed with the dictionary and "
                          "pypinyin's phrases (default; --no-context-model: the dictionary "
                          "pipeline alone, faster, less accurate)")
    annotate.add_argument("--join-lines", action=argparse.BooleanOptionalAction,
                          help=JOIN_HELP)
    annotate.set_defaults(run=cmd_annotate)


def add_read(commands: Commands, common: Parser) -> None:
    """``read [PATH]``."""
    read = commands.add_parser("read", parents=[common], help="read a text in the reader")
    read.add_argument("path", nargs="?", help="a text file (default: the bundled seed article)")
    read.add_argument("--join-lines", action=argparse.BooleanOptionalAction,
                          help=JOIN_HELP)
    read.set_defaults(run=cmd_read)


def add_dict(commands: Commands, common: Parser) -> None:
    """``dict [QUERY]``."""
    dictionary = commands.add_parser("dict", parents=[common],
                                     help="the dictionary search screen (results as you type)")
    dictionary.add_argument("query", nargs="*", help="what to search for first")
    dictionary.set_defaults(run=cmd_dict)


def add_lookup(commands: Commands, common: Parser) -> None:
    """``lookup QUERY``."""
    lookup = commands.add_parser("lookup", parents=[common], help="look up a word")
    lookup.add_argument("query", nargs="+",
                        help="hanzi, pinyin (fudichouxin, fu3 di3) or English")
    lookup.add_argument("--json", action="store_true")
    lookup.add_argument("--limit", type=int, default=10)
    lookup.set_defaults(run=cmd_lookup)


def add_profile(commands: Commands, common: Parser) -> None:
    """``profile PATH``."""
    profile = commands.add_parser(
        "profile", parents=[common],
        help="a text's length and difficulty (HSK levels, known words)")
    profile.add_argument("path", help="a text file, or - for standard input")
    profile.add_argument("--json", action="store_true")
    profile.add_argument("--join-lines", action=argparse.BooleanOptionalAction,
                          help=JOIN_HELP)
    profile.set_defaults(run=cmd_profile)


def add_add(commands: Commands, common: Parser) -> None:
    """``add PATH``."""
    add = commands.add_parser("add", parents=[common], help="copy a text into the library folder")
    add.add_argument("path", help="a text file (any encoding studyaid reads)")
    add.add_argument("--join-lines", action="store_true",
                     help="join the text's hard-wrapped lines in the copy")
    add.set_defaults(run=cmd_add)


def add_library(commands: Commands, common: Parser) -> None:
    """``library``."""
    library = commands.add_parser("library", parents=[common], help="the library: pick a text")
    library.set_defaults(run=cmd_library)
