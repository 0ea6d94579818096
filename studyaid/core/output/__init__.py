"""Display transforms: ``annotate``'s output formats (``render``), spoken tones made from
citation tones (``sandhi``), the tone of a syllable with the one tone palette
(``tones``), and line breaking by the CJK rules (``line_break``)."""
