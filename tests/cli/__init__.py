"""The command line: failures said in words, check, restore, what reaches a terminal."""
