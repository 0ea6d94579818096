"""``studyaid card add``, ``studyaid cards``, ``studyaid stats``."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from studyaid.cli import main
from studyaid.core.vocab.learner import Learner
from studyaid.study import CardStore, Collection

TEXT = "盟友还是对手?\n这场打击无疑是釜底抽薪。我们要合作。\n"


def test_card_add_from_a_text(vocab_dir: Path, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "article.txt"
    text.write_text(TEXT, encoding="utf-8")
    text_id = str(text.resolve())
    Learner(vocab_dir).set_translation(text_id, 1, "这场打击无疑是釜底抽薪。",
                                       "The blow pulled the rug out.")
    vocab = ["--vocab", str(vocab_dir)]
    assert main(["card", "add", "釜底抽薪", "合作", "--text", str(text), *vocab]) == 0
    assert main(["card", "add", "合作", "微軟", *vocab]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("釜底抽薪 [fu3 di3 chou1 xin1]: to take drastic measures")
    assert out[2:] == ["合作 is already a card", "微软 [wei1 ruan3]: Microsoft Corporation"]
    cards = CardStore(vocab_dir).cards()
    assert list(cards) == ["合作", "微软", "釜底抽薪"]
    idiom = cards["釜底抽薪"]
    assert (idiom.sentence, idiom.translation, idiom.source) == (
        "这场打击无疑是釜底抽薪。", "The blow pulled the rug out.", text_id)
    assert idiom.note.startswith("lit. ")
    assert (cards["合作"].sentence, cards["合作"].translation) == ("我们要合作。", "")
    assert (cards["微软"].traditional, cards["微软"].sentence) == ("微軟", "")


def test_cards_and_stats(vocab_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    vocab = ["--vocab", str(vocab_dir)]
    assert main(["card", "add", "合作", "微软", *vocab]) == 0
    collection = Collection(vocab_dir, None)
    now = datetime.now(UTC)
    collection.grade(collection.next_due(now), 3, now, 2000)
    capsys.readouterr()
    assert main(["cards", "--json", *vocab]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["word"], r["state"], r["reviews"]) for r in rows] == [
        ("合作", "learning", 1), ("微软", "new", 0)]
    assert all(datetime.fromisoformat(r["due"]).tzinfo for r in rows)
    assert main(["cards", *vocab]) == 0
    assert capsys.readouterr().out.startswith("合作\tlearning\tdue ")
    assert main(["stats", *vocab]) == 0
    out = capsys.readouterr().out
    assert "Reviews per day, last 30 days: 1 in all" in out
    assert "Due in the next 30 days: 1 in all" in out
    assert "Retention" in out and "1 new, 1 learning" in out


def test_a_torn_log_is_one_warning_line(vocab_dir: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    vocab = ["--vocab", str(vocab_dir)]
    assert main(["card", "add", "合作", *vocab]) == 0
    (vocab_dir / "reviews.log").write_bytes(b'{"card":"\xe5\x90\x88')
    assert main(["cards", *vocab]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "incomplete last line ignored" in err[0]


def test_card_add_from_the_seeds_copy_is_the_readers_card(vocab_dir: Path) -> None:
    # The seed article opened from its copy in seeds/ is the seed: its translations are
    # found and the card's source is the seed, as the reader's `a` makes it (one text,
    # one Pleco category).
    from studyaid import paths
    from studyaid.core.text.sentences import split_sentences

    seed = paths.seed_text()
    copy = Path(__file__).resolve().parents[2] / "seeds" / "000_289710d135ef5fab.txt"
    index, (start, end) = next((i, s) for i, s in enumerate(split_sentences(seed))
                               if "互补" in seed[s[0]:s[1]])
    Learner(vocab_dir).set_translation("seed", index, seed[start:end],
                                       "They were once seen as a perfect match.")
    assert main(["card", "add", "互补", "--text", str(copy), "--vocab", str(vocab_dir)]) == 0
    card = CardStore(vocab_dir).cards()["互补"]
    assert (card.source, card.translation) == ("seed", "They were once seen as a perfect match.")
