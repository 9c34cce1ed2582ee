"""Help: About, the keyboard shortcuts and the command palette, built from the actions."""
