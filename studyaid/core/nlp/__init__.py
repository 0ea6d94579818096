"""Language: each outside library behind one module.

- ``segment`` — jieba, with the learner's lexicon rules; ``names`` — the shapes of names
  and the clause rules it keeps jieba's HMM in check with;
- ``script`` — OpenCC: simplified and traditional;
- ``pinyin`` — pypinyin, numbered syllables, tone marks and the pinyin styles registry;
- ``particles`` — reading rules for particles and polyphones, kept as data;
- ``g2p`` — the g2pM polyphone model; ``disambiguate`` weighs its opinion against the
  dictionaries'.
"""
