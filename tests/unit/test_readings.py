"""Readings (pinyin): common polyphones in context, styles, and the learner's readings."""

from __future__ import annotations

import pytest

from studyaid.core.dictionary.index import Dictionary
from studyaid.core.engine.annotate import Annotator
from studyaid.core.engine.services import build_annotator
from studyaid.core.engine.settings import Settings
from studyaid.core.nlp.pinyin import han_count, render, to_marks
from studyaid.paths import seed_text


def _reading(annotator: Annotator, text: str, word: str, style: str = "numbers") -> str:
    """The reading of ``word`` where it is a token of ``text``."""
    readings = {
        token.text: " ".join(render(list(token.info.pinyin), style))
        for sentence in annotator.annotate(text)
        for token in sentence.tokens
    }
    assert word in readings, f"{word!r} is not a token of {text!r}: {sorted(readings)}"
    return readings[word]


@pytest.mark.parametrize(
    ("text", "word", "reading"),
    [
        # 行 háng / xíng
        ("我去银行取钱", "银行", "yin2 hang2"),
        ("他在路上行走", "行走", "xing2 zou3"),
        ("銀行的行長", "行長", "hang2 zhang3"),
        # 长 zhǎng / cháng
        ("他长大了", "长大", "zhang3 da4"),
        ("这条路的长度", "长度", "chang2 du4"),
        ("长江很长", "长江", "chang2 jiang1"),
        ("孩子的成长", "成长", "cheng2 zhang3"),
        ("他長大了", "長大", "zhang3 da4"),
        # 重 zhòng / chóng
        ("这很重要", "重要", "zhong4 yao4"),
        ("我们重新开始", "重新", "chong2 xin1"),
        ("行李的重量", "重量", "zhong4 liang4"),
        ("如何重塑我们所知的未来世界", "重塑", "chong2 su4"),
        # 了 liǎo / le
        ("我了解这件事", "了解", "liao3 jie3"),
        ("他来了", "了", "le5"),
        ("这真了不起", "了不起", "liao3 bu5 qi3"),
        # 觉 jué / jiào
        ("我觉得很好", "觉得", "jue2 de5"),
        ("我要睡觉了", "睡觉", "shui4 jiao4"),
        ("我覺得很好", "覺得", "jue2 de5"),
        # 乐 yuè / lè
        ("我喜欢音乐", "音乐", "yin1 yue4"),
        ("他很乐观", "乐观", "le4 guan1"),
        ("读书的乐趣", "乐趣", "le4 qu4"),
        # 还 hái / huán
        ("你还是去吧", "还是", "hai2 shi5"),
        ("我去图书馆还书", "还书", "huan2 shu1"),
        ("你還是去吧", "還是", "hai2 shi5"),
        ("他把书还给我", "还给", "huan2 gei3"),
        # 和 hé / huo
        ("微软和OpenAI的关系", "和", "he2"),
        ("今天很暖和", "暖和", "nuan3 huo5"),
        # 的 de / dí / dì
        ("这是我的书", "的", "de5"),
        ("我的确不知道", "的确", "di2 que4"),
        ("其最终目的是盈利", "目的", "mu4 di4"),
        # 得 dé / de / děi
        ("他得到了支持", "得到", "de2 dao4"),
        ("长得很高", "长得", "zhang3 de5"),
        ("他跑得很快", "得", "de5"),
        ("你得去", "得", "dei3"),
        # 地 de / dì, as in the seed article
        ("也极大地增强了微软Azure的吸引力", "地", "de5"),
        ("希望更好地利用其投资", "地", "de5"),
        ("地上有水", "地上", "di4 shang5"),
        # 着 zháo / zhe / zhuó
        ("我们睡着了", "睡着", "shui4 zhao2"),
        ("别着急", "别着急", "bie2 zhao2 ji2"),
        ("背后却隐藏着潜在的张力", "着", "zhe5"),
        ("飞机着陆了", "着陆", "zhuo2 lu4"),
        # 教 jiāo / jiào
        ("他在学校教书", "教书", "jiao1 shu1"),
        ("他在教室里", "教室", "jiao4 shi4"),
        # 为 wèi / wéi
        ("因为下雨", "因为", "yin1 wei4"),
        ("为什么不去", "为什么", "wei4 shen2 me5"),
        ("两者的合作曾被视为典范", "视为", "shi4 wei2"),
        # 会 huì / kuài
        ("他是会计", "会计", "kuai4 ji4"),
        ("明天开会议", "会议", "hui4 yi4"),
        # 调 diào / tiáo
        ("警方在调查", "调查", "diao4 cha2"),
        ("打开空调", "空调", "kong1 tiao2"),
        # 差 chà / chāi
        ("他去出差", "出差", "chu1 chai1"),
        ("差不多了", "差不多", "cha4 bu5 duo1"),
        # 便 pián / biàn
        ("这个很便宜", "便宜", "pian2 yi5"),
        ("这样很方便", "方便", "fang1 bian4"),
        # 少 shào / shǎo, 种 zhǒng / zhòng, 处 chǔ / chù
        ("一个少年", "少年", "shao4 nian2"),
        ("你要多少", "多少", "duo1 shao5"),
        ("买种子", "种子", "zhong3 zi5"),
        ("农民种地", "种地", "zhong4 di4"),
        ("处理问题", "处理", "chu3 li3"),
        ("到处都是人", "到处", "dao4 chu4"),
        # 发 fā / fà, 背 bēi / bèi, 好 hǎo / hào
        ("我发现了问题", "发现", "fa1 xian4"),
        ("她的头发很长", "头发", "tou2 fa5"),
        ("我的背包", "背包", "bei1 bao1"),
        ("他在背诵", "背诵", "bei4 song4"),
        ("他是好人", "好人", "hao3 ren2"),
        ("我的爱好", "爱好", "ai4 hao4"),
        # 都 dōu / dū, 参 cān / shēn, 中 zhōng / zhòng
        ("北京是首都", "首都", "shou3 du1"),
        ("参加会议", "参加", "can1 jia1"),
        ("吃人参", "人参", "ren2 shen1"),
        ("他中奖了", "中奖", "zhong4 jiang3"),
        # 数 shù / shǔ, as in the seed article's 屈指可数
        ("我喜欢数学", "数学", "shu4 xue2"),
        ("这样的厂商屈指可数", "屈指可数", "qu1 zhi3 ke3 shu3"),
        # Names and terms of the seed article
        ("最终分道扬镳", "分道扬镳", "fen1 dao4 yang2 biao1"),
        ("无疑是釜底抽薪式的打击", "釜底抽薪", "fu3 di3 chou1 xin1"),
    ],
)
def test_polyphones_in_context(
    plain_annotator: Annotator, text: str, word: str, reading: str
) -> None:
    assert _reading(plain_annotator, text, word) == reading


