"""Generated tasks store a title code and facts, not words in one language.

Adds ``tasks.title_code`` and ``tasks.title_params`` and converts the tasks the app
generated before (recognised by ``source``/``source_key``): key-date greetings
('keydate:…', 'coop:…', 'founded:…'), renewals ('renewal:…') and cadence snoozes
('cadence:…'), and the note of tasks made from account-plan actions ('plan_action:…',
"Account plan 2027" / "客户经营计划 2027"). Their facts are read again from the rows they came from; ``title``
keeps the facts alone and ``notes`` (the generated greeting) is emptied, both being
rendered when shown, in the language in use. A task whose source row is gone (a
deleted key date, a contract since renewed into another term) keeps its text as it is.

Revision ID: 0006_task_title_codes
Revises: 0005_rfm_sort_index
Create Date: 2026-11-30

Landed migrations are never edited: a user's existing database must open. This one
uses no ORM class: the models change later, this upgrade must not.
"""
from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0006_task_title_codes"
down_revision = "0005_rfm_sort_index"
branch_labels = None
depends_on = None

# The cadence action labels as they were written into snooze titles (en, zh_CN).
_ACTION_LABELS = {
    "contact": ("Contact", "例行联系"),
    "executive_visit": ("Executive visit", "高层互访"),
    "satisfaction_check": ("Satisfaction check", "季度满意度调研"),
    "win_back": ("Win-back call", "沉默客户回访"),
    "churn_review": ("Churn-cause review", "流失原因复盘"),
}


def _with_company(text: str, company: str | None) -> str:
    return f"{text} · {company}" if company and company not in text else text


def _plain_title(code: str, p: dict[str, Any]) -> str:
    company = p.get("company") or ""
    if code == "key_date":
        return _with_company(str(p.get("typed_title") or p.get("person") or company),
                             company)[:300]
    if code == "renewal":
        return _with_company(f"{p['contract']} ({p['number']})", company)[:300]
    return str(company)[:300] or code


def _year(value: object) -> int | None:
    text = str(value or "")
    return int(text[:4]) if text[:4].isdigit() else None


def _split_key(key: str) -> tuple[int, int | None] | None:
    parts = key.split(":")
    try:
        return int(parts[1]), int(parts[2]) if len(parts) > 2 else None
    except (IndexError, ValueError):
        return None


def _key_date_params(conn: sa.Connection, key: str) -> dict[str, Any] | None:
    split = _split_key(key)
    if split is None:
        return None
    row_id, year = split
    if year is None:
        return None
    if key.startswith("keydate:"):
        r = conn.execute(sa.text(
            "SELECT k.kind, k.title, k.year, k.recurrence, p.name, c.short_name, c.name, "
            "m.value_tier FROM key_dates k JOIN customers c ON c.id = k.customer_id "
            "LEFT JOIN people p ON p.id = k.person_id "
            "LEFT JOIN customer_metrics m ON m.customer_id = k.customer_id WHERE k.id = :id"),
            {"id": row_id}).first()
        if r is None:
            return None
        years = year - r[2] if r[2] is not None and r[3] == "yearly" else None
        return {"kind": r[0], "typed_title": r[1] or None, "person": r[4],
                "company": r[5] or r[6], "years": years if years and years > 0 else None,
                "tier": r[7]}
    kind, column = ("anniversary", "cooperation_start") if key.startswith("coop:") \
        else ("founding", "founded_on")
    r = conn.execute(sa.text(
        f"SELECT c.{column}, c.short_name, c.name, m.value_tier FROM customers c "
        "LEFT JOIN customer_metrics m ON m.customer_id = c.id WHERE c.id = :id"),
        {"id": row_id}).first()
    origin = _year(r[0]) if r is not None else None
    if r is None or origin is None:
        return None
    years = year - origin
    return {"kind": kind, "typed_title": None, "person": None, "company": r[1] or r[2],
            "years": years if years > 0 else None, "tier": r[3]}


def _renewal_params(conn: sa.Connection, key: str) -> dict[str, Any] | None:
    split = _split_key(key)
    if split is None:
        return None
    r = conn.execute(sa.text(
        "SELECT k.title, k.number, k.end_on, k.renewal_notice_days, c.short_name, c.name "
        "FROM contracts k JOIN customers c ON c.id = k.customer_id WHERE k.id = :id"),
        {"id": split[0]}).first()
    if r is None or r[2] is None or _year(r[2]) != split[1]:
        return None  # the term this task was for is no longer on record
    return {"contract": r[0], "number": r[1], "company": r[4] or r[5],
            "end": str(r[2])[:10], "notice_days": max(0, int(r[3] or 0))}


def _cadence_params(conn: sa.Connection, key: str, title: str) -> dict[str, Any] | None:
    split = _split_key(key)
    if split is None:
        return None
    r = conn.execute(sa.text("SELECT name FROM customers WHERE id = :id"),
                     {"id": split[0]}).first()
    if r is None:
        return None
    action = next((code for code, labels in _ACTION_LABELS.items()
                   if any(title.startswith(f"{label}: ") for label in labels)), None)
    return {"action": action, "company": r[0]}


def upgrade() -> None:
    with op.batch_alter_table("tasks") as batch:
        batch.add_column(sa.Column("title_code", sa.String(length=24), nullable=True))
        batch.add_column(sa.Column("title_params", sa.JSON(), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(sa.text(
        "SELECT id, source, source_key, title FROM tasks WHERE source_key IS NOT NULL "
        "AND source IN ('key_date', 'contract', 'cadence')")).all()
    for task_id, source, key, title in rows:
        code, params = None, None
        if source == "key_date" and key.startswith(("keydate:", "coop:", "founded:")):
            code, params = "key_date", _key_date_params(conn, key)
        elif source == "contract" and key.startswith("renewal:"):
            code, params = "renewal", _renewal_params(conn, key)
        elif source == "cadence" and key.startswith("cadence:"):
            code, params = "cadence", _cadence_params(conn, key, title or "")
        if code is None or params is None:
            continue
        values = {"id": task_id, "code": code, "title": _plain_title(code, params),
                  "params": json.dumps(params, ensure_ascii=False)}
        if code == "cadence":
            conn.execute(sa.text(
                "UPDATE tasks SET title_code = :code, title_params = :params, title = :title "
                "WHERE id = :id"), values)
        else:
            conn.execute(sa.text(
                "UPDATE tasks SET title_code = :code, title_params = :params, title = :title, "
                "notes = NULL WHERE id = :id"), values)


    # Plan-action tasks: the title is the user's action; only the plan note was generated.
    for task_id, key, notes in conn.execute(sa.text(
            "SELECT t.id, t.source_key, t.notes FROM tasks t WHERE t.source = 'plan' "
            "AND t.source_key LIKE 'plan_action:%' AND t.title_code IS NULL")).all():
        period = conn.execute(sa.text(
            "SELECT p.period FROM plan_actions a JOIN account_plans p ON p.id = a.plan_id "
            "WHERE a.id = :a"), {"a": int(key.split(":", 1)[1])}).scalar()
        if period is None or (notes or "") not in (f"Account plan {period}",
                                                    f"客户经营计划 {period}"):
            continue  # the plan is gone or the user rewrote the note: keep the words
        conn.execute(sa.text(
            "UPDATE tasks SET title_code = 'plan_action', title_params = :params, "
            "notes = NULL WHERE id = :id"),
            {"id": task_id, "params": json.dumps({"period": period}, ensure_ascii=False)})


def downgrade() -> None:
    with op.batch_alter_table("tasks") as batch:
        batch.drop_column("title_params")
        batch.drop_column("title_code")
