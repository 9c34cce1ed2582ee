"""Preferences: the dialog built from the settings' declarations, the theme, and which
library the window shows (File → Open Library…, Open Recent)."""
