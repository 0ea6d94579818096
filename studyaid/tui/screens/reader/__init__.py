"""The reader screen, in rooms:

- :mod:`.screen` — ``ReaderScreen``: opens a text, turns keys into moves, quits;
- :mod:`.state` — ``ReaderState``: sentence, cursor, what is annotated and asked for, the
  search (plain Python, tested without Pilot);
- :mod:`.base` — ``ReaderBase``: the drawing, the annotation and status workers and
  their messages, safe saves;
- :mod:`.edits` — ``ReaderEdits``: gloss, translation, split, merge, reading, status, card;
- :mod:`.links` — ``ReaderLinks``: the review, statistics, dictionary and word list;
- :mod:`.sync` — ``VocabWatch``: what another process changed in the vocab folder.

Import from the modules themselves: :mod:`.state` and :mod:`.sync` load no Textual.
"""
