"""Texts: reading a file in any encoding studyaid accepts (``loader``), joining
hard-wrapped lines (``unwrap``), cutting sentences (``sentences``; ``sentence_list`` keeps
a huge text's sentences as offsets) and the library of texts to read (``library``)."""
