"""Commands on flashcards: ``card add``, ``cards`` (the list), ``review``, ``stats``.

studyaid.study is imported inside them: other commands never load fsrs.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import TYPE_CHECKING

from studyaid.cli.common import Commands, Parser, collection, settings
from studyaid.core.text.library import text_id_of
from studyaid.core.text.loader import for_reading, load_text
from studyaid.core.vocab.learner import Learner, known_growth

if TYPE_CHECKING:
    from studyaid.core.engine.annotate import Annotator
    from studyaid.core.model import Sentence
    from studyaid.study import Card


def _sentence_with(annotator: Annotator, content: str, word: str) -> Sentence | None:
    """The first sentence of a text with ``word`` as a token (else in it)."""
    found = None
    for sentence in annotator.iter_annotate(content):
        if any(t.text == word for t in sentence.tokens):
            return sentence
        if found is None and word in sentence.text:
            found = sentence
    return found


def cmd_card_add(args: argparse.Namespace) -> int:
    """Add words as cards, built from the core (and the sentence of a text they are in)."""
    from datetime import UTC

    from studyaid.core.engine.services import build_annotator
    from studyaid.core.vocab.learner import Learner
    from studyaid.study import CardStore, card_from_entry, card_from_token

    found = settings(args)
    # The text as the reader reads it, under the reader's id (the seed's for the seed
    # article's copy), so a card is the same from here and from the reader.
    content = for_reading(load_text(args.text)).content if args.text else ""
    text_id = text_id_of(args.text, content) if args.text else ""
    annotator = build_annotator(found, text_id=text_id)
    now = datetime.now(UTC)
    store = CardStore(found.vocab)
    existing = store.cards()
    cards: list[Card] = []
    for word in dict.fromkeys(args.words):
        sentence = _sentence_with(annotator, content, word) if args.text else None
        token = next((t for t in sentence.tokens if t.text == word), None) if sentence else None
        shown = (Learner(found.vocab).translation(text_id, sentence.index, sentence.text)
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
    cards, now = collection(args)
    rows = cards.cards(now)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for row in rows:
        print(f"{row['word']}\t{row['state']}\tdue {row['due'][:16].replace('T', ' ')} UTC"
              f"\t{row['reviews']} reviews\t{row['gloss']}")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    """Review the flashcards that are due."""
    found = settings(args)
    # Imported here so that every other command runs without loading textual.
    from studyaid.tui import run_review

    run_review(found)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """Print the review statistics (the stats screen's figures) as text."""
    from studyaid.study import render_stats

    cards, now = collection(args)
    counts = cards.counts(now)
    print(f"Due now: {counts.due_now}; later today: {counts.due_later_today}; "
          f"new cards left today: {counts.new_left_today}")
    for line in render_stats(cards.stats(now)):
        print(line)
    growth = known_growth(Learner(settings(args).vocab).status_rows(), now.date())
    print(f"Known words: {growth[-1][1]:,} now (marked known: K, J, W, studyaid known)")
    previous = None
    for end, count in growth:
        change = "" if previous is None else f" ({count - previous:+,})"
        print(f"  week to {end.isoformat()}: {count:,}{change}")
        previous = count
    return 0


def add_review(commands: Commands, common: Parser) -> None:
    """``review``."""
    review = commands.add_parser("review", parents=[common], help="review the flashcards due")
    review.set_defaults(run=cmd_review)


def add_card(commands: Commands, common: Parser) -> None:
    """``card add WORD...``."""
    card = commands.add_parser("card", parents=[common], help="flashcards: add words")
    actions = card.add_subparsers(dest="action", required=True, parser_class=Parser)
    cadd = actions.add_parser("add", parents=[common], help="add words as cards")
    cadd.add_argument("words", nargs="+", metavar="WORD")
    cadd.add_argument("--text", metavar="PATH",
                      help="a text the words are in: the card keeps their sentence")
    cadd.add_argument("--recall", action="store_true",
                      help="also review English -> hanzi")
    cadd.set_defaults(run=cmd_card_add)


def add_cards(commands: Commands, common: Parser) -> None:
    """``cards``."""
    cards = commands.add_parser("cards", parents=[common], help="list the flashcards")
    cards.add_argument("--json", action="store_true")
    cards.set_defaults(run=cmd_cards)


def add_stats(commands: Commands, common: Parser) -> None:
    """``stats``."""
    stats = commands.add_parser("stats", parents=[common], help="review statistics")
    stats.set_defaults(run=cmd_stats)
