"""``export vocab`` (the learner's words for Anki, Pleco, a spreadsheet) and ``export text``
(a text with pinyin, translations, idiom notes and a glossary), each format found by name
in ``studyaid.export``'s registries."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from studyaid.cli.common import (
    JOIN_HELP,
    Commands,
    Parser,
    collection,
    one_of,
    settings,
    text,
    title,
)
from studyaid.core.errors import StudyaidError
from studyaid.core.vocab.learner import STATUSES
from studyaid.export import TEXT_FORMATS, VOCAB_FORMATS


def _output(path: str, force: bool) -> Path:
    """Where an export goes, checked before any work: its folder exists and is writable,
    and an existing file is replaced only with ``--force``."""
    import os

    out = Path(path)
    folder = out.parent
    if not folder.is_dir():
        raise StudyaidError("no such folder; create it first", folder)
    if out.is_dir():
        raise StudyaidError("is a folder; give a file name", out)
    if out.exists() and not force:
        raise StudyaidError("already exists; add --force to replace it", out)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StudyaidError("cannot write here: permission denied", folder)
    return out


def cmd_export_vocab(args: argparse.Namespace) -> int:
    """Export the learner's words (cards, glossed words) for Anki, Pleco or a spreadsheet."""
    from datetime import UTC, date

    # Imported here: genanki and the study layer load only when exporting.
    from studyaid.core.dictionary.lookup import entries_for
    from studyaid.core.engine.services import build_annotator, open_dictionary
    from studyaid.core.vocab.storage import write_atomic
    from studyaid.export.items import Filters, Schedule, gather, schedules_of

    out = _output(args.output, args.force)
    try:
        since = date.fromisoformat(args.since) if args.since else None
    except ValueError:
        raise StudyaidError(f"--since {args.since!r} is not a date like 2026-01-31") from None
    found = settings(args)
    now = datetime.now(UTC)
    dictionary = open_dictionary(found)

    def card_statuses() -> dict[str, str]:
        cards, _ = collection(args)
        return cards.statuses(now)

    def schedules() -> dict[str, tuple[Schedule, ...]]:
        cards, _ = collection(args)
        return schedules_of(cards.cards(now))

    items = gather(
        found.vocab,
        filters=Filters(args.text, args.status, since, args.cards_only),
        entries=lambda word: entries_for(dictionary, word),
        card_statuses=card_statuses,
        schedules=schedules if args.format == "apkg" else None,
    )
    if args.audio:
        if args.format != "apkg":
            raise StudyaidError("--audio needs --format apkg (an Anki package carries the "
                                "sound files)")
        from studyaid.core.output.speech import Speech
        from studyaid.export.apkg import write
        from studyaid.export.sounds import Sounds, voice_text

        annotator = build_annotator(found, dictionary)
        sounds = Sounds(Speech(found.cache), lambda sentence: voice_text(annotator, sentence))
        write_atomic(out, write(items, now, sounds))
    else:
        write_atomic(out, VOCAB_FORMATS[args.format](items, now))
    if not items:
        print(f"studyaid: no words to export; wrote an empty {args.format} file to {out}",
              file=sys.stderr)
    else:
        print(f"exported {len(items)} word{'s' if len(items) != 1 else ''} to {out}")
    return 0


def cmd_export_text(args: argparse.Namespace) -> int:
    """Export a text (the seed article when no path is given) as a document: pinyin over
    the words, the learner's translations, idiom notes, a glossary of their glosses."""
    from studyaid.core.engine.services import build_annotator
    from studyaid.core.vocab.learner import Learner
    from studyaid.core.vocab.storage import write_atomic
    from studyaid.export.text import build_document

    out = _output(args.output, args.force)
    if args.path is not None and out.exists() and out.resolve() == Path(args.path).resolve():
        raise StudyaidError("is the text being exported; choose another file", out)
    loaded, text_id = text(args)
    found = settings(args)
    annotator = build_annotator(found, text_id=text_id)
    learner = Learner(found.vocab)
    document = build_document(
        title(loaded.content, args.path), annotator.iter_annotate(loaded.content),
        lambda index, sentence: learner.translation(text_id, index, sentence),
        annotator.glosses,
    )
    write_atomic(out, TEXT_FORMATS[args.format](document))
    if not document.lines:
        print(f"studyaid: the text is empty; wrote an empty {args.format} file to {out}",
              file=sys.stderr)
    else:
        translated = sum(1 for line in document.lines if line.translation)
        print(f"exported {len(document.lines)} sentences ({translated} translated, "
              f"{len(document.footnotes)} idiom notes, {len(document.glossary)} glossed "
              f"words) to {out}")
    return 0


def add_export(commands: Commands, common: Parser) -> None:
    """``export vocab`` and ``export text [PATH]``."""
    export = commands.add_parser("export", parents=[common],
                                 help="export words (or a text) for other programs")
    what = export.add_subparsers(dest="what", metavar="vocab|text", required=True,
                                 parser_class=Parser)
    # -- export vocab ---------------------------------------------------------------------
    evocab = what.add_parser(
        "vocab", parents=[common], help="cards and glossed words for Anki, Pleco, spreadsheets")
    evocab.add_argument("--format", required=True, choices=list(VOCAB_FORMATS),
                        help=one_of(VOCAB_FORMATS, last=", "))
    evocab.add_argument("-o", "--output", required=True, metavar="FILE")
    evocab.add_argument("--text", metavar="PATH", help="only words met in this text")
    evocab.add_argument("--status", choices=STATUSES)
    evocab.add_argument("--since", metavar="DATE", help="only cards added on or after DATE "
                        "(YYYY-MM-DD, UTC)")
    evocab.add_argument("--cards-only", action="store_true",
                        help="only cards, not every glossed word")
    evocab.add_argument("--force", action="store_true", help="replace an existing file")
    evocab.add_argument("--audio", action="store_true",
                        help="apkg: a sound file for each word and example sentence")
    evocab.set_defaults(run=cmd_export_vocab)
    # -- export text --------------------------------------------------------------------
    etext = what.add_parser(
        "text", parents=[common], help="a text with pinyin, translations, idiom notes, glossary")
    etext.add_argument("path", nargs="?", help="a text file (default: the bundled seed article)")
    etext.add_argument("--format", required=True, choices=list(TEXT_FORMATS),
                       help=one_of(TEXT_FORMATS))
    etext.add_argument("-o", "--output", required=True, metavar="FILE")
    etext.add_argument("--force", action="store_true", help="replace an existing file")
    etext.add_argument("--join-lines", action=argparse.BooleanOptionalAction,
                          help=JOIN_HELP)
    etext.set_defaults(run=cmd_export_text)
