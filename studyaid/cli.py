"""The command line: parses arguments, builds settings and services, prints results.

Every error the learner can cause is one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from studyaid import __version__, paths
from studyaid.core.engine.services import Settings, build_annotator, open_dictionary
from studyaid.core.errors import StudyaidError
from studyaid.core.nlp.pinyin import STYLES
from studyaid.core.output.render import FORMATS
from studyaid.core.output.sandhi import TONES
from studyaid.core.text.loader import Text, decode_bytes, load_text
from studyaid.core.text.unwrap import join_wrapped_lines
from studyaid.core.vocab.glosses import Vocab

if TYPE_CHECKING:
    from studyaid.core.engine.annotate import Annotator, Sentence
    from studyaid.imports import Plan
    from studyaid.study import Card, Collection

EXIT_USAGE = 2
VOCAB_FORMAT_NAMES = ("apkg", "anki", "pleco", "csv", "md")
"""``studyaid.export.VOCAB_FORMATS``'s names, known without importing it (and genanki)."""
IMPORT_FORMAT_NAMES = ("cedict", "pleco", "csv")
"""``studyaid.imports.IMPORT_FORMATS``'s names."""
IMPORT_SHOWN = 10
"""Conflicting glosses listed by an import's preview."""
BIG_TEXT_CHARS = 4_000_000
"""Above this, ``read`` says the first screen will take a while (~4 s for 17 M chars)."""
JOIN_HELP = ("join hard-wrapped lines: a line break inside a paragraph goes (a blank line, "
             "an indented line or sentence-final punctuation keeps it)")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _settings(args: argparse.Namespace) -> Settings:
    vocab = paths.vocab_dir(args.vocab)
    if vocab.exists() and not vocab.is_dir():
        raise StudyaidError("is a file, not a vocab folder (see --vocab, $STUDYAID_VOCAB)",
                            vocab)
    return Settings(
        vocab=vocab,
        cache=paths.cache_dir(),
        cedict=paths.cedict_file(args.cedict),
        context_model=getattr(args, "context_model", True),
    )


def _width(args: argparse.Namespace) -> int:
    if getattr(args, "width", None):
        return int(args.width)
    return max(20, shutil.get_terminal_size((80, 24)).columns)


def _text(args: argparse.Namespace) -> tuple[Text, str]:
    """The text a command works on (the seed article when no path is given), its lines
    joined with ``--join-lines``, and its id (as the reader stores translations)."""
    if args.path is None:
        text = decode_bytes(paths.seed_text().encode("utf-8"), "<seed article>")
        text_id = "seed"
    else:
        text = load_text(args.path)
        text_id = str(Path(args.path).resolve()) if args.path != "-" else "-"
    if getattr(args, "join_lines", False):
        # Same id: translations are found by their sentence's text, whichever way it reads.
        text = replace(text, content=join_wrapped_lines(text.content))
    return text, text_id


def cmd_annotate(args: argparse.Namespace) -> int:
    """Annotate a text (or the seed article) to standard output."""
    settings = _settings(args)
    text, _ = _text(args)
    if not text.content.strip():
        print(f"studyaid: {text.name}: the text is empty; nothing to annotate", file=sys.stderr)
        return 0
    annotator = build_annotator(settings)
    sentences = map(TONES[args.tones], annotator.iter_annotate(text.content))
    FORMATS[args.format](sentences, sys.stdout, args.pinyin, _width(args))
    return 0


def cmd_read(args: argparse.Namespace) -> int:
    """Open the reader on a text (the bundled seed article when no path is given)."""
    settings = _settings(args)
    text, text_id = _text(args)
    if not text.content.strip():
        raise StudyaidError("the text is empty; nothing to read", text.name)
    if len(text.content) > BIG_TEXT_CHARS:  # seen until the reader's first screen covers it
        print(f"studyaid: opening {text.name}: {len(text.content) / 1e6:.1f} million "
              "characters, the first screen takes a few seconds", file=sys.stderr)
    # Imported here so that every other command runs without loading textual.
    from studyaid.tui import run_reader

    run_reader(settings, text, text_id)
    return 0


def _statuses(args: argparse.Namespace) -> dict[str, str]:
    """Each word's status: set by hand (status.tsv), else from its card."""
    from studyaid.core.vocab.learner import Learner

    collection, now = _collection(args)
    return collection.statuses(now) | Learner(_settings(args).vocab).statuses()


