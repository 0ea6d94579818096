"""What every command shares: the parser class and common options, the settings built
from them, the text a command works on, the learner's collection.

Every error the learner can cause is a ``StudyaidError``: ``main`` prints it as one line
on stderr and exits with :data:`EXIT_USAGE`.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from studyaid import paths
from studyaid.core.engine.settings import DISPLAY_SETTINGS, Settings, load_display_settings
from studyaid.core.errors import StudyaidError
from studyaid.core.nlp.script import DEFAULT_TRADITIONAL, TRADITIONAL_STANDARDS
from studyaid.core.text.library import text_id_of
from studyaid.core.text.loader import Text, decode_bytes, for_reading, load_text
from studyaid.registry import Registry

if TYPE_CHECKING:
    from studyaid.study import Collection

EXIT_USAGE = 2
JOIN_HELP = ("join hard-wrapped lines: a line break inside a paragraph goes (a blank line, "
             "an indented line or sentence-final punctuation keeps it); by default only a "
             "text that looks hard-wrapped is joined, --no-join-lines keeps every break")


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit with :data:`EXIT_USAGE`."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


Commands: TypeAlias = "argparse._SubParsersAction[Parser]"
"""Where a command group adds its commands (``commands.add_parser(name, ...)``)."""


def common_options() -> Parser:
    """The options every command takes, before or after its name."""
    # SUPPRESS keeps a command's parser from resetting an option given before it
    # (studyaid --vocab DIR gloss list); main fills in the defaults.
    common = Parser(add_help=False)
    common.add_argument("--vocab", metavar="DIR", default=argparse.SUPPRESS,
                        help="the vocab folder (default: see README)")
    common.add_argument("--cedict", metavar="FILE", default=argparse.SUPPRESS,
                        help="a cedict_ts.u8 to use instead")
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show tracebacks on errors")
    common.add_argument("--traditional", choices=list(TRADITIONAL_STANDARDS),
                        default=argparse.SUPPRESS,
                        help="the standard of traditional characters the reader shows (v): "
                        "tw, Taiwan's, as CC-CEDICT writes them (default); hk, Hong Kong's; "
                        "opencc, OpenCC's own (爲); or 'traditional' in settings.toml")
    return common


def one_of(formats: Registry[Any], last: str = " or ") -> str:
    """A registry's names with their help, for a ``--format`` option's help:
    ``html (a self-contained page) or md (Markdown)``."""
    names = formats.described()
    return last.join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]


def settings(args: argparse.Namespace) -> Settings:
    """The settings the common options name (the vocab folder, the cache, CC-CEDICT)."""
    vocab = paths.vocab_dir(args.vocab)
    if vocab.exists() and not vocab.is_dir():
        raise StudyaidError("is a file, not a vocab folder (see --vocab, $STUDYAID_VOCAB)",
                            vocab)
    return Settings(
        vocab=vocab,
        cache=paths.cache_dir(),
        cedict=paths.cedict_file(args.cedict),
        context_model=getattr(args, "context_model", True),
        traditional=getattr(args, "traditional", None) or load_display_settings(
            paths.config_dir() / DISPLAY_SETTINGS).get("traditional", DEFAULT_TRADITIONAL),
    )


def width(args: argparse.Namespace) -> int:
    """``--width``, else the terminal's (at least 20 cells)."""
    if getattr(args, "width", None):
        return int(args.width)
    return max(20, shutil.get_terminal_size((80, 24)).columns)


def title(content: str, path: str | None) -> str:
    """A text's title (see ``library.title_of``), else its file's name without suffix."""
    from studyaid.core.text.library import title_of

    fallback = ("seed article" if path is None else "standard input" if path == "-"
                else Path(path).stem)
    return title_of(content, fallback)


def text(args: argparse.Namespace) -> tuple[Text, str]:
    """The text a command works on (the seed article when no path is given), its lines
    joined with ``--join-lines``, and its id (as the reader stores translations)."""
    if args.path is None:
        loaded = decode_bytes(paths.seed_text().encode("utf-8"), "<seed article>")
        text_id = "seed"
    else:
        loaded = load_text(args.path)
        text_id = text_id_of(args.path, loaded.content) if args.path != "-" else "-"
    # Same id: translations are found by their sentence's text, whichever way it reads.
    loaded = for_reading(loaded, getattr(args, "join_lines", None))
    return loaded, text_id


def collection(args: argparse.Namespace) -> tuple[Collection, datetime]:
    """The learner's cards and review history, and now; one warning line for skipped log
    lines. (studyaid.study is imported here: other commands never load fsrs.)"""
    from datetime import UTC

    from studyaid.study import Collection

    found = settings(args)
    cards = Collection(found.vocab, found.cache)
    if cards.warnings:
        more = len(cards.warnings) - 1
        print(f"studyaid: warning: {cards.warnings[0]}"
              + (f" (and {more} more)" if more else ""), file=sys.stderr)
    return cards, datetime.now(UTC)
