"""Digests in: the file dialogs, drops and the sample digest, the import on a worker thread,
and its progress and report in the status bar."""
