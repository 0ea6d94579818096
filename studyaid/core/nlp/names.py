"""What a segmenter needs to know about names and clauses, as data and small rules.

jieba's HMM proposes words its dictionary lacks; most of the good ones are names, most
of the bad ones glue a function word to its neighbour (如闰土, 我素, 阿五便). A proposal
is kept as a name only when, once the function words at its edges are cut off, what is
left has the shape of a name: 阿五, 老栓, 小栓 (a prefix and one character), 柳妈, 四婶,
王九妈 (a kinship word after one or two characters), 宝儿, 鲁镇, 赵庄, 何小仙 (a common
surname and two characters). A transliterated name (萨提亚, 纳德拉) is three or more
characters of the ones transliteration uses.
"""

from __future__ import annotations

CONDITIONALS = frozenset({
    "如果", "要是", "假如", "倘若", "万一", "若", "倘", "假若", "假使", "如若", "若是",
    "倘使", "要不是", "若要", "不然", "否则", "要不然", "要不", "只要", "一旦", "除非",
    "如果说", "假设", "万一要",
    # Traditional forms the segmenter may see unconverted.
    "萬一", "假設",
})
"""Words after which a clause's 的话 is "if" (如果你不去的话), not 的 + 话 (她的话)."""

CLAUSE_ENDS = frozenset("，,。；;！!？?：:、…\n“”「」『』")
"""Punctuation that ends the clause a conditional governs."""

# Characters a name does not start with, and does not end with: particles, pronouns,
# coverbs, adverbs, everyday verbs and locatives, which glue to a name in jieba's HMM
# (如闰土, 从鲁镇, 阿五便, 老拱们, 草里).
_FUNCTION = (
    "的地得了着著过吗呢吧啊呀么也都就又便才却还再更很太最只仅已曾正在和与同跟及或而"
    "但并把被给让叫对向往从自于以为由比连替如若倘即是有这那此其我你他她它伊您咱谁哪"
    "每各某不没未别莫说看见到来去回进出起开拿用问做作诊要会能可将"
)
_NOT_FIRST = frozenset(_FUNCTION + "们嫂妈婶儿")
_NOT_LAST = frozenset(_FUNCTION + "们上下里中外前后边内旁头")

_PREFIXES = frozenset("阿老小")
_KIN = frozenset("嫂妈婶叔伯婆爷姑")
_PLACES = frozenset("镇庄村坳")
# Common surnames that are not also everyday words in running text (于, 高, 方, 白, 马,
# 黄 … are left out).
_SURNAMES = frozenset(
    "王李张刘陈杨赵吴徐孙胡朱林何郭罗梁宋郑谢韩唐冯董萧曹袁邓许傅沈彭吕苏卢蒋蔡贾"
    "魏薛叶阎潘杜戴夏钟汪任姜范姚谭廖邹熊陆郝孔崔康邱秦史顾侯邵孟段雷钱汤尹黎乔贺"
    "赖龚鲁单"
)

TRANSLITERATION = frozenset(
    "阿埃艾爱安奥巴拜班邦贝彼毕波博布查达戴丹德迪蒂丁杜厄恩尔法菲费芬弗盖冈戈格葛"
    "圭哈汉豪赫亨胡霍基吉贾杰卡凯坎康柯科克肯库拉莱兰朗劳勒雷蕾利莉丽列琳卢鲁伦罗"
    "洛玛迈麦曼梅蒙米密姆穆纳娜奈尼妮涅宁纽努诺欧帕佩皮普齐奇乔琼萨塞桑瑟森莎舍施"
    "斯松索塔泰坦汤特提图托瓦威韦维温沃乌希锡席谢辛休雅亚扬耶伊因尤约泽扎詹兹佐"
)
"""Characters of transliterated foreign names (萨提亚·纳德拉, 阿尔特曼); everyday words
among them (多, 里, 本, 马, 西 …) are left out so that running text is not joined."""


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def is_transliteration(word: str) -> bool:
    """Whether every character of ``word`` is one transliterations use."""
    return all(char in TRANSLITERATION for char in word)


TITLES = frozenset(
    "嫂子 先生 酒店 太太 老爷 小姐 师父 师傅 夫人 大人 掌柜 婶婶 奶奶 爷爷 叔叔 伯伯 "
    "姐姐 哥哥 公公 婆婆 老太 大叔 大妈 同学 老师 教授 医生".split())
"""Words after which a name comes (单四嫂子, 藤野先生, 咸亨酒店)."""


def is_name_shaped(core: str, before: str = "", after: str = "") -> bool:
    """Whether ``core`` (no function word at its edges) has the shape of a name;
    ``before`` is the character in front of it (小仙 after 何 is part of 何小仙),
    ``after`` the word after it (a title: 单四嫂子, 藤野先生)."""
    if core[0] in _NOT_FIRST or core[-1] in _NOT_LAST or not all(map(_is_han, core)):
        return False
    if after in TITLES and (len(core) == 2 or len(core) == 3 and core[0] in _SURNAMES):
        return True
    if len(core) == 2 and core[0] in _PREFIXES:
        return not (core[0] == "小" and before in _SURNAMES)
    if len(core) in (2, 3) and (core[-1] in _KIN or core[-1] in _PLACES):
        return True
    if len(core) == 2 and core[-1] == "儿":
        return True
    return len(core) == 3 and core[0] in _SURNAMES


def may_join(word: str) -> bool:
    """Whether a known word may be taken from characters jieba's HMM did not join:
    not when it starts or ends with a function word (谷歌云和 is 谷歌 / 云 / 和, though
    CC-CEDICT has the county 云和)."""
    return word[0] not in _NOT_FIRST and word[-1] not in _NOT_LAST


def name_or_parts(proposal: str, before: str = "", after: str = "") -> list[str]:
    """``proposal`` (a word jieba's HMM made) as a name with the function characters at
    its edges single (从鲁镇: 从 / 鲁镇), or as single characters when no name is in it
    (豆撒得: 豆 / 撒 / 得). ``before`` is the character in front of ``proposal``,
    ``after`` the word after it when nothing else comes between."""
    start, end = 0, len(proposal)
    while start < end and proposal[start] in _NOT_FIRST:
        start += 1
    while end > start and proposal[end - 1] in _NOT_LAST:
        end -= 1
    core = proposal[start:end]
    if len(core) >= 2 and is_name_shaped(core, proposal[start - 1] if start else before,
                                         after if end == len(proposal) else ""):
        return [*proposal[:start], core, *proposal[end:]]
    # A name with one more character glued on (真阿长: 真 / 阿长).
    if len(core) == 3 and is_name_shaped(
            core[1:], core[0], after if end == len(proposal) else ""):
        return [*proposal[: start + 1], core[1:], *proposal[end:]]
    return list(proposal)
