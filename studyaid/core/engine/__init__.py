"""Annotation: the ``Annotator`` (text in, annotated sentences out: ``annotate``), built
from settings by ``services``, run in its own process for the reader (``process``),
cached per text (``annotation_cache``), and a text's profile for the library
(``profile``)."""
