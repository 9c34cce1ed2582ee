"""Triage: the keyboard actions on papers (star, status, tags, note, open) and the undoable
commands they make."""
