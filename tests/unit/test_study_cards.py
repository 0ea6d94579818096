"""cards.tsv: validated, never duplicated, atomic; cards built from the core."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from studyaid.core.dictionary.lookup import Lookup
from studyaid.core.errors import StudyaidError
from studyaid.core.model import Gloss
from studyaid.study import CARDS, Card, CardStore, card_from_entry, card_from_token

T = datetime(2025, 5, 1, 8, 0, tzinfo=UTC)


def card(word: str, **fields) -> Card:
    base = dict(traditional=word, reading="", gloss="", note="", sentence="", translation="",
                source="", added=T, recall=False)
    base.update(fields)
    return Card(word, **base)  # type: ignore[arg-type]


def test_cards_are_added_once_and_sorted(vocab_dir: Path) -> None:
    store = CardStore(vocab_dir)
    assert store.add(card("釜底抽薪", reading="fu3 di3 chou1 xin1", gloss="drastic action",
                          sentence="……无疑是釜底抽薪式的打击。", recall=True))
    assert store.add(card("合作"))
    assert not store.add(card("合作", gloss="another"))
    assert [c.word for c in store.add_many([card("微软"), card("合作")])] == ["微软"]
    lines = (vocab_dir / CARDS).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# studyaid cards")
    assert [line.split("\t")[0] for line in lines[1:]] == sorted(["釜底抽薪", "合作", "微软"])
    again = CardStore(vocab_dir).cards()
    assert again["釜底抽薪"].recall and again["釜底抽薪"].added == T
    assert again["合作"].gloss == ""
    assert CardStore(vocab_dir).remove("合作") and "合作" not in CardStore(vocab_dir).cards()


def test_tabs_and_newlines_stay_one_line(vocab_dir: Path) -> None:
    store = CardStore(vocab_dir)
    store.add(card("合作", sentence="我们\t要\n合作。"))
    assert CardStore(vocab_dir).cards()["合作"].sentence == "我们 要 合作。"


ROW = "合作\t合作\the2 zuo4\tto cooperate\t\t\t\tseed\t2025-05-01T08:00:00+00:00\tno"
# A broken file: reported with file:line, and never rewritten.
BROKEN = [
    (ROW.replace("\tno", ""), "9 tab-separated fields"),
    ("\t" + ROW.split("\t", 1)[1], "the word"),
    (ROW.replace("2025-05-01T08:00:00+00:00", "yesterday"), "not an ISO-8601 time"),
    (ROW.replace("2025-05-01T08:00:00+00:00", "2025-05-01T08:00:00"), "with a timezone"),
    (ROW.replace("\tno", "\tmaybe"), "recall 'maybe'"),
    (ROW + "\n" + ROW, "appears twice"),
]


@pytest.mark.parametrize(("content", "problem"), BROKEN)
def test_broken_file_is_reported_and_kept(vocab_dir: Path, content: str, problem: str) -> None:
    path = vocab_dir / CARDS
    path.write_text("# header\n" + content + "\n", encoding="utf-8")
    with pytest.raises(StudyaidError) as caught:
        CardStore(vocab_dir).add(card("微软"))
    assert problem in str(caught.value)
    assert f"{path}:{2 if 'twice' not in problem else 3}: " in str(caught.value)
    assert path.read_text(encoding="utf-8") == "# header\n" + content + "\n"


# Building a card from the core: the learner's gloss first, else CC-CEDICT's.
def test_card_from_the_annotator(annotator) -> None:
    made = card_from_entry(annotator, "釜底抽薪", "这无疑是釜底抽薪。", now=T,
                           translation="This is cutting the ground away.", text_id="seed")
    assert (made.word, made.reading) == ("釜底抽薪", "fu3 di3 chou1 xin1")
    assert "drastic" in made.gloss and made.note.startswith("lit. ")
    assert (made.sentence, made.translation, made.source, made.added) == (
        "这无疑是釜底抽薪。", "This is cutting the ground away.", "seed", T)
    # traditional in, simplified id out
    assert card_from_entry(annotator, "微軟", now=T).word == "微软"
    assert card_from_entry(annotator, "微软", now=T).traditional == "微軟"


def test_card_from_a_lookup_prefers_the_learners_gloss(dictionary) -> None:
    lookup = Lookup(dictionary, {"合作": Gloss("合作", "team up", ("he2", "zuo4"))})
    assert card_from_entry(lookup, "合作", now=T).gloss == "team up"
    plain = card_from_entry(Lookup(dictionary), "合作", now=T)
    assert plain.gloss.startswith("to cooperate") and plain.reading == "he2 zuo4"
    assert plain.note == ""


# One card builder: a word met in a sentence is the same card from every entry point.
@pytest.mark.parametrize(("sentence", "cursor", "word"), [
    ("这无疑是釜底抽薪。", "釜底抽薪", "釜底抽薪"),            # the token is the idiom
    ("杀敌一千，自损八百，不值得。", "杀敌", "杀敌一千，自损八百"),  # part of an idiom: the whole
    ("微软和OpenAI的合作。", "合作", "合作"),                  # a plain word
])
def test_card_from_a_token_applies_the_whole_idiom_rule(annotator, sentence, cursor,
                                                        word) -> None:
    annotated = annotator.annotate(sentence)[0]
    token = next(t for t in annotated.tokens if t.text == cursor)
    card = card_from_token(annotator, annotated, token, now=T, translation="x",
                           text_id="seed")
    assert (card.word, card.sentence, card.translation, card.source) == (
        word, sentence, "x", "seed")
    assert len(card.reading.split()) == sum(1 for ch in word if "\u4e00" <= ch <= "\u9fff")
    if word != cursor:
        assert card.note and card.gloss == card.note
    if word == cursor:  # a whole token: the same card as from the dictionary, but for
        entry = card_from_entry(annotator, word, sentence, now=T, translation="x",
                                text_id="seed")  # the reading as the sentence reads it
        assert (entry.word, entry.gloss, entry.sentence) == (card.word, card.gloss,
                                                             card.sentence)
