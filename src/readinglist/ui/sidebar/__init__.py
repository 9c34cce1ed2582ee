"""The sidebar: all papers, each status, starred, saved searches, tags and digests with their
counts; its entries are declared once in entries.py."""
