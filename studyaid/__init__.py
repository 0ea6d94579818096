"""studyaid: a Chinese-to-English study and translation aid for the terminal."""

__version__ = "0.1.0"
