"""Persistence: SQLAlchemy models, engine set-up, migrations and query functions. No Qt."""
