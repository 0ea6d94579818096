"""Everything about one word outside any text (the dictionary screen's entry), and the
learner's word list (the word list screen's rows)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from studyaid.core.dictionary.idioms import IdiomFinder, load_notes
from studyaid.core.dictionary.index import Dictionary
from studyaid.core.dictionary.lookup import Lookup
from studyaid.core.dictionary.word_report import find_examples, learner_texts, word_report
from studyaid.core.model import Gloss
from studyaid.core.vocab.glosses import Vocab
from studyaid.core.vocab.learner import Learner
from studyaid.paths import seed_text
from studyaid.study import CardStore, card_from_entry
from studyaid.study.word_list import delete_word, word_rows

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
TEXT = "第一句话里没有。微软用了釜底抽薪的办法！第三句也有釜底抽薪\n最后一句。"


@pytest.mark.parametrize(
    ("forms", "sentences"),
    [
        # The whole sentence, its end punctuation kept; each sentence once.
        (["釜底抽薪"], ["微软用了釜底抽薪的办法！", "第三句也有釜底抽薪"]),
        (["微软", "微軟"], ["微软用了釜底抽薪的办法！"]),
        (["第一"], ["第一句话里没有。"]),
        (["不在"], []),
    ],
)
def test_find_examples(forms: list[str], sentences: list[str]) -> None:
    found = find_examples(forms, [("mine", TEXT)])
    assert [e.sentence for e in found] == sentences
    assert all(e.title == "mine" for e in found)


def test_examples_are_limited_per_text() -> None:
    text = "。".join(f"第{i}句有词" for i in range(10))
    assert len(find_examples(["词"], [("a", text)], limit=6, per_text=3)) == 3
    assert len(find_examples(["词"], [("a", text), ("b", text + "。")], limit=4)) == 4


def test_learner_texts_are_the_seed_and_the_texts_read(tmp_path: Path, vocab_dir: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("我读过的文章。", encoding="utf-8")
    learner = Learner(vocab_dir)
    learner.set_position(str(article), 0)
    learner.set_position(str(tmp_path / "gone.txt"), 3)  # moved away since: skipped
    learner.set_position("seed", 2)
    assert learner_texts(vocab_dir, "种子") == [("seed article", "种子"),
                                                ("article.txt", "我读过的文章。")]


def test_report_of_an_idiom(dictionary: Dictionary) -> None:
    lookup = Lookup(dictionary, {"釜底抽薪": Gloss("釜底抽薪", "pull the rug out")})
    report = word_report(lookup, "釜底抽薪", IdiomFinder(dictionary, load_notes()),
                         [("seed article", seed_text())])
    assert [e.pinyin for e in report.entries] == ["fu3 di3 chou1 xin1"]
    assert report.gloss is not None and report.gloss.gloss == "pull the rug out"
    assert report.idiom is not None and report.idiom.note is not None
    assert [ch for ch, _, _ in report.characters] == list("釜底抽薪")
    assert report.examples and "釜底抽薪" in report.examples[0].sentence


def test_report_of_a_traditional_word(dictionary: Dictionary) -> None:
    report = word_report(Lookup(dictionary, {}), "斷糧")
    assert [e.simplified for e in report.entries] == ["断粮"]
    assert report.idiom is None and report.gloss is None
    assert "断粮" not in [e.simplified for e in report.containing]


# -- The word list ----------------------------------------------------------------------


def fill(vocab: Path, dictionary: Dictionary) -> None:
    Vocab(vocab).set_gloss("厨师", "chef")
    Learner(vocab).set_status("银行", "known")
    Learner(vocab).set_status("厨师", "learning")
    card = card_from_entry(Lookup(dictionary), "釜底抽薪", now=NOW, text_id="/x/article.txt")
    CardStore(vocab).add(card)


def test_word_rows(vocab_dir: Path, dictionary: Dictionary) -> None:
    fill(vocab_dir, dictionary)
    rows = {r.word: r for r in word_rows(vocab_dir, None, NOW,
                                         lambda w: dictionary.entries(w)[0].syllables)}
    assert sorted(rows) == ["厨师", "釜底抽薪", "银行"]
    chef, idiom, bank = rows["厨师"], rows["釜底抽薪"], rows["银行"]
    assert (chef.gloss, chef.status, chef.due, chef.reading) == (
        "chef", "learning", None, ("chu2", "shi1"))
    assert (bank.gloss, bank.status, bank.marked, bank.glossed) == ("", "known", True, False)
    assert idiom.carded and idiom.status == "learning" and idiom.due == NOW
    assert idiom.source == "article.txt" and idiom.gloss.startswith("to take drastic")
    assert chef.matches("CHEF") and chef.matches("chushi") and chef.matches("chu2")
    assert not bank.matches("chef") and idiom.matches("article")


def test_delete_word_from_every_file(vocab_dir: Path, dictionary: Dictionary) -> None:
    fill(vocab_dir, dictionary)
    assert delete_word(vocab_dir, "厨师") == ["glosses", "status"]
    assert delete_word(vocab_dir, "釜底抽薪") == ["cards"]
    assert delete_word(vocab_dir, "釜底抽薪") == []
    assert [r.word for r in word_rows(vocab_dir, None, NOW)] == ["银行"]


def test_delete_stops_at_a_broken_file(vocab_dir: Path, dictionary: Dictionary) -> None:
    fill(vocab_dir, dictionary)
    (vocab_dir / "status.tsv").write_text("厨师\tmaybe\n", encoding="utf-8")
    before = (vocab_dir / "glosses.tsv").read_text(encoding="utf-8")
    with pytest.raises(Exception, match="status.tsv:1:"):
        delete_word(vocab_dir, "厨师")
    assert (vocab_dir / "glosses.tsv").read_text(encoding="utf-8") == before
