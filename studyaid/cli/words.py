"""Commands on the learner's words: ``gloss`` (set, rm, list), ``import`` glosses from
another program's file, and the ``words`` screen."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from studyaid.cli.common import Commands, Parser, one_of, settings, text
from studyaid.core.errors import StudyaidError
from studyaid.core.text.library import SEED_ID, text_id_of
from studyaid.core.text.loader import load_text
from studyaid.core.vocab.glosses import Vocab
from studyaid.imports import IMPORT_FORMATS


def cmd_words(args: argparse.Namespace) -> int:
    """Open the word list; with ``--text``, print the words of a text instead."""
    if args.text is not None:
        return _text_words(args)
    found = settings(args)
    from studyaid.tui import run_words

    run_words(found)
    return 0


def _text_words(args: argparse.Namespace) -> int:
    """Every distinct word of a text: count, HSK level, status, gloss, first sentence."""
    from datetime import UTC, datetime

    from studyaid.cli.common import collection
    from studyaid.core.engine.text_words import text_words, words_of
    from studyaid.core.output.line_break import cell_width
    from studyaid.core.vocab.learner import Learner

    found = settings(args)
    args.path = None if args.text == SEED_ID else args.text
    loaded, text_id = text(args)
    sentences = words_of(found, loaded.content, text_id)
    cards, now = collection(args)
    statuses = cards.statuses(now) | Learner(found.vocab).statuses()
    dues = {row["word"]: row["due"] for row in cards.cards(now or datetime.now(UTC))}
    rows = text_words(sentences, statuses, dues)
    if args.json:
        print(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=1))
        return 0
    wide = max((cell_width(r.word) for r in rows), default=4)
    print(f"{'word'.ljust(wide)}  count  HSK     status    sentence  gloss")
    for r in rows:
        gloss = r.gloss if r.gloss_source in ("dictionary", "characters") \
            else f"{r.gloss} ({r.gloss_source})"
        print(f"{r.word}{' ' * (wide - cell_width(r.word))}  {r.count:5}  {r.hsk:6}  "
              f"{r.status:8}  {r.first_sentence:8}  {gloss}")
    return 0


def _text_id(path: str | None) -> str:
    """The id of the text ``--text`` names (``seed``, or a readable file's)."""
    if not path:
        return ""
    if path == SEED_ID:
        return path
    return text_id_of(path, load_text(path).content)  # the seed's copy is the seed


def cmd_gloss(args: argparse.Namespace) -> int:
    """Set, remove or list the learner's own glosses."""
    vocab = Vocab(settings(args).vocab)
    scope = _text_id(getattr(args, "scope", None))
    where = f" in {scope}" if scope else ""
    if args.action == "set":
        entry = vocab.set_gloss(args.word, " ".join(args.text), args.reading, args.note,
                                text=scope)
        reading = f" [{' '.join(entry.reading)}]" if entry.reading else ""
        print(f"{entry.word}{reading}: {entry.gloss}{where}  (saved to {vocab.glosses_path})")
    elif args.action == "rm":
        if not vocab.remove_gloss(args.word, scope):
            raise StudyaidError(f"no gloss for {args.word!r}{where}", vocab.glosses_path)
        print(f"removed {args.word}{where}")
    else:
        glosses = sorted(vocab.glosses().values(), key=lambda g: g.word)
        if args.json:
            print(json.dumps([g.as_json() for g in glosses], ensure_ascii=False, indent=1))
        else:
            for g in glosses:
                reading = f" [{' '.join(g.reading)}]" if g.reading else ""
                print(f"{g.word}{reading}\t{g.gloss}" + (f"\t({g.note})" if g.note else ""))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Add glosses from a CC-CEDICT, Pleco or CSV file: preview and count first; nothing
    the learner glossed otherwise is overwritten without --overwrite."""
    from studyaid.imports import guess_format, plan, preview_lines

    path = Path(args.path)
    fmt = args.format or guess_format(path)
    incoming = IMPORT_FORMATS[fmt](path)
    vocab = Vocab(settings(args).vocab)
    preview = plan(vocab.glosses(), incoming)
    for line in preview_lines(preview, args.path, fmt):
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


def add_words(commands: Commands, common: Parser) -> None:
    """``words``."""
    words = commands.add_parser("words", parents=[common],
                                help="every word you glossed, marked or carded, to edit; "
                                "with --text, the words of a text")
    words.add_argument("--text", metavar="PATH",
                       help="print every word of this text (a file, or seed): count, HSK "
                       "level, status, gloss, first sentence, most frequent first")
    words.add_argument("--json", action="store_true",
                       help='with --text: [{"word", "count", "hsk", "status", "gloss", '
                       '"gloss_source", "first_sentence", "due"}, ...]')
    words.add_argument("--join-lines", action=argparse.BooleanOptionalAction,
                       help="with --text: join a hard-wrapped text's lines (default: when "
                       "it looks hard-wrapped)")
    words.set_defaults(run=cmd_words)


def add_gloss(commands: Commands, common: Parser) -> None:
    """``gloss set WORD TEXT``, ``gloss rm WORD``, ``gloss list``."""
    gloss = commands.add_parser("gloss", parents=[common], help="the learner's own glosses")
    actions = gloss.add_subparsers(dest="action", required=True, parser_class=Parser)
    gset = actions.add_parser("set", parents=[common], help="add or change a gloss")
    gset.add_argument("word")
    gset.add_argument("text", nargs="+", help="the English gloss")
    gset.add_argument("--reading", help="numbered pinyin that always wins, e.g. 'ao4 te4 man4'")
    gset.add_argument("--note")
    scope_help = "in this text only (a file, or seed); its gloss wins there"
    gset.add_argument("--text", dest="scope", metavar="PATH", help=scope_help)
    grm = actions.add_parser("rm", parents=[common], help="remove a gloss")
    grm.add_argument("word")
    grm.add_argument("--text", dest="scope", metavar="PATH", help="the gloss for this text")
    glist = actions.add_parser("list", parents=[common], help="list glosses")
    glist.add_argument("--json", action="store_true")
    gloss.set_defaults(run=cmd_gloss)


def add_import(commands: Commands, common: Parser) -> None:
    """``import PATH``."""
    imp = commands.add_parser("import", parents=[common],
                              help="add glosses from a CC-CEDICT, Pleco or CSV file (previewed)")
    imp.add_argument("path", help="the file")
    imp.add_argument("--format", choices=list(IMPORT_FORMATS),
                     help=f"{one_of(IMPORT_FORMATS)}; default: from the file")
    imp.add_argument("--yes", action="store_true", help="write without asking")
    imp.add_argument("--overwrite", action="store_true",
                     help="replace glosses you wrote otherwise (kept by default)")
    imp.set_defaults(run=cmd_import)
