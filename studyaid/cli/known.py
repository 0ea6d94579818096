"""``known``: what the learner already knows, in bulk (``add``, ``rm``, ``list``,
``import``), and ``undo``: the last change to the vocab folder undone."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from studyaid.cli.common import Commands, Parser, settings
from studyaid.core.errors import StudyaidError
from studyaid.core.vocab.learner import KNOWN, NEW, Learner

SHOWN = 20
"""Words an import's preview lists of each kind before saying how many more."""


def _words(words: list[str], more: int = SHOWN) -> str:
    shown = " ".join(words[:more])
    return shown + (f" … and {len(words) - more} more" if len(words) > more else "")


def _hsk_words(levels: str) -> list[str]:
    from studyaid.core.dictionary.hsk import parse_levels, words_at

    try:
        return words_at(parse_levels(levels))
    except ValueError as exc:
        raise StudyaidError(str(exc)) from None


def cmd_known(args: argparse.Namespace) -> int:
    """Add, remove, list or import known words."""
    learner = Learner(settings(args).vocab)
    if args.action == "list":
        rows = sorted(learner.status_rows().items())
        known = [{"word": w, "since": r.since} for w, r in rows if r.status == KNOWN]
        if args.json:
            print(json.dumps(known, ensure_ascii=False, indent=1))
        else:
            for row in known:
                print(f"{row['word']}\t{row['since']}")
        return 0
    if args.action == "import":
        return _import(args, learner)
    words = list(args.words)
    if args.action == "add" and args.hsk:
        words += _hsk_words(args.hsk)
    if not words:
        raise StudyaidError("name words, or --hsk LEVELS")
    status = KNOWN if args.action == "add" else NEW
    if status == NEW:
        stored = learner.statuses()
        words = [w for w in words if stored.get(w) == KNOWN]
    changed = learner.set_statuses(words, status)
    verb = "now known" if status == KNOWN else "no longer known"
    print(f"{len(changed)} word{'s' if len(changed) != 1 else ''} {verb}"
          + (f" ({len(words) - len(changed)} already)" if status == KNOWN
             and len(changed) < len(words) else ""))
    return 0


def _import(args: argparse.Namespace, learner: Learner) -> int:
    from studyaid.imports.known_list import plan_known, read_known

    found = read_known(Path(args.path), args.format, args.field)  # errors before writing
    plan = plan_known(found, learner.statuses())
    print(f"{args.path}: {len(found)} lines, {len(plan.new) + len(plan.known)} words")
    print(f"  new, to mark known: {len(plan.new)}" + (f": {_words(plan.new)}" if plan.new
                                                      else ""))
    print(f"  already known: {len(plan.known)}" + (f": {_words(plan.known)}" if plan.known
                                                   else ""))
    if not plan.new:
        print("nothing to add")
        return 0
    what = f"{len(plan.new)} known word{'s' if len(plan.new) != 1 else ''}"
    if not args.yes:
        if not sys.stdin.isatty():
            print(f"preview only: add --yes to mark {what}")
            return 0
        if input(f"Mark {what}? [y/N] ").strip().lower() not in ("y", "yes"):
            print("nothing written")
            return 0
    changed = learner.set_statuses(plan.new, KNOWN, what=f"{what} imported from {args.path}")
    print(f"marked {len(changed)} word{'s' if len(changed) != 1 else ''} known")
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    """Undo the last change to the vocab folder (glosses, statuses, readings, rules,
    translations, cards), one per call."""
    from studyaid.study.undo import undo

    change = undo(settings(args).vocab)
    print(f"undone: {change.what} ({change.at})" if change else "nothing to undo")
    return 0


def add_known(commands: Commands, common: Parser) -> None:
    """``known``."""
    from studyaid.imports.known_list import KNOWN_FORMATS

    known = commands.add_parser("known", parents=[common], help="the words you know")
    actions = known.add_subparsers(dest="action", required=True, parser_class=Parser)
    add = actions.add_parser("add", parents=[common], help="mark words known")
    add.add_argument("words", nargs="*", metavar="WORD")
    add.add_argument("--hsk", metavar="LEVELS",
                     help="every word of these HSK 3.0 levels: 1-3, 1,2,4, 7-9")
    rm = actions.add_parser("rm", parents=[common], help="words no longer known (new again)")
    rm.add_argument("words", nargs="+", metavar="WORD")
    listing = actions.add_parser("list", parents=[common], help="the known words and since when")
    listing.add_argument("--json", action="store_true", help='[{"word", "since"}, ...]')
    imp = actions.add_parser("import", parents=[common],
                             help="mark a list's words known (previewed first)")
    imp.add_argument("path", metavar="FILE")
    imp.add_argument("--format", choices=list(KNOWN_FORMATS),
                     help="list, pleco, anki (notes export) or csv (default: guessed)")
    imp.add_argument("--field", type=int, metavar="N",
                     help="the field (from 1) that holds the word (anki, csv)")
    imp.add_argument("--yes", action="store_true", help="write without asking")
    known.set_defaults(run=cmd_known)


def add_undo(commands: Commands, common: Parser) -> None:
    """``undo``."""
    undo = commands.add_parser("undo", parents=[common],
                               help="undo the last change to your vocab folder")
    undo.set_defaults(run=cmd_undo)


def cmd_mine(args: argparse.Namespace) -> int:
    """Sentences to learn from (i+1): those of the learner's texts with exactly one word
    not known yet."""
    from studyaid import paths
    from studyaid.cli.common import collection, text
    from studyaid.core.engine.text_words import one_unknown, words_of
    from studyaid.core.text.library import LIBRARY_SETTINGS, Shelves, list_texts, load_folders

    found = settings(args)
    learner = Learner(found.vocab)
    cards, now = collection(args)
    statuses = cards.statuses(now) | learner.statuses()

    def known(word: str) -> bool:
        return statuses.get(word) == KNOWN

    if args.text is not None:
        args.path = None if args.text == "seed" else args.text
        texts = [text(args)]
    else:
        shelves = Shelves(paths.library_dir(),
                          load_folders(paths.config_dir() / LIBRARY_SETTINGS))
        entries, problems = list_texts(shelves, learner)
        for problem in problems:
            print(f"studyaid: warning: {problem}", file=sys.stderr)
        texts = []
        for entry in entries:
            args.path = None if entry.path is None else str(entry.path)
            try:
                texts.append(text(args))
            except StudyaidError as exc:
                print(f"studyaid: warning: {exc}", file=sys.stderr)
    mined = [m for loaded, text_id in texts
             for m in one_unknown(text_id, words_of(found, loaded.content, text_id), known)]
    if args.json:
        print(json.dumps([m.as_json() for m in mined], ensure_ascii=False, indent=1))
        return 0
    if not mined:
        print("no sentence with exactly one word you do not know yet")
        return 0
    for m in mined:
        print(f"{m.word}\t{m.sentence}\t({m.text}, sentence {m.index + 1})")
    return 0


def add_mine(commands: Commands, common: Parser) -> None:
    """``mine``."""
    mine = commands.add_parser(
        "mine", parents=[common],
        help="sentences of your texts with exactly one word you do not know yet (i+1); "
        "only 'known' counts as known (learning words do not)")
    mine.add_argument("--text", metavar="PATH", help="only this text (a file, or seed)")
    mine.add_argument("--json", action="store_true", help='[{"text", "sentence", "word"}, ...]')
    mine.add_argument("--join-lines", action=argparse.BooleanOptionalAction,
                      help="join a hard-wrapped text's lines (default: when it looks so)")
    mine.set_defaults(run=cmd_mine)
