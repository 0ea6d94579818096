"""Display transforms: ``annotate``'s output formats (``render``), spoken tones made from
citation tones (``sandhi``), and the tone of a syllable with the one tone palette
(``tones``)."""
