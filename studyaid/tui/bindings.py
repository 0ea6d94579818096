"""The reader's key bindings, as data: each has a stable id (for remapping), a short
description for the footer and a longer one (the tooltip) for the help screen."""

from __future__ import annotations

from textual.binding import Binding

PAGE = 5
"""Sentences moved by PgUp/PgDn."""


def _key(keys: str, action: str, short: str, long: str, id: str, show: bool = False,
         display: str | None = None) -> Binding:
    return Binding(keys, action, short, show=show, key_display=display, tooltip=long, id=id)


READER_BINDINGS: list[Binding] = [
    # The footer shows the keys marked show, in this order, as many as the width allows:
    # help and quit first (they must never be cut off), then the most used.
    _key("question_mark", "help", "Keys", "This list of keys", "help", show=True,
         display="?"),
    _key("q", "quit", "Quit", "Quit (the place in the text is kept; while the text's pinyin"
         " is being finished, once it is cached: q again quits now)", "quit", show=True),
    # Moving
    _key("left,h", "word(-1)", "Previous word", "Previous word", "word-previous"),
    _key("right,l", "word(1)", "Next word", "Next word", "word-next"),
    _key("up,k", "sentence(-1)", "Previous sentence", "Previous sentence", "sentence-previous"),
    _key("down,j", "sentence(1)", "Next sentence", "Next sentence", "sentence-next"),
    _key("pageup", f"sentence(-{PAGE})", "Page back", f"Back {PAGE} sentences",
         "page-previous"),
    _key("pagedown", f"sentence({PAGE})", "Page on", f"On {PAGE} sentences", "page-next"),
    _key("home", "first", "First", "First sentence", "sentence-first"),
    _key("end", "last", "Last", "Last sentence", "sentence-last"),
    _key("shift+down", "details(1)", "Details ↓", "Scroll the details panel down (the word"
         " stays selected)", "details-down", show=True, display="⇧↓"),
    _key("shift+up", "details(-1)", "Details ↑", "Scroll the details panel up",
         "details-up"),
    _key("slash", "search", "Search",
         "Search the text; Enter jumps to the next sentence containing it", "search",
         show=True, display="/"),
    _key("n", "search_next", "Next match", "Next sentence containing the search",
         "search-next"),
    # The learner's own data
    _key("g", "gloss", "Gloss", "Edit the word's gloss (saved to the vocab folder)",
         "gloss-edit", show=True),
    _key("t", "translation", "Translate", "Edit the sentence's translation",
         "translation-edit", show=True),
    _key("K", "known", "Known", "Mark the word known", "status-known", show=True),
    _key("a", "card", "Card", "Add the word to the flashcards (cards.tsv)", "card-add",
         show=True),
    _key("J", "sentence_done", "Done", "Done with this sentence: its words still new become"
         " known (learning and carded words stay), then the next sentence", "sentence-done",
         show=True),
    _key("u", "undo", "Undo", "Undo the last change (gloss, translation, split/merge,"
         " reading, status, card added); again for the one before", "undo", show=True),
    _key("e", "hear_word", "Hear", "Hear the word, in its reading as shown (spoken tones when"
         " they are shown)", "hear-word", show=True),
    _key("E", "hear_sentence", "Hear sentence", "Hear the whole sentence", "hear-sentence"),
    _key("d", "dictionary", "Dict", "Look words up: hanzi, pinyin or English (opens on the"
         " word)", "dictionary-open", show=True),
    _key("w", "words", "Words", "Every word you glossed, marked or carded, to review and edit",
         "words-open", show=True),
    _key("i", "mine", "i+1", "Sentences of your texts with exactly one word you do not know"
         " yet: card the word with its sentence", "mine-open"),
    _key("W", "text_words", "Text's words", "Every word of this text: count, HSK level,"
         " status, gloss; mark many known at once, card them", "text-words-open", show=True),
    _key("R", "review", "Review", "Review the flashcards that are due", "review-open",
         show=True),
    _key("L", "app.library", "Library", "The library: choose another text to read",
         "library-open", show=True),
    _key("r", "reading", "Reading", "Choose the word's reading among its dictionary readings"
         " (kept)", "reading-choose", show=True),
    _key("s", "split", "Split", "Split the word into parts (saved to the lexicon)",
         "token-split", show=True),
    _key("m", "merge", "Merge", "Merge the word with the next (saved to the lexicon)",
         "token-merge", show=True),
    _key("U", "unknown", "Not known", "Mark the word not known: learning (again: new)",
         "status-unknown"),
    _key("S", "stats", "Stats", "Flashcard statistics: reviews per day, due forecast",
         "stats-open"),
    # Display
    _key("p", "display('cycle_pinyin')", "Pinyin", "Pinyin over all words / words not known / none",
         "pinyin-cycle", show=True),
    _key("v", "display('cycle_script')", "Script", "Hanzi as written / traditional / simplified",
         "script-cycle", show=True),
    _key("T", "display('toggle_spoken')", "Spoken",
         "Pinyin in spoken tones (一个 yí gè, 你好 ní hǎo) / as the dictionary writes them",
         "spoken-tones-toggle", show=True),
    _key("f", "page_view", "Page", "Page view (the sentences around, as many as the height"
         " allows; the default from 32 rows) / focused view", "page-view-toggle", show=True),
    _key("c", "display('toggle_tones')", "Tones", "Tone colours on/off", "tones-toggle"),
    _key("C", "display('toggle_hanzi_tones')", "Hanzi tones",
         "Tone colours on the hanzi too, on/off", "hanzi-tones-toggle"),
    _key("ctrl+p", "app.command_palette", "Commands", "Every action by name (type to find"
         " one)", "command-palette", show=True, display="^p"),
]


