"""Pinyin spelled right: tone marks on the right vowel of capitalised and vowel-initial
syllables, a word's syllables joined as Pleco writes them, proper nouns capitalised;
the numbered style kept as CC-CEDICT writes syllables."""

from __future__ import annotations

import pytest

from studyaid.cli import main
from studyaid.core.dictionary.index import Dictionary
from studyaid.core.engine.annotate import Annotator
from studyaid.core.nlp.pinyin import join_word, render_word, retone, to_marks


@pytest.mark.parametrize(
    ("syllable", "marked"),
    [
        # -- capitalised, vowel-initial: the mark on a, e, the o of ou, else the last vowel
        ("An1", "Ān"), ("En1", "Ēn"), ("Ao4", "Ào"), ("Ou1", "Ōu"), ("Ai4", "Ài"),
        ("E2", "É"), ("Er4", "Èr"), ("Yi1", "Yī"), ("Wu3", "Wǔ"), ("Lu:3", "Lǚ"),
        # -- vowel-initial, lowercase
        ("an1", "ān"), ("ao4", "ào"), ("ou1", "ōu"), ("ai4", "ài"), ("er4", "èr"),
        ("er2", "ér"), ("e4", "è"), ("e2", "é"), ("ei4", "èi"),
        # -- the usual rule: a/e first, ou on o, else the last vowel; ü
        ("gui4", "guì"), ("liu2", "liú"), ("xiong2", "xióng"), ("zhuang4", "zhuàng"),
        ("lu:e4", "lüè"), ("nu:3", "nǚ"), ("lv4", "lǜ"),
        # -- no vowel: m, n; erhua; neutral tone; letters and punctuation pass through
        ("m2", "ḿ"), ("n2", "ń"), ("r5", "r"), ("de5", "de"), ("xx5", "xx"),
        ("A", "A"), ("·", "·"), (",", ","), ("", ""),
    ],
)
def test_to_marks(syllable: str, marked: str) -> None:
    assert to_marks(syllable) == marked


def test_to_marks_agrees_with_pypinyin_on_every_cedict_syllable(dictionary: Dictionary) -> None:
    from pypinyin.contrib.tone_convert import to_tone

    syllables = {s for (reading,) in dictionary.db.execute("SELECT DISTINCT pinyin FROM entries")
                 for s in reading.lower().split() if s[-1:].isdigit()}
    assert len(syllables) > 1000
    wrong = {s: (to_marks(s), to_tone(s.replace("u:", "v"))) for s in syllables
             if to_marks(s) != to_tone(s.replace("u:", "v"))}
    assert wrong == {}
    # Capitalised, each is the same syllable with a capital.
    assert all(to_marks(s.capitalize()) == to_marks(s)[:1].upper() + to_marks(s)[1:]
               for s in syllables)


@pytest.mark.parametrize(
    ("numbered", "joined"),
    [
        # -- proper nouns: one word, capital kept, apostrophe before a/o/e
        ("An1 hui1", "Ānhuī"),
        ("En1 shi1", "Ēnshī"),
        ("Ao4 te4 man4", "Àotèmàn"),
        ("Ou1 zhou1", "Ōuzhōu"),
        ("Ai4 er3 lan2", "Ài'ěrlán"),
        ("Xi1 an1", "Xī'ān"),
        ("Tian1 an1 men2", "Tiān'ānmén"),
        # -- a capital inside begins a new word
        ("Mao2 Ze2 dong1", "Máo Zédōng"),
        ("Bei3 jing1 Da4 xue2", "Běijīng Dàxué"),
        # -- common words
        ("nu:3 er2", "nǚ'ér"),
        ("yi1 dian3 r5", "yīdiǎnr"),
        ("ping2 an1", "píng'ān"),
        ("dang4 an4", "dàng'àn"),
        ("fu3 di3 chou1 xin1", "fǔdǐchōuxīn"),
        # -- letters and punctuation in CC-CEDICT readings
        ("A A zhi4", "AA zhì"),
        ("Ka3 er3 · Ma3 ke4 si1", "Kǎ'ěr·Mǎkèsī"),
        ("yi1 bu4 zuo4 , er4 bu4 xiu1", "yībùzuò, èrbùxiū"),
    ],
)
def test_join_word(numbered: str, joined: str) -> None:
    assert join_word([to_marks(s) for s in numbered.split()]) == joined


