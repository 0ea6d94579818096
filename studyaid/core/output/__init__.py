"""Display transforms: ``annotate``'s output formats (``render``), spoken tones made from
citation tones (``sandhi``), the tone of a syllable with the one tone palette
(``tones``), line breaking by the CJK rules (``line_break``); and the spoken word: our
pinyin said by espeak-ng, cached as WAV files (``speech``), played by the platform's
player in the background (``player``)."""
