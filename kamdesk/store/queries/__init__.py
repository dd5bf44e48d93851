"""Reads by concept: each module answers one screen's or one command's questions with
plain frozen rows, taking a connection first (``Database.read(query, *args)``)."""
