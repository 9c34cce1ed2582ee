"""One paper's details (title, authors, summary, star, status, tags, note) and, for several
papers, the selection panel; notes that could not be saved are kept here."""