def _percent(share: float) -> str:
    return f"{share:.1%}"


def cmd_profile(args: argparse.Namespace) -> int:
    """Print a text's profile: length, known words, HSK levels, idioms."""
    from studyaid.core.engine.profile import Profiler, profile
    from studyaid.core.text.library import title_of

    text, _ = _text(args)
    settings = _settings(args)
    found = profile(Profiler(settings).counts(text.content), _statuses(args))
    if args.json:
        print(json.dumps({"title": title_of(text.content), **found.as_json()},
                         ensure_ascii=False, indent=1))
        return 0
    c = found.counts
    print(title_of(text.content, Path(args.path).name))
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
    from studyaid.core.text.library import add_text, title_of

    target, text = add_text(Path(args.path), paths.library_dir())
    converted = f", converted from {text.encoding.upper()}" if text.encoding != "utf-8" else ""
    print(f"added {title_of(text.content)} ({len(text.content):,} characters{converted}) "
          f"as {target}")
    return 0


def cmd_library(args: argparse.Namespace) -> int:
    """Open the library: pick a text to read."""
    settings = _settings(args)
    from studyaid.tui import run_library

    run_library(settings)
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    """Review the flashcards that are due."""
    settings = _settings(args)
    # Imported here so that every other command runs without loading textual.
    from studyaid.tui import run_review

    run_review(settings)
    return 0


def cmd_dict(args: argparse.Namespace) -> int:
    """Open the dictionary search screen (on QUERY, if given)."""
    settings = _settings(args)
    from studyaid.tui import run_search

    run_search(settings, " ".join(args.query))
    return 0


def cmd_words(args: argparse.Namespace) -> int:
    """Open the word list."""
    settings = _settings(args)
    from studyaid.tui import run_words

    run_words(settings)
    return 0


def cmd_lookup(args: argparse.Namespace) -> int:
    """Look up hanzi, pinyin or English."""
    dictionary = open_dictionary(_settings(args))
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


def cmd_gloss(args: argparse.Namespace) -> int:
    """Set, remove or list the learner's own glosses."""
    vocab = Vocab(_settings(args).vocab)
    if args.action == "set":
        entry = vocab.set_gloss(args.word, " ".join(args.text), args.reading, args.note)
        reading = f" [{' '.join(entry.reading)}]" if entry.reading else ""
        print(f"{entry.word}{reading}: {entry.gloss}  (saved to {vocab.glosses_path})")
    elif args.action == "rm":
        if not vocab.remove_gloss(args.word):
            raise StudyaidError(f"no gloss for {args.word!r}", vocab.glosses_path)
        print(f"removed {args.word}")
    else:
        glosses = sorted(vocab.glosses().values(), key=lambda g: g.word)
        if args.json:
            print(json.dumps([g.as_json() for g in glosses], ensure_ascii=False, indent=1))
        else:
            for g in glosses:
                reading = f" [{' '.join(g.reading)}]" if g.reading else ""
                print(f"{g.word}{reading}\t{g.gloss}" + (f"\t({g.note})" if g.note else ""))
    return 0


def _preview_lines(plan: Plan, path: str, fmt: str) -> list[str]:
    total = len(plan.new) + len(plan.same) + len(plan.conflicting)
    out = [f"{path} ({fmt}): {total} gloss{'es' if total != 1 else ''}",
           f"  new:         {len(plan.new)}",
           f"  same:        {len(plan.same)} (already glossed so)",
           f"  conflicting: {len(plan.conflicting)} (glossed otherwise: kept unless"
           " --overwrite)"]
    for mine, theirs in plan.conflicting[:IMPORT_SHOWN]:
        out.append(f"    {mine.word}: yours {mine.gloss!r}, the file's {theirs.gloss!r}")
    if len(plan.conflicting) > IMPORT_SHOWN:
        out.append(f"    … and {len(plan.conflicting) - IMPORT_SHOWN} more")
    if plan.repeated:
        out.append(f"  repeated:    {len(plan.repeated)} (a word given again; the first"
                   f" counts, e.g. line {plan.repeated[0].line})")
    return out


