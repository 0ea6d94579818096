"""The sense that fits the sentence: the table of real sentences in tests/data/senses.tsv
(the sense a teacher gives each function word and a few hard content words), and the
rules' behaviour case by case.

The table is judged as the reader shows it: the first sense of the token's gloss (or of
its part, in a word glossed from its parts) is right when it holds the teacher's sense;
several senses shown with " / " are "unsure" (the program said it cannot tell), not wrong.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from studyaid.core.dictionary.senses import UNSURE, Senses, load_senses, shown_first
from studyaid.core.engine.annotate import Annotator
from studyaid.core.nlp.script import to_simplified

TABLE = Path(__file__).resolve().parents[1] / "data" / "senses.tsv"
FITTED = frozenset({"seed", "zhufu", "kongyiji", "fengbo", "shangshi", "shexi", "yijian"})
"""The texts read to write the rules. Held out, never read to write or change a rule:
yao (药) and mingtian (明天)."""
RIGHT_AT_LEAST = {False: 0.90, True: 0.80}
"""Measured 0.94 on the fitted texts (446 of 473) and 0.82 held out (237 of 289, with the
rows of 又 还 一 … labelled after their rules); the dictionary's first senses alone: 0.28
and 0.42."""
WRONG_AT_MOST = {False: 0.04, True: 0.10}
"""Measured 0.021 fitted (10 of 473), 0.097 held out (28 of 289; 一家是咸亨酒店 and
一家关着门的铺子 among them): the rest is unsure, several senses shown."""


def table() -> list[tuple[str, str, str, int, str]]:
    """(text, sentence, word, occurrence, sense) rows of the table."""
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            text, sentence, word, nth, sense = line.split("\t")
            rows.append((text, sentence, word, int(nth), sense))
    return rows


def shown(annotator: Annotator, sentence: str, word: str, nth: int) -> str | None:
    """The gloss shown for the ``nth`` ``word`` of ``sentence``: its token's, or its part's
    in a word glossed from parts; None when it is inside a dictionary word."""
    at = -1
    for _ in range(nth):
        at = sentence.index(word, at + 1)
    tokens = [t for s in annotator.annotate(sentence) for t in s.tokens]
    token = next(t for t in tokens if t.start <= at < t.end)
    if token.text == word:
        return token.info.gloss
    if token.info.gloss_source == "parts":
        for part in token.info.gloss.split(" + "):
            if part.startswith(word + " "):
                return part[len(word) + 1 :]
    return None


def judge(annotator: Annotator, sentence: str, word: str, nth: int, sense: str) -> str:
    """right, unsure, wrong, or merged (the word is inside a dictionary word)."""
    gloss = shown(annotator, sentence, word, nth)
    if gloss is None:
        return "merged"
    entries = annotator.dictionary_entries(word) + annotator.dictionary.entries(
        to_simplified(word))
    first = shown_first(gloss, [d for e in entries for d in e.definitions])
    if any(s in first for s in sense.split("|")):
        return "unsure" if UNSURE in gloss else "right"
    return "unsure" if UNSURE in gloss and any(s in gloss for s in sense.split("|")) else "wrong"


def score(annotator: Annotator, texts: frozenset[str] | None = None,
          held_out: bool = False) -> Counter[str]:
    """The table's judgements on the fitted texts (or the held-out ones)."""
    return Counter(judge(annotator, *row[1:]) for row in table()
                   if texts is None or (row[0] in texts) != held_out)


def test_table_has_three_hundred_sentences() -> None:
    assert len({row[1] for row in table()}) >= 300


@pytest.mark.parametrize("held_out", [False, True])
def test_share_right(plain_annotator: Annotator, held_out: bool) -> None:
    counts = score(plain_annotator, FITTED, held_out)
    judged = counts["right"] + counts["unsure"] + counts["wrong"]
    assert counts["right"] / judged >= RIGHT_AT_LEAST[held_out], counts
    assert counts["wrong"] / judged <= WRONG_AT_MOST[held_out], counts
    assert counts["merged"] <= 10  # the table's words are tokens or parts of tokens


def test_first_senses_alone_are_far_worse(dictionary, segmenter) -> None:
    """The same table with no rules: the dictionary's first senses."""
    bare = Annotator(dictionary, segmenter, senses=Senses({}))
    counts = score(bare)
    assert counts["right"] / sum(counts.values()) < 0.6, counts


