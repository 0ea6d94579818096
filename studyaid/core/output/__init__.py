"""Display transforms: ``annotate``'s output formats (``render``), spoken tones made from
citation tones (``sandhi``), and the tone of a syllable with the one tone palette
(``tones``); and the spoken word: our pinyin said by espeak-ng, cached as WAV files
(``speech``), played by the platform's player in the background (``player``)."""
