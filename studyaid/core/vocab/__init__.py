"""The learner's own files: the vocab folder, plain UTF-8 files safe to edit and keep in git.

Every file of the folder is named here, once:

- ``GLOSSES`` (glosses.tsv) and ``LEXICON`` (lexicon.txt): read and written by
  :mod:`.glosses` (``Vocab``);
- ``STATUS``, ``TRANSLATIONS``, ``POSITIONS``: by :mod:`.learner` (``Learner``);
- ``READINGS`` (readings.tsv, a reading chosen for one occurrence): by :mod:`.glosses`;
- ``JOURNAL`` (undo.log, the changes that can be undone): by :mod:`.journal`;
- ``CARDS`` (cards.tsv), ``LOG`` (reviews.log) and ``SETTINGS`` (study.toml): by
  ``studyaid.study``.

The safe-file helpers every writer goes through (lock, re-read, atomic replace) are in
:mod:`.storage`; TOML with ``file:line`` errors in :mod:`.toml_file`.
"""

GLOSSES = "glosses.tsv"
LEXICON = "lexicon.txt"
STATUS = "status.tsv"
TRANSLATIONS = "translations.tsv"
POSITIONS = "positions.tsv"
CARDS = "cards.tsv"
LOG = "reviews.log"
SETTINGS = "study.toml"
READINGS = "readings.tsv"
JOURNAL = "undo.log"

FILES = (GLOSSES, LEXICON, STATUS, TRANSLATIONS, POSITIONS, CARDS, LOG, SETTINGS, READINGS,
         JOURNAL)
"""Every file of the vocab folder."""
