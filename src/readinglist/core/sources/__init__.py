"""Digest sources: each format readinglist reads is an adapter (`adapter.SourceAdapter`)
that sniffs bytes and reads them as sightings (`sighting.Sighting`); `registry` declares
them all, once."""
