"""Registries of file formats by name, each format's module imported on first use.

The command line offers a registry's names (its choices and help) without importing what
the formats need (genanki, the study layer): the module that reads or writes a format is
imported when that format is looked up.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TypeVar, cast

F = TypeVar("F")


@dataclass(frozen=True)
class Format:
    """Where a format's function lives (``package.module:function``) and a few words on
    what the format is, for the command line's help (none when the name says it)."""

    target: str
    help: str = ""


class Registry(Mapping[str, F]):
    """Format name -> its function, in the order given (the order the help lists them)."""

    def __init__(self, formats: Mapping[str, Format]) -> None:
        self.formats = dict(formats)

    def __getitem__(self, name: str) -> F:
        module, _, function = self.formats[name].target.partition(":")
        return cast(F, getattr(importlib.import_module(module), function))

    def __iter__(self) -> Iterator[str]:
        return iter(self.formats)

    def __len__(self) -> int:
        return len(self.formats)

    def described(self) -> list[str]:
        """Each name with its help in brackets: ``apkg (Anki package)``, ``pleco``."""
        return [f"{name} ({f.help})" if f.help else name for name, f in self.formats.items()]