@pytest.mark.parametrize(("sentence", "word", "sense"), [
    # -- locatives after a noun
    ("我在院子里读书。", "里", "inside"),
    ("书在桌子上。", "上", "on"),
    ("他走上楼梯。", "上", "up"),
    ("三年前，他来过。", "前", "ago"),
    # -- measure words after a numeral or demonstrative
    ("这本是一场看似双赢的合作。", "场", "classifier"),
    ("他拿了一把刀。", "把", "classifier"),
    # -- aspect particles after a verb
    ("孔乙己原来也读过书。", "过", "experienced"),
    ("他笑着说。", "着", "aspect particle"),
    # -- coverbs before a noun
    ("我在学校。", "在", "located"),
    ("他在看书。", "在", "in progress"),
    ("他对我说。", "对", "towards"),
    ("他被人骂了。", "被", "passive"),
    ("他把书放下了。", "把", "object before the verb"),
    # -- adverbs and conjunctions
    ("微软或OpenAI。", "或", "or"),
    ("他便走了。", "便", "then"),
    ("Copilot等产品。", "等", "etc."),
    ("他又过了几天才来。", "过", "to pass (time)"),
    ("河里驶过文人的酒船。", "过", "to go over"),
    ("水面暗暗地回复过凉气来。", "过", "to go over"),
    ("于是愈过愈穷。", "过", "to live"),
    ("不管人家等着你开饭！", "等", "to wait"),
    ("这等于是杀敌一千，自损八百。", "等", "equal to"),
    # -- directional complements and the locative read with the clause
    ("七斤慢慢地抬起头来。", "来", "hither"),
    ("她又带了窗外的槐树的新叶来，使我看见。", "来", "hither"),
    ("拜求来年一年中的好运气。", "来", "the coming"),
    ("依赖微软提供的超级计算资源来完成这项任务。", "来", "in order to"),
    ("我在极短期的踌躇中，想。", "在", "located"),
    ("藏在乌桕树后。", "后", "behind"),
    ("又是这三十里方圆以内的唯一的出色人物。", "里", "li, ancient measure"),
    ("便将饭篮在桌上一摔。", "上", "on"),
    ("就因为他们没有听到。", "就", "precisely"),
    # -- everyday words whose first sense is not the everyday one (the seed)
    ("当OpenAI的技术变得越来越有价值时，其掌控欲也会增强。", "当", "when"),
    ("当OpenAI的技术变得越来越有价值时，其掌控欲也会增强。", "时", "when"),
    ("盟友还是对手？", "还是", "or"),
    ("将OpenAI的能力转化为自己的商业优势。", "将", "introduces object"),
    ("这场潜在的裂痕又将如何改写AI发展的剧本。", "将", "will"),
    ("这本是一场看似双赢的合作。", "本", "originally"),
    ("并提供了Azure云计算平台。", "计算", "to compute"),
    ("微软与OpenAI的关系远不止于投资与被投资。", "不止", "not limited to"),
    ("随后又在员工、投资方的强大压力下。", "方", "party"),
    # -- content words
    ("计算资源。", "资源", "resource (such as manpower"),
    ("我不信。", "信", "to believe"),
    ("他写了一封信。", "信", "letter"),
    # -- everyday words whose first sense misleads (一件小事, 藤野先生)
    ("刚近S门，忽而车把上带着一个人。", "带", "to carry"),
    ("我料定这老女人并没有伤。", "并", "(not) at all"),
    ("我料定这老女人并没有伤。", "老", "old (of people)"),
    ("车夫听了这老女人的话。", "话", "spoken words"),
    ("一天比一天的看不起人。", "比", "than"),
    ("头顶上盘着大辫子。", "盘", "to coil"),
    ("地板便常不免要咚咚咚地响得震天。", "响", "to make a sound"),
    ("花下也缺不了成群结队的人。", "缺", "lack"),
    ("问问精通时事的人，答道。", "答道", "to say"),
    # the measure-word rule after a demonstrative keeps to the reading shown (和 hé, not
    # huò "classifier for rinses"); after a numeral the classifier wins (一只 zhī)
    ("这和我毫不相干。", "和", "and"),
    ("那和他有什么关系？", "和", "and"),
    ("画着一只很肥大的梅花鹿。", "一只", "classifier for birds"),
    # -- adverbs whose first sense misleads (read on 藤野先生 and 阿长与山海经), each with
    # a sentence from another text (or plain modern Chinese) where the rule must not fire
    ("又不是她的名字，记得她自己说过。", "又", "also"),
    ("看见又矮又胖的赵七爷正从独木桥上走来。", "又", "both... and..."),
    ("我以为她一定最安全了，既不做门房，又不是小孩子。", "又", "both... and..."),
    ("所以虽然有时想写信，却又难以下笔。", "又", "and yet"),
    ("孔乙己，你脸上又添上新伤疤了！", "又", "(once) again"),
    ("不但学校不收学费，几个职员还为我的食宿操心。", "还", "also"),
    ("与他们合作不仅面临技术迁移的巨大挑战,还可能在商业条款方面遭遇复杂问题。", "还", "also"),
    ("不但洪秀全军，似乎连后来一切土匪强盗都在内，因为那时还没有。", "还", "still"),
    ("夜间，便蜷伏在比冰还冷的冷屋中。", "还", "even more"),
    ("他比我还高。", "还", "even more"),
    ("福建野生着的芦荟，一到北京就请进温室。", "一", "as soon as"),
    ("四叔一知道，就皱一皱眉。", "一", "as soon as"),
    ("她想了一想，便教拿圆篮和铺盖到下房去。", "一", "one"),  # 想了一想: a moment
    ("我一细看，我的心就一停，接着便直跳起来。", "一", "as soon as"),
    ("我平时叫她“阿妈”，连“长”字也不带。", "连", "even"),
    ("我也就断续地说完了我的话，连余音都消失在虚空中了。", "都", "even"),
    ("连动物的眼睛也都是长方形的。", "都", "all"),  # 也 is the even
    ("大家都说，完了，怕是遭了狼了。", "都", "all"),
    ("不知怎的我总疑心和这“切切察察”有些关系。", "总", "always"),
    ("但是我总觉得不安，过了一夜，也仍然时时记忆起来。", "总", "always"),
    ("“总要看一看才知道。", "总", "anyway"),
    ("但倘使要我说句真心话，我可只得说：我实在不大佩服她。", "可", "emphasis"),
    ("冬天的百草园比较的无味；雪一下，可就两样了。", "可", "emphasis"),
    ("这老人是个寂寞者，因为无人可谈，就很爱和孩子们往来。", "可", "can"),
    ("倘在上午，里面的几间洋房里倒也还可以坐坐的。", "倒", "contrary to what one might expect"),
    ("外来的打击其实倒是振作了我们的新精神。", "倒", "contrary to what one might expect"),
    ("然而好意难却，也只得别寻相宜的住处了。", "却", "to decline"),
    ("但到夜里，我热得醒来的时候，却仍然看见满床摆着一个“大”字。", "却", "but"),
    ("于是搬到别一家，离监狱也很远。", "别", "other"),
    ("你别担心，我明天就来。", "别", "don't"),
    ("我这才回忆到前几天的一件事。", "才", "then and only then"),
    ("直到四叔上香的时候，教她走开，她才走开。", "才", "then and only then"),
    ("他三岁才会说话。", "才", "then and only then"),
    # -- old forms: 象 for 像, 的 for 地
    ("上野的樱花烂熳的时节，望去确也象绯红的轻云。", "象", "to resemble (= 像)"),
    ("说道：“象你似的小孩子，长毛也要掳的。”", "象", "to resemble (= 像)"),
    ("动物园里的象很大。", "象", "elephant"),
    ("四婶愤愤的说。", "的", "-ly (= 地)"),
    ("掌柜也不再问，仍然慢慢的算他的账。", "的", "-ly (= 地)"),
    ("我觉得新的希望就只在我们的分离。", "的", "of"),
    ("她脸上露出灿烂的笑。", "的", "of"),
    # -- 为 read wèi before a noun or pronoun: for (not "because of")
    ("这为OpenAI的模型训练提供了坚实的基础。", "为", "for"),
    ("他承诺为他和出走的员工提供平台。", "为", "for"),
    ("全心全意为人民服务。", "为", "for"),
    ("如果我能够，我要写下我的悔恨和悲哀，为子君，为自己。", "为", "for"),
    ("幾個職員還為我的食宿操心。", "為", "for"),
    ("好在我到那里去也并非为看书。", "为", "for"),
    # -- 一家 before a noun: 一 + the classifier 家; the whole family elsewhere
    ("微软是一家公司。", "一家", "家 classifier for families or businesses"),
    ("OpenAI是一家混合结构的实体。", "一家", "家 classifier for families or businesses"),
    ("没奈何坐在路旁一家公馆的门槛上。", "一家", "家 classifier for families or businesses"),
    ("于是搬到别一家，离监狱也很远。", "一家", "家 classifier for families or businesses"),
    ("我们一家都很好。", "一家", "the whole family"),
    ("在小村里，一家的客，几乎也就是公共的。", "一家", "the whole family"),
    ("这边是老六一家的。", "一家", "the whole family"),
    # -- a brand or place first in the dictionary, the everyday word in the text
    ("实在标致极了。", "标致", "beautiful"),
    ("他买了一辆标致汽车。", "标致", "Peugeot"),
    ("这件衣服我很中意。", "中意", "to take one's fancy"),
    # -- content words and modal verbs (藤野先生, 阿长与山海经), checked the same way
    ("但到傍晚，有一间的地板便常不免要咚咚咚地响得震天。", "要", "will"),
    ("拔一株草，翻一块石头，就说我顽皮，要告诉我的母亲去了。", "要", "to want"),
    ("后来用被盖了全身，用衣服包了头脸。", "盖", "to cover"),
    ("薄薄的雪，是不行的；总须积雪盖了地面一两天。", "盖", "to cover"),
    ("他们盖了一座新房子。", "盖", "to build"),
    ("便用红头绳系住菜根，倒挂在水果店头，尊为“胶菜”。", "尊", "to honor"),
    ("便用红头绳系住菜根，倒挂在水果店头，尊为“胶菜”。", "系", "to tie"),
    ("虽然背地里说人长短不是好事情。", "长短", "right and wrong"),
    ("这根绳子的长短正好。", "长短", "length"),
])
def test_sense_in_context(plain_annotator: Annotator, sentence: str, word: str,
                          sense: str) -> None:
    gloss = shown(plain_annotator, sentence, word, 1)
    assert gloss is not None and UNSURE not in gloss and sense in gloss, gloss


