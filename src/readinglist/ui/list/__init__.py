"""The paper list: a table over a model that holds ids and fetches rows lazily; its columns
are declared once in columns.py."""
