"""The text pipeline: plain Python that never imports the UI (a test proves it).

Rooms, lowest first (a room imports only from rooms below it; a test checks it):

- ``errors`` — ``StudyaidError``, the one error the program reports as one line;
- ``nlp/`` — segmentation (jieba), script (OpenCC), pinyin (pypinyin), particle rules,
  the polyphone model (g2pM) and how its opinion is weighed;
- ``model`` — the data types everyone shares: Token, WordInfo, Sentence, IdiomMatch,
  Note, Gloss;
- ``vocab/`` — the learner's files (glosses, statuses, translations, positions) and the
  safe-file helpers; names every file of the vocab folder;
- ``text/`` — reading a file, unwrapping hard-wrapped lines, sentences, the library;
- ``dictionary/`` — CC-CEDICT, its index and search, idioms, HSK, what a lookup shows;
- ``output/`` — display transforms: annotate's formats, spoken tones, the tone palette;
  speech (espeak-ng) and the audio player;
- ``engine/`` — the annotator, wiring it from settings, the annotation process, the
  annotation cache and text profiles.
"""
