"""`python -m readinglist`: the same entry point as the `readinglist` command."""

import sys

from readinglist.cli import main

sys.exit(main())
