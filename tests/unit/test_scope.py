"""Edits scoped to a text or one occurrence: glosses, readings, splits and merges, undone."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyaid.core.dictionary.index import Dictionary
from studyaid.core.engine.services import build_annotator
from studyaid.core.engine.settings import Settings
from studyaid.core.model import Gloss
from studyaid.core.vocab import GLOSSES, journal
from studyaid.core.vocab.glosses import Vocab
from studyaid.core.vocab.readings import AUTOMATIC, EVERYWHERE, OCCURRENCE, TEXT, choose_reading
from studyaid.core.vocab.storage import locked

ZHUFU, ARTICLE = "/texts/zhufu.txt", "/texts/article.txt"


def _word(settings: Settings, dictionary: Dictionary, text_id: str, content: str,
          word: str) -> list[tuple[str, str, str]]:
    """(gloss, gloss source, reading) of every ``word`` token of ``content``."""
    annotator = build_annotator(settings, dictionary, text_id=text_id)
    return [(t.info.gloss, t.info.gloss_source, " ".join(t.info.pinyin))
            for s in annotator.annotate(content) for t in s.tokens if t.text == word]


# -- The same word glossed differently in two texts ---------------------------------------
# (text the gloss is for, text read, word, sentence, expected gloss)
GLOSSED = [
    (ZHUFU, ZHUFU, "祥林嫂", "祥林嫂是鲁镇的人。", "Xianglin's Wife (in 祝福)"),
    (ZHUFU, ARTICLE, "祥林嫂", "祥林嫂是鲁镇的人。", "Mrs Xianglin, everywhere"),
    (ARTICLE, ARTICLE, "投资", "微软对OpenAI的投资超过百亿美元。", "stake (in the article)"),
    (ARTICLE, ZHUFU, "投资", "微软对OpenAI的投资超过百亿美元。", "investment (mine)"),
]


@pytest.mark.parametrize(("scoped", "read", "word", "sentence", "expected"), GLOSSED)
def test_text_gloss_wins_in_its_text_only(vocab_dir: Path, dictionary: Dictionary,
                                          scoped: str, read: str, word: str, sentence: str,
                                          expected: str) -> None:
    vocab = Vocab(vocab_dir)
    everywhere = {"祥林嫂": "Mrs Xianglin, everywhere", "投资": "investment (mine)"}[word]
    vocab.set_gloss(word, everywhere)
    vocab.set_gloss(word, expected if scoped == read else "not here", text=scoped)
    settings = Settings(vocab_dir, dictionary.path.parent, context_model=False)
    assert [g for g, _, _ in _word(settings, dictionary, read, sentence, word)] == [expected]


def test_old_four_field_glosses_apply_everywhere(vocab_dir: Path) -> None:
    (vocab_dir / GLOSSES).write_text("奥特曼\tAltman\tao4 te4 man4\t\n", encoding="utf-8")
    vocab = Vocab(vocab_dir)
    assert vocab.glosses(ZHUFU)["奥特曼"].gloss == "Altman"
    vocab.set_gloss("奥特曼", "Ultraman", text=ZHUFU)
    assert vocab.glosses(ZHUFU)["奥特曼"].gloss == "Ultraman"
    assert vocab.glosses()["奥特曼"].gloss == "Altman"
    lines = (vocab_dir / GLOSSES).read_text(encoding="utf-8").splitlines()[1:]
    assert lines == ["奥特曼\tAltman\tao4 te4 man4\t", f"奥特曼\tUltraman\t\t\t{ZHUFU}"]
    assert vocab.glosses(ZHUFU)["奥特曼"].reading == ("ao4", "te4", "man4")  # field by field


# -- The seed's shipped glosses --------------------------------------------------------------
SHIPPED = [
    ("seed", "Altman (Sam Altman, CEO of OpenAI)", "shipped"),
    (ZHUFU, None, "cc-cedict"),
]


@pytest.mark.parametrize(("text_id", "gloss", "source"), SHIPPED)
def test_seed_glosses_ship_with_studyaid(vocab_dir: Path, dictionary: Dictionary,
                                         text_id: str, gloss: str | None, source: str) -> None:
    settings = Settings(vocab_dir, dictionary.path.parent, context_model=False)
    found = _word(settings, dictionary, text_id, "奥特曼被董事会解雇。", "奥特曼")
    assert [s for _, s, _ in found] == [source]
    if gloss:
        assert found[0][0] == gloss
    else:
        assert "Altman" not in found[0][0]
    assert Vocab(vocab_dir).glosses() == {}  # never the learner's own words
    Vocab(vocab_dir).set_gloss("奥特曼", "my Altman")
    assert _word(settings, dictionary, text_id, "奥特曼被董事会解雇。", "奥特曼")[0][:2] == (
        "my Altman", "user")


# -- A reading chosen for one occurrence, one text, everywhere; automatic again ---------------
SENTENCE = "他承诺为他们工作，为人民服务。"
FIRST, SECOND = SENTENCE.index("为"), SENTENCE.rindex("为")
READINGS = [
    # scope, reading chosen for the first 为, readings of both 为 afterwards
    (OCCURRENCE, "wei2", ["wei2", "wei4"]),
    (TEXT, "wei2", ["wei2", "wei2"]),
    (EVERYWHERE, "wei2", ["wei2", "wei2"]),
]


@pytest.mark.parametrize(("scope", "reading", "expected"), READINGS)
def test_reading_scopes(vocab_dir: Path, dictionary: Dictionary, scope: str, reading: str,
                        expected: list[str]) -> None:
    settings = Settings(vocab_dir, dictionary.path.parent, context_model=False)
    before = [r for _, _, r in _word(settings, dictionary, ZHUFU, SENTENCE, "为")]
    assert before == ["wei4", "wei4"]
    choose_reading(vocab_dir, "为", reading, scope, ZHUFU, FIRST)
    assert [r for _, _, r in _word(settings, dictionary, ZHUFU, SENTENCE, "为")] == expected
    other = [r for _, _, r in _word(settings, dictionary, ARTICLE, SENTENCE, "为")]
    assert other == (expected if scope == EVERYWHERE else before)
    choose_reading(vocab_dir, "为", "", AUTOMATIC, ZHUFU, FIRST)
    assert [r for _, _, r in _word(settings, dictionary, ZHUFU, SENTENCE, "为")] == before
    with locked(vocab_dir):  # undo automatic, then the choice
        journal.undo_last(vocab_dir)
    assert [r for _, _, r in _word(settings, dictionary, ZHUFU, SENTENCE, "为")] == expected
    with locked(vocab_dir):
        journal.undo_last(vocab_dir)
    assert [r for _, _, r in _word(settings, dictionary, ZHUFU, SENTENCE, "为")] == before


# -- A split for one text ------------------------------------------------------------------------
def test_split_in_one_text(vocab_dir: Path, dictionary: Dictionary) -> None:
    settings = Settings(vocab_dir, dictionary.path.parent, context_model=False)
    sentence = "微软对OpenAI的投资超过百亿美元。"
    Vocab(vocab_dir).add_rule(["投", "资"], text=ARTICLE)
    assert _word(settings, dictionary, ARTICLE, sentence, "投资") == []
    assert len(_word(settings, dictionary, ZHUFU, sentence, "投资")) == 1
    with locked(vocab_dir):
        journal.undo_last(vocab_dir)
    assert len(_word(settings, dictionary, ARTICLE, sentence, "投资")) == 1


def test_gloss_undo_restores_the_old_gloss(vocab_dir: Path) -> None:
    vocab = Vocab(vocab_dir)
    vocab.set_gloss("断粮", "to run out of food")
    vocab.set_gloss("断粮", "cut off compute", text=ARTICLE)
    vocab.set_gloss("断粮", "to cut off supplies")
    with locked(vocab_dir):
        journal.undo_last(vocab_dir)
    assert vocab.glosses(ARTICLE)["断粮"] == Gloss("断粮", "cut off compute")
    assert vocab.glosses()["断粮"] == Gloss("断粮", "to run out of food")
    with locked(vocab_dir):
        journal.undo_last(vocab_dir)
        journal.undo_last(vocab_dir)
    assert vocab.scoped() == {}
