"""Live updates on a shared library: what other members change shows in the window."""