REVIEW_BINDINGS: list[Binding] = [
    _key("space,enter", "show", "Show", "Show the answer; on the answer: Good (as in Anki)",
         "review-show", show=True, display="Space"),
    _key("e", "hear", "Hear", "Hear the word (once the answer shows: its reading is the"
         " answer)", "review-hear", show=True),
    _key("E", "hear_sentence", "Sentence", "Hear the example sentence (once the answer"
         " shows), the word in the card's reading", "review-hear-sentence", show=True),
    _key("1", "grade(1)", "Again", "Again: forgotten; the card comes back soon",
         "review-again"),
    _key("2", "grade(2)", "Hard", "Hard: remembered with difficulty", "review-hard"),
    _key("3", "grade(3)", "Good", "Good: remembered", "review-good"),
    _key("4", "grade(4)", "Easy", "Easy: remembered at once", "review-easy"),
    _key("u", "undo", "Undo", "Undo the last grade and show that card again",
         "review-undo", show=True),
    _key("s", "stats", "Stats", "Statistics: reviews per day, due forecast, retention",
         "review-stats", show=True),
    _key("question_mark", "help", "Help", "This list of keys", "review-help", show=True,
         display="?"),
    _key("q,escape", "leave", "Leave", "Leave the review (every grade is already saved)",
         "review-leave", show=True),
]
"""The review screen's keys: Anki's (Space/Enter shows the answer, 1-4 grade)."""

STATS_BINDINGS: list[Binding] = [
    _key("q,escape,s,S", "leave", "Back", "Back to where you were", "stats-leave", show=True),
    _key("question_mark", "help", "Help", "This list of keys", "stats-help", show=True,
         display="?"),
]
"""The statistics screen's keys."""

LIBRARY_COLUMNS = ("title", "characters", "sentences", "progress", "known", "hsk", "idioms")
"""The library table's columns, in order (their keys and sort names)."""

LIBRARY_BINDINGS: list[Binding] = [
    _key("enter,o", "open", "Open", "Open the text under the cursor in the reader",
         "library-text-open", show=True, display="Enter"),
    *[_key(str(number), f"sort('{column}')", f"Sort by {column}",
           f"Sort by {column} (again: the other way round)", f"library-sort-{column}")
      for number, column in enumerate(LIBRARY_COLUMNS, 1)],
    _key("r", "reload", "Reload", "List the texts again (new files, changed statuses)",
         "library-reload"),
    _key("escape", "back", "Back", "Back to the text you were reading", "library-back",
         show=True, display="Esc"),
    _key("question_mark", "help", "Help", "This list of keys", "library-help", show=True,
         display="?"),
    _key("q", "app.quit", "Quit", "Quit", "library-quit", show=True),
]
"""The library screen's keys: 1-7 sort by the columns in order."""

