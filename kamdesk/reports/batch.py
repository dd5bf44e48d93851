"""Exporting many account plans to a folder, e.g. every high-value customer's plan
before a quarterly review.

Each plan is read through its own short connection and written under a temporary
name, then renamed: a cancelled or failed run never leaves a half-written PDF that
looks finished, and a long run never holds one read transaction open against the
writer (the user may keep working while it runs).
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kamdesk.privacy import private_file
from kamdesk.reports.from_store import plan_document
from kamdesk.store.ops.plans import normalize_period
from kamdesk.store.queries.customers import pick_customer, pick_customers
from kamdesk.store.queries.plans import list_plans

__all__ = ["ExportJob", "export_one", "export_plans", "plan_file_name", "plan_jobs", "sanitize"]

Progress = Callable[[int, int, str], None]  # (done, total, what is being written)
NAME_LIMIT = 80
_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}


def sanitize(text: str, limit: int = NAME_LIMIT) -> str:
    """A piece of a file name that is valid on Windows, macOS and Linux.

    Characters forbidden on any of them become "_", runs of spaces collapse, trailing
    dots and spaces go (Windows drops them silently), hanzi stay as they are.
    """
    t = unicodedata.normalize("NFC", text or "")
    t = _FORBIDDEN.sub("_", t)
    t = re.sub(r"\s+", " ", t).strip().strip(".")
    t = t[:limit].rstrip(" .")
    if not t or t.upper() in _RESERVED:
        t = f"_{t}"
    return t


def plan_file_name(code: str, name: str, period: str) -> str:
    """``{code}-{name}-{period}.pdf``, each part sanitised."""
    return f"{sanitize(code, 32)}-{sanitize(name)}-{sanitize(period, 16)}.pdf"


@dataclass(frozen=True)
class ExportJob:
    plan_id: int | None  # None: a draft generated from the data, not saved
    customer_id: int
    code: str
    name: str
    period: str


def plan_jobs(conn: Any, *, tier: str | None = None, customer_ids: Iterable[int] | None = None,
              period: str | None = None, latest_only: bool = False,
              draft_missing: bool = False, today: date | None = None) -> list[ExportJob]:
    """What a batch would export: every plan of the tier's (or the listed) customers,
    optionally of one period or only each customer's latest; with ``draft_missing``,
    a customer with no such plan gets a draft for ``period`` (default: this year)."""
    wanted = None if customer_ids is None else set(customer_ids)
    period = normalize_period(period) if period else None
    rows = list_plans(conn, value_tier=tier)
    if wanted is not None:
        rows = [r for r in rows if r.customer_id in wanted]
    if period is not None:
        rows = [r for r in rows if r.period == period]
    jobs: list[ExportJob] = []
    seen: set[int] = set()
    for r in rows:  # latest period first within each customer
        if latest_only and r.customer_id in seen:
            continue
        seen.add(r.customer_id)
        jobs.append(ExportJob(r.id, r.customer_id, r.customer_code, r.customer_name, r.period))
    if draft_missing:
        draft_period = period or str((today or date.today()).year)
        if wanted is not None:
            found = (pick_customer(conn, c) for c in sorted(wanted) if c not in seen)
            picks = {c.id: c for c in found if c is not None}
        else:
            # every active customer: the picker's list before anything is typed
            picks = {c.id: c for c in pick_customers(conn, "", limit=10_000_000)
                     if (tier is None or c.value_tier == tier) and c.id not in seen}
        for cid in sorted(picks, key=lambda i: picks[i].code):
            c = picks[cid]
            jobs.append(ExportJob(None, c.id, c.code, c.name, draft_period))
    return jobs


def _is_cancelled(cancel: threading.Event | Callable[[], bool] | None) -> bool:
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())


def export_plans(
    db: Any,
    folder: str | Path,
    *,
    tier: str | None = None,
    customer_ids: Iterable[int] | None = None,
    period: str | None = None,
    latest_only: bool = False,
    draft_missing: bool = False,
    lang: str = "en",
    today: date | None = None,
    pagesize: str = "A4",
    progress: Progress | None = None,
    cancel: threading.Event | Callable[[], bool] | None = None,
    jobs: list[ExportJob] | None = None,
) -> list[Path]:
    """Write one PDF per plan into ``folder``; returns the files written, in order.

    ``progress(done, total, label)`` is called before each plan and once at the end;
    ``cancel`` (an Event or a callable) is checked between plans, and a cancelled run
    returns what was finished so far. An existing file of the same name is replaced:
    re-running a batch refreshes it.
    """
    today = today or date.today()
    out_dir = Path(folder)
    out_dir.mkdir(parents=True, exist_ok=True)
    if jobs is None:
        jobs = db.read(plan_jobs, tier=tier, customer_ids=customer_ids, period=period,
                       latest_only=latest_only, draft_missing=draft_missing, today=today)
    written: list[Path] = []
    total = len(jobs)
    for done, job in enumerate(jobs):
        target = out_dir / plan_file_name(job.code, job.name, job.period)
        if progress is not None:
            progress(done, total, target.name)
        # Checked after reporting, so a Cancel pressed while the progress was shown
        # stops before the next plan rather than after it.
        if _is_cancelled(cancel):
            break
        written.append(export_one(db, job, out_dir, lang, today, pagesize))
    if progress is not None:
        progress(len(written), total, "")
    return written


def export_one(db: Any, job: ExportJob, folder: Path, lang: str, today: date,
               pagesize: str = "A4") -> Path:
    """One plan of a batch, through its own connection; returns the file written.

    The GUI calls this once per event-loop turn (rather than from a thread: Python's
    garbage collector running in a worker thread may free Qt objects there, which
    crashes Qt).
    """
    from kamdesk.reports.plan_pdf import render_plan_pdf

    target = folder / plan_file_name(job.code, job.name, job.period)
    doc = db.read(plan_document, job.plan_id, job.customer_id, lang, today, job.period)
    partial = target.with_name(f".{target.stem}.{os.getpid()}.part")
    try:
        render_plan_pdf(doc, partial, pagesize=pagesize)  # type: ignore[arg-type]
        private_file(partial)  # user-only whatever the umask (kamdesk.privacy)
        os.replace(partial, target)
    finally:
        if partial.exists():
            partial.unlink()
    return target
