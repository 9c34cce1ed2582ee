"""The `readinglist` command: the app, and a scriptable CLI over the same core.

The command names, options, exit codes and JSON shapes are a contract that scripts rely on;
see the README. One module per command, each declaring its `Command` (name, help, options,
run); `registry.py` lists them and builds the parser from them. Heavy modules are imported
inside the commands, so that `--version` and `--help` stay instant.

What goes wrong reaches people as one line on stderr (`readinglist: ...`), never a
traceback: a library that cannot be read or written is said in words, naming its file
(`library/failures.py`), and success is printed only once what it reports is saved. Text
from outside (titles, authors, URLs, file names) is printed through `for_display`, so a
crafted digest or file name cannot send the terminal its own commands or forge a line.
"""

from readinglist.cli.main import main

__all__ = ["main"]
