"""Hand-written lexicons for actor resolution and event coding (our own tables, no external data)."""