@pytest.mark.parametrize(("sentence", "word"), [
    ("给我。", "给"),  # to give, or for (給我打電話): it cannot tell
    ("好容易待到晚饭前他们的短工来冲茶。", "来"),  # came to, or in order to
    ("走出来，就在河边遇见她。", "就"),  # then, or right (by the river)
    ("其对自身命运的掌控欲也会增强。", "会"),  # will, or can
    ("他又没来上课。", "又"),  # again, or also
    ("一到夏天，睡觉时她又伸开两脚两手。", "一"),  # whenever, or one
    ("这才是真的。", "才"),  # only then, or (emphasis)
    ("我平时叫她“阿妈”，连“长”字也不带。", "阿妈"),  # amah, or mother; not Taiwan's grandma
    ("新年才过，她从河边淘米回来时，忽而失了色。", "才"),  # just, not only then
    # only a rare place to the dictionary: the name, and its characters' words
    ("临河的土场上，太阳渐渐的收了他通黄的光线了。", "临河"),  # by the river, not Linhe
])
def test_unsure_shows_several(plain_annotator: Annotator, sentence: str, word: str) -> None:
    gloss = shown(plain_annotator, sentence, word, 1)
    assert gloss is not None and UNSURE in gloss


# A rule names a sense of the reading shown (为 wèi "for"), never one of another reading:
# where the model reads 为 wéi (以…为…, 成为, 称…为), wéi's senses stay.
@pytest.mark.parametrize(("sentence", "reading", "sense"), [
    ("为人民服务。", "wei4", "for"),
    ("承诺为他和出走的员工提供平台。", "wei4", "for"),
    ("以人民为中心。", "wei2", "as (in the capacity of)"),
    ("他们称我们为“小友”。", "wei2", "as (in the capacity of)"),
    ("他的姓名并不为许多人所知道。", "wei2", "as (in the capacity of)"),
])
def test_sense_follows_the_reading(annotator: Annotator, sentence: str, reading: str,
                                   sense: str) -> None:
    token = next(t for s in annotator.annotate(sentence) for t in s.tokens if t.text == "为")
    assert " ".join(token.info.pinyin) == reading
    assert token.info.gloss.startswith(sense), token.info.gloss


