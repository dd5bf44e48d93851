"""Reads by concept: each module takes a connection and returns plain rows (frozen dataclasses,
named tuples), never ORM objects, so screens can hold them and no session outlives a call."""
