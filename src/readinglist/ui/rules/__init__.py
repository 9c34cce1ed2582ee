"""Edit → Rules…: what to do to new papers that match a query, and a rule run on the papers
already in the library (undoably)."""
