"""The dictionary: CC-CEDICT's format (``cedict``), the compiled index with search and
ranking (``index``), idioms and their notes (``idioms``), the HSK 3.0 lists (``hsk``),
a word's entries and the learner's gloss (``lookup``), everything the dictionary
screen shows about one word (``word_report``), the sense that fits the sentence
(``senses``) and a name glossed as a name (``proper_names``)."""
