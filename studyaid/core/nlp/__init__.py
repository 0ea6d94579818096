"""Language: each outside library behind one module.

- ``segment`` — jieba, with the learner's lexicon rules;
- ``script`` — OpenCC: simplified and traditional;
- ``pinyin`` — pypinyin, numbered syllables, tone marks and the pinyin styles registry;
- ``particles`` — reading rules for particles and polyphones, kept as data;
- ``g2p`` — the g2pM polyphone model; ``disambiguate`` weighs its opinion against the
  dictionaries'.
"""
