"""The command line: parses arguments, builds settings and services, prints results.

- ``common``: the parser class, the options every command takes, the settings, text and
  collection a command works on;
- ``text``: ``annotate``, ``read``, ``profile``, ``add``, ``library``, ``lookup``, ``dict``;
- ``words``: ``gloss``, ``import``, ``words``;
- ``known``: ``known add|rm|list|import``, ``undo``, ``mine``;
- ``cards``: ``card add``, ``cards``, ``review``, ``stats``;
- ``export``: ``export vocab``, ``export text``;
- ``speech``: ``say``.

Every error the learner can cause is one line on stderr and exit status 2. The console
script ``studyaid`` and ``python -m studyaid`` both run :func:`main`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from studyaid import __version__, paths
from studyaid.cli import cards, export, known, speech, text, words
from studyaid.cli.common import EXIT_USAGE, Commands, Parser, common_options, settings
from studyaid.core.errors import StudyaidError


def cmd_locate(args: argparse.Namespace) -> int:
    """Print where studyaid keeps things."""
    found = settings(args)
    for name, where in paths.locations(found.vocab, found.cedict).items():
        print(f"{name}: {where}")
    return 0


def add_locate(commands: Commands, common: Parser) -> None:
    """``locate``."""
    locate = commands.add_parser("locate", parents=[common], help="where studyaid keeps things")
    locate.set_defaults(run=cmd_locate)


COMMANDS: tuple[Callable[[Commands, Parser], None], ...] = (
    text.add_annotate, text.add_read, cards.add_review, text.add_dict, words.add_words,
    text.add_lookup, words.add_gloss, words.add_import, cards.add_card, cards.add_cards,
    cards.add_stats, export.add_export, text.add_profile, text.add_add, text.add_library,
    speech.add_say, known.add_known, known.add_undo, known.add_mine, add_locate,
)
"""Each command's parser, in the order ``studyaid --help`` lists them."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    common = common_options()
    parser = Parser(
        prog="studyaid",
        description="Read Chinese with pinyin, glosses and idiom notes.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"studyaid {__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=Parser)
    for add in COMMANDS:
        add(commands, common)
    return parser


def _default(args: argparse.Namespace) -> int:
    """No command: open the reader on the bundled seed article."""
    args.path = None
    return text.cmd_read(args)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    for name, default in (("vocab", None), ("cedict", None), ("debug", False)):
        if not hasattr(args, name):
            setattr(args, name, default)
    run: Callable[[argparse.Namespace], int] = getattr(args, "run", _default)
    try:
        return run(args)
    except StudyaidError as exc:
        if args.debug:
            raise
        print(f"studyaid: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except Exception as exc:  # a bug: still one line, unless the learner asks for more
        if args.debug:
            raise
        print(f"studyaid: internal error: {type(exc).__name__}: {exc} "
              "(run with --debug for the traceback)", file=sys.stderr)
        return 1


__all__ = ["build_parser", "main"]