@pytest.mark.parametrize(("reading", "keys"), [(("wei4",), ("for",)), (("wei2",), ())])
def test_a_rule_holds_only_for_its_reading(reading: tuple[str, ...],
                                           keys: tuple[str, ...]) -> None:
    assert load_senses().choose("为", "", "人民", pinyin=reading) == keys


def test_rules_load() -> None:
    senses = load_senses()
    assert "裏" in senses.words and "著" in senses.words and "後" in senses.words


# A word the dictionary lacks is glossed from the likeliest dictionary words it is made
# of, not the longest from the left (这时候 is 这 + 时候 "time", not 这时 + 候 "to wait").
@pytest.mark.parametrize(("sentence", "word", "parts"), [
    ("这时候，他来了。", "这时候", ["这", "时候"]),
    ("這時候，他來了。", "這時候", ["這", "時候"]),
    # an aspect particle read neutral is not the dictionary word it would begin or end:
    # not 点着 diǎnzháo "to light"
    ("驼背五少爷点着头说。", "点着头", ["点", "着", "头"]),
])
def test_parts_are_the_likeliest_words(plain_annotator: Annotator, sentence: str, word: str,
                                       parts: list[str]) -> None:
    tokens = [t for s in plain_annotator.annotate(sentence) for t in s.tokens]
    token = next(t for t in tokens if t.text == word)
    assert token.info.gloss_source == "parts"
    assert [p.split(" ")[0] for p in token.info.gloss.split(" + ")] == parts