@pytest.mark.parametrize(
    ("text", "word", "numbers", "marks"),
    [
        # Tones as numbers (CC-CEDICT style) and as marks.
        ("微笑", "微笑", "wei1 xiao4", "wēi xiào"),
        ("我们", "我们", "wo3 men5", "wǒ men"),
        ("这是我的书", "的", "de5", "de"),
        # ü is u: in numbers and ǜ in marks.
        ("女", "女", "nu:3", "nǚ"),
        ("绿", "绿", "lu:4", "lǜ"),
        ("女人", "女人", "nu:3 ren2", "nǚ rén"),
        ("绿色", "绿色", "lu:4 se4", "lǜ sè"),
        ("去旅行", "旅行", "lu:3 xing2", "lǚ xíng"),
        ("战略布局", "战略", "zhan4 lu:e4", "zhàn lüè"),
    ],
)
def test_pinyin_styles(
    plain_annotator: Annotator, text: str, word: str, numbers: str, marks: str
) -> None:
    assert _reading(plain_annotator, text, word, "numbers") == numbers
    assert _reading(plain_annotator, text, word, "marks") == marks


@pytest.mark.parametrize(
    ("syllable", "marked"),
    [
        ("wei1", "wēi"), ("ruan3", "ruǎn"), ("de5", "de"), ("lu:4", "lǜ"), ("nu:3", "nǚ"),
        ("lu:e4", "lüè"), ("er2", "ér"), ("r5", "r"), ("", ""),
    ],
)
def test_to_marks(syllable: str, marked: str) -> None:
    assert to_marks(syllable) == marked


# -- The learner's reading wins ----------------------------------------------------------

USER_GLOSSES = (
    "不是\tis not; not\tbu4 shi4\t\n"
    "东西\tthing; stuff\tdong1 xi5\t\n"
    "还是\tstill; or\thai2 shi4\t\n"
    "地\t\tde5\tadverbial particle after 极大/更好\n"
    "奥特曼\tAltman (Sam Altman)\tao4 te4 man4\t\n"
)


@pytest.fixture(scope="module")
def user_annotator(dictionary: Dictionary, tmp_path_factory: pytest.TempPathFactory) -> Annotator:
    """An Annotator built from a vocab folder with the learner's own readings."""
    vocab = tmp_path_factory.mktemp("vocab")
    (vocab / "glosses.tsv").write_text(USER_GLOSSES, encoding="utf-8")
    return build_annotator(Settings(vocab, dictionary.path.parent), dictionary)


@pytest.mark.parametrize(
    ("text", "word", "reading", "gloss", "gloss_source"),
    [
        # The learner's reading and gloss replace the dictionary's.
        ("往往不是一蹴而就的", "不是", "bu4 shi4", "is not; not", "user"),
        ("我去买东西", "东西", "dong1 xi5", "thing; stuff", "user"),
        ("你还是去吧", "还是", "hai2 shi4", "still; or", "user"),
        ("微软CEO和奥特曼失和", "奥特曼", "ao4 te4 man4", "Altman (Sam Altman)", "user"),
        # A reading without a gloss: the reading wins, the gloss stays the dictionary's.
        ("极大地增强了", "地", "de5", None, "cc-cedict"),
    ],
)
def test_user_reading_wins(
    user_annotator: Annotator, text: str, word: str, reading: str, gloss: str | None,
    gloss_source: str,
) -> None:
    tokens = {t.text: t for s in user_annotator.annotate(text) for t in s.tokens}
    info = tokens[word].info
    assert " ".join(info.pinyin) == reading
    assert info.gloss_source == gloss_source
    if gloss is not None:
        assert info.gloss == gloss
    else:
        assert info.gloss


# -- One syllable per Han character, for every token --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        seed_text(),
        "微軟與OpenAI的裂痕。巧婦難為無米之炊，屈指可數。",
        "训练一个像GPT-4这样的模型，需要数月时间（约3.5个月）！",
        "𠀀〇年",
    ],
)
def test_one_syllable_per_han_character(plain_annotator: Annotator, text: str) -> None:
    for sentence in plain_annotator.annotate(text):
        for token in sentence.tokens:
            syllables = list(token.info.pinyin)
            assert len(syllables) == han_count(token.text), token
            if syllables:
                assert all(syllables), token
            else:
                assert token.as_json()["pinyin"] == []
