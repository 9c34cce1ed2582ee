"""A shared library on PostgreSQL: one library for a lab, each member's own reading state.

The schema keeps what is shared (papers, digests, sightings, tags, shared notes, saved
searches and rules marked shared) apart from what is each person's (star, status and its
history, private notes, Today), and the database enforces who may change what: each member
connects as their own role, and row-level security policies keep each person's rows to
that person. The design, and what is still to come, is in docs/postgres-notes.md.
"""
