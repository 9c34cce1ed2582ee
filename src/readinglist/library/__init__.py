"""The SQLite library: schema, migrations, backups and every SQL statement the app runs.

Qt-free, like the core; the GUI and the CLI both call it.
"""