@pytest.mark.parametrize(
    ("syllables", "capitals", "marks", "numbers"),
    [
        (("an1", "hui1"), (0,), "Ānhuī", "an1hui1"),
        (("xi1", "an1"), (0,), "Xī'ān", "xi1an1"),
        (("mao2", "ze2", "dong1"), (0, 1), "Máo Zédōng", "mao2ze2dong1"),
        (("nu:3", "er2"), (), "nǚ'ér", "nu:3er2"),
    ],
)
def test_render_word(syllables: tuple[str, ...], capitals: tuple[int, ...], marks: str,
                     numbers: str) -> None:
    assert render_word(syllables, "marks", capitals) == marks
    assert render_word(syllables, "numbers", capitals) == numbers


@pytest.mark.parametrize(
    ("marked", "syllable", "retoned"),
    [("yī", "yi2", "yí"), ("Yī", "yi4", "Yì"), ("ér", "r5", "r"), ("nǐ", "ni2", "ní")],
)
def test_retone_keeps_the_capital(marked: str, syllable: str, retoned: str) -> None:
    assert retone(marked, syllable) == retoned


# -- What the dictionary shows: lookup, the details panel, the dictionary screen -----------


@pytest.mark.parametrize(
    ("word", "shown"),
    [
        ("安徽", "Ānhuī"), ("恩施", "Ēnshī"), ("奥特曼", "Àotèmàn"), ("欧洲", "Ōuzhōu"),
        ("爱尔兰", "Ài'ěrlán"), ("西安", "Xī'ān"), ("天安门", "Tiān'ānmén"),
        ("毛泽东", "Máo Zédōng"), ("二", "èr"), ("饿", "è"), ("女儿", "nǚ'ér"),
        ("一点儿", "yīdiǎnr"),
    ],
)
def test_entry_pinyin_marks(dictionary: Dictionary, word: str, shown: str) -> None:
    assert dictionary.entries(word)[0].pinyin_marks == shown


@pytest.mark.parametrize(
    ("query", "first_line"),
    [
        ("安徽", "安徽  Ānhuī"),
        ("恩施", "恩施  Ēnshī"),
        ("奥特曼", "奥特曼 [奧特曼]  Àotèmàn"),
        ("欧洲", "欧洲 [歐洲]  Ōuzhōu"),
        ("爱尔兰", "爱尔兰 [愛爾蘭]  Ài'ěrlán"),
        ("西安", "西安  Xī'ān"),
        ("天安门", "天安门 [天安門]  Tiān'ānmén"),
        ("饿", "饿 [餓]  è"),
    ],
)
def test_lookup_prints_pleco_spelling(
    query: str, first_line: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lookup", query]) == 0
    assert capsys.readouterr().out.splitlines()[0] == first_line


def test_lookup_of_er_lists_each_reading(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "儿"]) == 0
    heads = [line for line in capsys.readouterr().out.splitlines() if not line.startswith(" ")]
    assert "儿 [兒]  ér" in heads and "儿 [兒]  r" in heads


# -- Proper nouns in annotated text: capitalised over the hanzi, lowercase in the data -----


@pytest.mark.parametrize(
    ("text", "word", "marks", "numbered"),
    [
        ("他去过安徽和恩施。", "安徽", "Ānhuī", ("an1", "hui1")),
        ("他去过安徽和恩施。", "恩施", "Ēnshī", ("en1", "shi1")),
        ("欧洲和爱尔兰都很远。", "欧洲", "Ōuzhōu", ("ou1", "zhou1")),
        ("欧洲和爱尔兰都很远。", "爱尔兰", "Ài'ěrlán", ("ai4", "er3", "lan2")),
        ("我们在西安见面。", "西安", "Xī'ān", ("xi1", "an1")),
        ("毛泽东在天安门。", "天安门", "Tiān'ānmén", ("tian1", "an1", "men2")),
        # common words stay lowercase
        ("她的女儿饿了。", "女儿", "nǚ'ér", ("nu:3", "er2")),
        ("我们很平安。", "平安", "píng'ān", ("ping2", "an1")),
    ],
)
def test_proper_nouns_in_text(plain_annotator: Annotator, text: str, word: str, marks: str,
                              numbered: tuple[str, ...]) -> None:
    tokens = {t.text: t for s in plain_annotator.annotate(text) for t in s.tokens}
    info = tokens[word].info
    assert join_word(info.marks) == marks
    assert info.pinyin == numbered
    assert render_word(info.pinyin, "marks", info.capitals) == marks
