"""The Reading view: figures and plots of one's reading, from the status history."""