SEARCH_BINDINGS: list[Binding] = [
    _key("e", "hear", "Hear", "Hear the highlighted entry (from the results)", "search-hear",
         show=True),
    _key("down", "results", "Results", "From the search to its results", "search-results"),
    _key("slash", "type", "Search", "Back to the search, to type another", "search-type",
         show=True, display="/"),
    _key("g", "gloss", "Gloss", "Edit the word's gloss (saved to the vocab folder)",
         "search-gloss", show=True),
    _key("a", "card", "Card", "Add the word to the flashcards (cards.tsv)", "search-card",
         show=True),
    _key("question_mark", "help", "Help", "This list of keys", "search-help", show=True,
         display="?"),
    _key("escape", "leave", "Back", "Back to where you were", "search-leave", show=True,
         display="Esc"),
]
"""The dictionary screen's keys; letters go to the search while it has the focus."""

WORDS_BINDINGS: list[Binding] = [
    _key("slash", "filter", "Filter", "Filter the list: words, readings, glosses, texts",
         "words-filter", show=True, display="/"),
    _key("g", "gloss", "Gloss", "Edit the word's gloss (empty removes the gloss; a reading"
         " or note you set stays)", "words-gloss",
         show=True),
    _key("s", "status", "Status", "Change the word's status: new, learning, known",
         "words-status", show=True),
    _key("o", "sort", "Sort", "Sort by the next column (a click on a heading sorts by it)",
         "words-sort", show=True),
    _key("O", "reverse", "Reverse", "Reverse the order", "words-reverse"),
    _key("delete,x", "delete", "Delete", "Delete the word: its gloss, status and card (asks"
         " first)", "words-delete", show=True, display="Del"),
    _key("question_mark", "help", "Help", "This list of keys", "words-help", show=True,
         display="?"),
    _key("escape", "leave", "Back", "Back to where you were (from the filter: to the list)",
         "words-leave", show=True, display="Esc"),
]
"""The word list's keys; letters go to the filter while it has the focus."""

TEXT_WORDS_BINDINGS: list[Binding] = [
    _key("space", "select", "Select", "Select the word (or unselect it): K, L and a then act"
         " on the selected words", "text-words-select", show=True, display="Space"),
    _key("K", "mark('known')", "Known", "Mark the selected words known (none selected: every"
         " word shown)", "text-words-known", show=True),
    _key("L", "mark('learning')", "Learning", "Mark the selected words learning (none"
         " selected: every word shown)", "text-words-learning", show=True),
    _key("a", "card", "Card", "Add the selected words (or the one under the cursor) to the"
         " flashcards, each with its first sentence", "text-words-card", show=True),
    _key("g", "gloss", "Gloss", "Edit the word's gloss (everywhere)", "text-words-gloss",
         show=True),
    _key("s", "cycle_status", "Status", "Show every word / new / learning / known",
         "text-words-status", show=True),
    _key("h", "cycle_hsk", "HSK", "Show every HSK level / one level at a time",
         "text-words-hsk", show=True),
    _key("o", "cycle_sort", "Sort", "Sort by count / HSK level / first appearance",
         "text-words-sort", show=True),
    _key("enter", "jump", "Go", "To the word's first sentence in the reader",
         "text-words-jump", show=True, display="Enter"),
    _key("question_mark", "help", "Help", "This list of keys", "text-words-help",
         display="?"),
    _key("escape", "leave", "Back", "Back to the reader", "text-words-leave", show=True,
         display="Esc"),
]
"""The keys of a text's word list (W in the reader)."""

MINE_BINDINGS: list[Binding] = [
    _key("a", "card", "Card", "Add the sentence's new word to the flashcards, with the"
         " sentence", "mine-card", show=True),
    _key("enter", "jump", "Go", "To the sentence (in the text being read)", "mine-jump",
         show=True, display="Enter"),
    _key("question_mark", "help", "Help", "This list of keys", "mine-help", display="?"),
    _key("escape", "leave", "Back", "Back to the reader", "mine-leave", show=True,
         display="Esc"),
]
"""The keys of the sentences to learn from (i in the reader)."""

ALL_BINDINGS: list[Binding] = (READER_BINDINGS + REVIEW_BINDINGS + STATS_BINDINGS
                               + LIBRARY_BINDINGS + SEARCH_BINDINGS + WORDS_BINDINGS
                               + TEXT_WORDS_BINDINGS + MINE_BINDINGS)
"""Every binding of every screen: the ids a keymap may name."""
