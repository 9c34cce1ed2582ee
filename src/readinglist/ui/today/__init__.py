"""Today: the bar above the list while Today is shown, and the session it follows."""
