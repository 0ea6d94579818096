"""Allow ``python -m studyaid``."""

from studyaid.cli import main

raise SystemExit(main())
