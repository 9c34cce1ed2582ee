"""The main window: makes the features, wires their signals, remembers the layout, closes
them in order. What joins several features (the list's query, the paper shown) lives here."""
