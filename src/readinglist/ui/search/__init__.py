"""The search box (the query language typed in the toolbar) and the saved-search actions."""
