"""A name shown as a name: real sentences whose names CC-CEDICT lacks are glossed
"(name) …" or "(place) …" with their pinyin, never by their characters; words of the
same shape that are not names keep the gloss from their parts."""

from __future__ import annotations

import pytest

from studyaid.core.dictionary.proper_names import PERSON, PLACE
from studyaid.core.engine.annotate import Annotator


def gloss_of(annotator: Annotator, sentence: str, word: str) -> tuple[str, str]:
    """The gloss and its source of ``word`` as a token of ``sentence`` (where it comes
    from; how the segmenter cuts it is tested elsewhere)."""
    assert word in sentence
    info = annotator.word(word)
    return info.gloss, info.gloss_source


def test_in_a_sentence(plain_annotator: Annotator) -> None:
    tokens = [t for s in plain_annotator.annotate("祥林嫂，你放着罢！") for t in s.tokens]
    assert tokens[0].info.gloss == "(name) Xiánglín's wife"


@pytest.mark.parametrize(("sentence", "word", "gloss"), [
    ("祥林嫂，你放着罢！", "祥林嫂", "(name) Xiánglín's wife"),
    ("四叔且走而且高声的说。", "四叔", "(name) Uncle Sì"),
    ("華老栓忽然坐起身。", "老栓", "(name) Lǎoshuān"),  # 药: 华 / 老栓
    ("小栓依他母亲的话，咳着睡了。", "小栓", "(name) Xiǎoshuān"),
    ("单四嫂子正抱着他的宝儿。", "宝儿", "(name) Bǎo'ér"),
    ("蓝皮阿五便放下酒碗。", "阿五", "(name) Āwǔ"),
    ("原来鲁镇是僻静地方。", "鲁镇", "(place) Lǔ town"),
    ("至于我在那里所第一盼望的，却在到赵庄去看戏。", "赵庄", "(place) Zhào village"),
    ("何小仙说了半句话，便闭上眼睛。", "何小仙", "(name) Héxiǎoxiān"),
    ("萨提亚当上CEO。", "萨提亚", "(name) Sàtíyà"),
])
def test_name_is_glossed_as_a_name(plain_annotator: Annotator, sentence: str, word: str,
                                   gloss: str) -> None:
    assert gloss_of(plain_annotator, sentence, word) == (gloss, "name")


@pytest.mark.parametrize(("sentence", "word"), [
    ("他去老店买酒。", "老店"),  # an old shop: 店 is an everyday word
    ("很像夫家的堂伯。", "堂伯"),  # a kinship word, not anyone's name
    ("央人到邻村去问。", "邻村"),  # the next village
    ("过了许多天。", "许多天"),  # many days, though 许 is a surname
])
def test_not_a_name(plain_annotator: Annotator, sentence: str, word: str) -> None:
    gloss, source = gloss_of(plain_annotator, sentence, word)
    assert source == "parts" and not gloss.startswith((PERSON, PLACE)), gloss



def test_a_name_read_again_in_context_is_spelled_as_read(plain_annotator: Annotator) -> None:
    """A name whose reading the sentence changes (阿长: pypinyin's zhǎng, the context's
    cháng) is glossed in the reading shown, and stays capitalised."""
    info = plain_annotator.in_context("阿长", "a1 chang2")
    assert (info.gloss, info.gloss_source) == ("(name) Ācháng", "name")
    assert info.capitals == plain_annotator.word("阿长").capitals == (0,)
