"""Index one- and two-character Chinese searches (typing 丰, then 丰源).

Revision ID: 0004_cjk_search_tokens
Revises: 0003_sort_indexes
Create Date: 2026-11-23

Appends padded tokens for every Chinese character and character pair to each
customer's search text, so the trigram index answers short Chinese queries too.
The token rule is copied here (not imported) because landed migrations never change.
Landed migrations are never edited: a user's existing database must open.
"""
from alembic import op

revision = "0004_cjk_search_tokens"
down_revision = "0003_sort_indexes"
branch_labels = None
depends_on = None

MARK = "\ue000"


def _is_han(ch: str) -> bool:
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0x20000 <= o <= 0x2FA1F


def _markers(text: str) -> str:
    singles: dict[str, None] = {}
    pairs: dict[str, None] = {}
    prev = ""
    for ch in text:
        if _is_han(ch):
            singles[ch + MARK + MARK] = None
            if prev:
                pairs[prev + ch + MARK] = None
            prev = ch
        else:
            prev = ""
    return " ".join([*singles, *pairs])


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    rows = bind.exec_driver_sql("SELECT rowid, body FROM customer_fts").fetchall()
    updated = [(body + " " + _markers(body), rowid) for rowid, body in rows
               if body and MARK not in body]
    for start in range(0, len(updated), 5000):
        bind.exec_driver_sql("UPDATE customer_fts SET body = ? WHERE rowid = ?",
                             updated[start:start + 5000])


def downgrade() -> None:
    pass  # the extra tokens are harmless to an older search