def cmd_import(args: argparse.Namespace) -> int:
    """Add glosses from a CC-CEDICT, Pleco or CSV file: preview and count first; nothing
    the learner glossed otherwise is overwritten without --overwrite."""
    from studyaid.imports import IMPORT_FORMATS, guess_format, plan

    path = Path(args.path)
    fmt = args.format or guess_format(path)
    incoming = IMPORT_FORMATS[fmt](path)
    vocab = Vocab(_settings(args).vocab)
    preview = plan(vocab.glosses(), incoming)
    for line in _preview_lines(preview, args.path, fmt):
        print(line)
    chosen = preview.to_write(args.overwrite)
    if not chosen:
        print("nothing to add")
        return 0
    what = (f"{len(preview.new)} new gloss{'es' if len(preview.new) != 1 else ''}"
            + (f" and {len(preview.conflicting)} overwritten" if args.overwrite
               and preview.conflicting else ""))
    if not args.yes:
        if not sys.stdin.isatty():
            print(f"preview only: add --yes to write {what} to {vocab.glosses_path}")
            return 0
        answer = input(f"Write {what} to {vocab.glosses_path}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("nothing written")
            return 0
    written = vocab.add_glosses(chosen, overwrite=args.overwrite)
    print(f"wrote {len(written)} gloss{'es' if len(written) != 1 else ''} to "
          f"{vocab.glosses_path}")
    return 0


def _collection(args: argparse.Namespace) -> tuple[Collection, datetime]:
    """The learner's cards and review history, and now; one warning line for skipped log
    lines. (studyaid.study is imported here: other commands never load fsrs.)"""
    from datetime import UTC

    from studyaid.study import Collection

    settings = _settings(args)
    collection = Collection(settings.vocab, settings.cache)
    if collection.warnings:
        more = len(collection.warnings) - 1
        print(f"studyaid: warning: {collection.warnings[0]}"
              + (f" (and {more} more)" if more else ""), file=sys.stderr)
    return collection, datetime.now(UTC)


def _sentence_with(annotator: Annotator, path: str, word: str) -> Sentence | None:
    """The first sentence of the text at ``path`` with ``word`` as a token (else in it)."""
    text = load_text(path)
    found = None
    for sentence in annotator.iter_annotate(text.content):
        if any(t.text == word for t in sentence.tokens):
            return sentence
        if found is None and word in sentence.text:
            found = sentence
    return found


def cmd_card_add(args: argparse.Namespace) -> int:
    """Add words as cards, built from the core (and the sentence of a text they are in)."""
    from datetime import UTC

    from studyaid.core.vocab.learner import Learner
    from studyaid.study import CardStore, card_from_entry, card_from_token

    settings = _settings(args)
    annotator = build_annotator(settings)
    now = datetime.now(UTC)
    store = CardStore(settings.vocab)
    existing = store.cards()
    text_id = str(Path(args.text).resolve()) if args.text else ""
    cards: list[Card] = []
    for word in dict.fromkeys(args.words):
        sentence = _sentence_with(annotator, args.text, word) if args.text else None
        token = next((t for t in sentence.tokens if t.text == word), None) if sentence else None
        shown = (Learner(settings.vocab).translation(text_id, sentence.index, sentence.text)
                 if sentence else None)
        if args.text and sentence is None:
            print(f"studyaid: warning: {word} is not in {args.text}", file=sys.stderr)
        translation = shown.english if shown else ""
        if sentence is not None and token is not None:
            card = card_from_token(annotator, sentence, token, now=now, translation=translation,
                                   text_id=text_id, recall=args.recall)
        else:
            card = card_from_entry(annotator, word, sentence.text if sentence else "", now=now,
                                   translation=translation,
                                   text_id=text_id if sentence else "", recall=args.recall)
        if card.word in existing or any(c.word == card.word for c in cards):
            print(f"{card.word} is already a card")
            continue
        cards.append(card)
    for card in store.add_many(cards):
        print(f"{card.word} [{card.reading}]: {card.gloss}")
    return 0


def cmd_cards(args: argparse.Namespace) -> int:
    """List the cards with their schedule."""
    collection, now = _collection(args)
    rows = collection.cards(now)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for row in rows:
        print(f"{row['word']}\t{row['state']}\tdue {row['due'][:16].replace('T', ' ')} UTC"
              f"\t{row['reviews']} reviews\t{row['gloss']}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """Print the review statistics (the stats screen's figures) as text."""
    from studyaid.study import render_stats

    collection, now = _collection(args)
    counts = collection.counts(now)
    print(f"Due now: {counts.due_now}; later today: {counts.due_later_today}; "
          f"new cards left today: {counts.new_left_today}")
    for line in render_stats(collection.stats(now)):
        print(line)
    return 0


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
    from studyaid.core.vocab.storage import write_atomic
    from studyaid.export import VOCAB_FORMATS, Filters, gather

    out = _output(args.output, args.force)
    try:
        since = date.fromisoformat(args.since) if args.since else None
    except ValueError:
        raise StudyaidError(f"--since {args.since!r} is not a date like 2026-01-31") from None
    settings = _settings(args)
    now = datetime.now(UTC)
    dictionary = open_dictionary(settings)

    def card_statuses() -> dict[str, str]:
        collection, _ = _collection(args)
        return collection.statuses(now)

    items = gather(
        settings.vocab,
        filters=Filters(args.text, args.status, since, args.cards_only),
        entries=lambda word: entries_for(dictionary, word),
        card_statuses=card_statuses,
    )
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
    from studyaid.core.vocab.learner import Learner
    from studyaid.core.vocab.storage import write_atomic
    from studyaid.export.text import TEXT_FORMATS, build_document, title_of

    out = _output(args.output, args.force)
    if args.path is not None and out.exists() and out.resolve() == Path(args.path).resolve():
        raise StudyaidError("is the text being exported; choose another file", out)
    text, text_id = _text(args)
    settings = _settings(args)
    annotator = build_annotator(settings)
    learner = Learner(settings.vocab)
    document = build_document(
        title_of(text.content), annotator.iter_annotate(text.content),
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


def cmd_locate(args: argparse.Namespace) -> int:
    """Print where studyaid keeps things."""
    settings = _settings(args)
    for name, where in paths.locations(settings.vocab, settings.cedict).items():
        print(f"{name}: {where}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    # The common options are accepted before and after the command; SUPPRESS keeps a
    # command's parser from resetting one given before it (studyaid --vocab DIR gloss list).
    common = _Parser(add_help=False)
    common.add_argument("--vocab", metavar="DIR", default=argparse.SUPPRESS,
                        help="the vocab folder (default: see README)")
    common.add_argument("--cedict", metavar="FILE", default=argparse.SUPPRESS,
                        help="a cedict_ts.u8 to use instead")
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show tracebacks on errors")

    parser = _Parser(
        prog="studyaid",
        description="Read Chinese with pinyin, glosses and idiom notes.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"studyaid {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    annotate = sub.add_parser("annotate", parents=[common], help="annotate a text")
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
    annotate.add_argument("--join-lines", action="store_true", help=JOIN_HELP)
    annotate.set_defaults(run=cmd_annotate)

    read = sub.add_parser("read", parents=[common], help="read a text in the reader")
    read.add_argument("path", nargs="?", help="a text file (default: the bundled seed article)")
    read.add_argument("--join-lines", action="store_true", help=JOIN_HELP)
    read.set_defaults(run=cmd_read)

    review = sub.add_parser("review", parents=[common], help="review the flashcards due")
    review.set_defaults(run=cmd_review)

    dictionary = sub.add_parser("dict", parents=[common],
                                help="the dictionary search screen (results as you type)")
    dictionary.add_argument("query", nargs="*", help="what to search for first")
    dictionary.set_defaults(run=cmd_dict)

    words = sub.add_parser("words", parents=[common],
                           help="every word you glossed, marked or carded, to edit")
    words.set_defaults(run=cmd_words)

    lookup = sub.add_parser("lookup", parents=[common], help="look up a word")
    lookup.add_argument("query", nargs="+", help="hanzi, pinyin (fudichouxin, fu3 di3) or English")
    lookup.add_argument("--json", action="store_true")
    lookup.add_argument("--limit", type=int, default=10)
    lookup.set_defaults(run=cmd_lookup)

    gloss = sub.add_parser("gloss", parents=[common], help="the learner's own glosses")
    gloss_sub = gloss.add_subparsers(dest="action", required=True, parser_class=_Parser)
    gset = gloss_sub.add_parser("set", parents=[common], help="add or change a gloss")
    gset.add_argument("word")
    gset.add_argument("text", nargs="+", help="the English gloss")
    gset.add_argument("--reading", help="numbered pinyin that always wins, e.g. 'ao4 te4 man4'")
    gset.add_argument("--note")
    grm = gloss_sub.add_parser("rm", parents=[common], help="remove a gloss")
    grm.add_argument("word")
    glist = gloss_sub.add_parser("list", parents=[common], help="list glosses")
    glist.add_argument("--json", action="store_true")
    gloss.set_defaults(run=cmd_gloss)

    imp = sub.add_parser("import", parents=[common],
                         help="add glosses from a CC-CEDICT, Pleco or CSV file (previewed)")
    imp.add_argument("path", help="the file")
    imp.add_argument("--format", choices=IMPORT_FORMAT_NAMES,
                     help="cedict, pleco (flashcard text) or csv (word,gloss[,reading]);"
                     " default: from the file")
    imp.add_argument("--yes", action="store_true", help="write without asking")
    imp.add_argument("--overwrite", action="store_true",
                     help="replace glosses you wrote otherwise (kept by default)")
    imp.set_defaults(run=cmd_import)

    card = sub.add_parser("card", parents=[common], help="flashcards: add words")
    card_sub = card.add_subparsers(dest="action", required=True, parser_class=_Parser)
    cadd = card_sub.add_parser("add", parents=[common], help="add words as cards")
    cadd.add_argument("words", nargs="+", metavar="WORD")
    cadd.add_argument("--text", metavar="PATH",
                      help="a text the words are in: the card keeps their sentence")
    cadd.add_argument("--recall", action="store_true",
                      help="also review English -> hanzi")
    cadd.set_defaults(run=cmd_card_add)

    cards = sub.add_parser("cards", parents=[common], help="list the flashcards")
    cards.add_argument("--json", action="store_true")
    cards.set_defaults(run=cmd_cards)

    stats = sub.add_parser("stats", parents=[common], help="review statistics")
    stats.set_defaults(run=cmd_stats)

    export = sub.add_parser("export", parents=[common],
                            help="export words (or a text) for other programs")
    export_sub = export.add_subparsers(dest="what", metavar="vocab|text", required=True,
                                       parser_class=_Parser)
    # -- export vocab ---------------------------------------------------------------------
    evocab = export_sub.add_parser(
        "vocab", parents=[common], help="cards and glossed words for Anki, Pleco, spreadsheets")
    evocab.add_argument("--format", required=True,
                        choices=VOCAB_FORMAT_NAMES,
                        help="apkg (Anki package), anki (Anki import text), pleco, csv, md")
    evocab.add_argument("-o", "--output", required=True, metavar="FILE")
    evocab.add_argument("--text", metavar="PATH", help="only words met in this text")
    evocab.add_argument("--status", choices=("new", "learning", "known"))
    evocab.add_argument("--since", metavar="DATE", help="only cards added on or after DATE "
                        "(YYYY-MM-DD, UTC)")
    evocab.add_argument("--cards-only", action="store_true",
                        help="only cards, not every glossed word")
    evocab.add_argument("--force", action="store_true", help="replace an existing file")
    evocab.set_defaults(run=cmd_export_vocab)
    # -- export text --------------------------------------------------------------------
    etext = export_sub.add_parser(
        "text", parents=[common], help="a text with pinyin, translations, idiom notes, glossary")
    etext.add_argument("path", nargs="?", help="a text file (default: the bundled seed article)")
    etext.add_argument("--format", required=True, choices=("html", "md"),
                       help="html (a self-contained page) or md (Markdown)")
    etext.add_argument("-o", "--output", required=True, metavar="FILE")
    etext.add_argument("--force", action="store_true", help="replace an existing file")
    etext.add_argument("--join-lines", action="store_true", help=JOIN_HELP)
    etext.set_defaults(run=cmd_export_text)

    profile = sub.add_parser("profile", parents=[common],
                             help="a text's length and difficulty (HSK levels, known words)")
    profile.add_argument("path", help="a text file, or - for standard input")
    profile.add_argument("--json", action="store_true")
    profile.add_argument("--join-lines", action="store_true", help=JOIN_HELP)
    profile.set_defaults(run=cmd_profile)

    add = sub.add_parser("add", parents=[common], help="copy a text into the library folder")
    add.add_argument("path", help="a text file (any encoding studyaid reads)")
    add.set_defaults(run=cmd_add)

    library = sub.add_parser("library", parents=[common], help="the library: pick a text")
    library.set_defaults(run=cmd_library)

    locate = sub.add_parser("locate", parents=[common], help="where studyaid keeps things")
    locate.set_defaults(run=cmd_locate)
    return parser


def _default(args: argparse.Namespace) -> int:
    """No command: open the reader on the bundled seed article."""
    args.path = None
    return cmd_read(args)


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


if __name__ == "__main__":
    sys.exit(main())
