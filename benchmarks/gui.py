"""In-process GUI measurements: the customer list, the profile, Today and Calendar.

One real :class:`~kamdesk.ui.main_window.MainWindow` per database
(:class:`benchmarks.gui_window.Window`), offscreen, with a fixed clock (2026-11-23
10:00) and throw-away QSettings. Each timing runs from the user's action to the moment
``repaint()`` of what changed has returned, so it holds the query, the model reset, the
first rows' ``data()`` calls and the painting.

Bounds (the floor the operation cannot beat) are the equivalent hand-written queries on
a plain ``sqlite3`` connection to the same file: the same rows in the same order,
without SQLAlchemy, dataclasses or Qt.
"""

from __future__ import annotations

import importlib.util
import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.core import (
    NO_TARGET,
    ModuleMissing,
    Result,
    Target,
    measure,
    not_available,
    summarise,
    timed,
)
from benchmarks.gui_window import PaintProbe, Window, settle

SORT_TARGET = Target(max_seconds=0.050)
SEARCH_TARGET = Target(max_seconds=0.016)
PROFILE_TARGET = Target(max_seconds=0.100)
TODAY_TARGET = Target(max_seconds=0.200)
LIST_TARGET = Target(max_seconds=0.050)  # a reset is a sort without the new order
JUMP_TARGET = Target(max_seconds=0.050)  # issue #15: a jump to the middle at 100k
CALENDAR_OPEN_TARGET = Target(max_seconds=0.150)  # issue #15 item 8
CALENDAR_STEP_TARGET = Target(max_seconds=0.050)
PAGE = 200

#: screen key -> module that must exist for it (the main window leaves missing ones out)
SCREEN_MODULES = {
    "today": "kamdesk.ui.today.screen",
    "calendar": "kamdesk.ui.calendar.screen",
    "profile": "kamdesk.ui.profile.screen",
}


def module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


# -- bounds: the same rows with a plain sqlite3 connection -------------------------------------
_COLS = ("c.id, c.code, c.name, c.industry, c.cooperation_start, m.revenue_12m_cents, "
         "m.value_tier, m.activity, m.key_contact_name, m.key_contact_phone, c.explicit_needs, "
         "m.last_interaction_at, m.health, m.r_score, m.f_score, m.m_score, m.segment, "
         "m.next_due_on, m.overdue_days, c.potential, c.owner, c.status")
_FROM = "FROM customers c JOIN customer_metrics m ON m.customer_id = c.id"


def _ids_sql(word: str) -> tuple[str, str]:
    """The app's own index lookup for one word (the FTS5 trigram ``MATCH``, with the
    padded tokens for one or two Chinese characters). The bound used to scan with
    ``LIKE`` below three characters, which made the floor slower than the app."""
    from kamdesk.store.search_sqlite import match_clause

    sql, args = match_clause(word)
    return sql, str(args[0])


def bound_page(con: sqlite3.Connection, order: str, tie: str, offset: int = 0,
               search: str = "", with_count: bool = True) -> None:
    where, args = "c.status != 'archived'", []
    if search:
        sub, arg = _ids_sql(search)
        where += f" AND c.id IN ({sub})"
        args.append(arg)
    if with_count:
        con.execute(f"SELECT count(*) {_FROM} WHERE {where}", args).fetchone()
    con.execute(f"SELECT {_COLS} {_FROM} WHERE {where} ORDER BY {order}, {tie} "
                f"LIMIT {PAGE} OFFSET {offset}", args).fetchall()


def _sort_sql(key: str, descending: bool) -> tuple[str, str]:
    from kamdesk.store.queries.customers import SORT_COLUMNS

    col = SORT_COLUMNS.get(key, "c.name")
    d = "DESC" if descending else "ASC"
    tie = "m.customer_id" if col.startswith("m.") else "c.id"
    return f"{col} {d}", f"{tie} {d}"


# -- groups -----------------------------------------------------------------------------------
def group_list(w: Window, size: int, runs: int) -> list[Result]:
    out = []

    def reset() -> None:
        w.model.refresh()
        w.table.viewport().repaint()

    q = w.model.query
    r = Result("list", f"list first page: reset + repaint (sorted by {q.sort}"
               f"{' desc' if q.descending else ''}, the default)", size,
               target=LIST_TARGET, bound_name="count + first page in sqlite3")
    reset()
    timings = [timed_cpus(reset) for _ in range(runs)]
    order, tie = _sort_sql(q.sort, q.descending)
    bound = measure(lambda: bound_page(w.sql, order, tie), runs)
    out.append(summarise(r, [t[0] for t in timings], bound))
    _cpu_extra(r, timings)

    sb = w.table.verticalScrollBar()

    def looked_at() -> None:
        """The user looks at the list a moment: the model's background read of its
        page keys (if it has one) finishes before the scrollbar is dragged."""
        pending = getattr(w.model, "keys_pending", None)
        deadline = time.perf_counter() + 30.0
        while pending is not None and pending() and time.perf_counter() < deadline:
            w.app.processEvents()
            time.sleep(0.002)

    def jump(wait: bool = True) -> tuple[float, float, float]:
        w.model.refresh()  # forget cached pages (untimed)
        sb.setValue(0)
        settle()
        if wait:
            looked_at()
        return timed_cpus(lambda: (sb.setValue(sb.maximum() // 2),
                                   w.table.viewport().repaint()))

    r = Result("list", "scroll: jump to the middle of the list", size, target=JUMP_TARGET,
               bound_name="page at OFFSET n/2 in sqlite3")
    jump()
    timings = [jump() for _ in range(runs)]
    mid = max(0, w.model.rowCount() // 2 - 10)
    bound = measure(lambda: bound_page(w.sql, order, tie, offset=mid, with_count=False), runs)
    out.append(summarise(r, [t[0] for t in timings], bound))
    _cpu_extra(r, timings)
    # As information: a jump before the page keys are read (right after a reset)
    r.extra["without_keys_median_ms"] = round(
        statistics.median(jump(wait=False)[0] for _ in range(runs)) * 1000, 1)
    looked_at()
    sb.setValue(0)
    settle()
    return out


def group_sort(w: Window, size: int, runs: int) -> list[Result]:
    from PySide6.QtCore import Qt

    from kamdesk.ui.customers.model import COLUMNS

    out = []
    w.to_customers()
    default = w.model.query
    from kamdesk.store.queries.customers import SORT_COLUMNS

    for col, (key, header) in enumerate(COLUMNS):
        if key not in SORT_COLUMNS:
            continue  # e.g. tags: a set, not an order; the model ignores a click on it
        samples: list[float] = []
        bound: list[float] = []
        timings: list[tuple[float, float, float]] = []
        for n in range(runs + 1):  # the first pair warms up
            for desc in (False, True):
                order = Qt.SortOrder.DescendingOrder if desc else Qt.SortOrder.AscendingOrder

                def do(order=order, col=col) -> None:  # type: ignore[no-untyped-def]
                    w.table.sortByColumn(col, order)
                    w.table.viewport().repaint()
                timing = timed_cpus(do)
                t = timing[0]
                if w.model.query.sort != key:
                    raise RuntimeError(f"sorting by column {col} did not sort by {key!r}")
                o, tie = _sort_sql(key, desc)
                b = timed(lambda o=o, tie=tie: bound_page(w.sql, o, tie, with_count=False))
                if n:
                    samples.append(t)
                    bound.append(b)
                    timings.append(timing)
        r = Result("sort", f"sort by {key} ({header}), asc/desc", size, target=SORT_TARGET,
                   bound_name="first sorted page in sqlite3")
        out.append(summarise(r, samples, bound))
        _cpu_extra(r, timings)
    keys = [k for k, _h in COLUMNS]
    if default.sort in keys:  # back to the screen's own order for the next groups
        w.table.sortByColumn(keys.index(default.sort), Qt.SortOrder.DescendingOrder
                             if default.descending else Qt.SortOrder.AscendingOrder)
    settle()
    return out


def search_terms(con: sqlite3.Connection) -> dict[str, str]:
    """What a user types, taken from a customer in the middle of the book (deterministic)."""
    from kamdesk.store.pinyin import has_han, pinyin_forms

    n = con.execute("SELECT max(id) FROM customers").fetchone()[0] or 1
    for _cid, short, phone in con.execute(
        "SELECT c.id, c.short_name, m.key_contact_phone FROM customers c "
        "JOIN customer_metrics m ON m.customer_id = c.id WHERE c.id >= ? AND c.code != 'BENCH500'"
        " ORDER BY c.id", (n // 2,)):
        if short and has_han(short) and phone and len(phone) >= 11:
            return {"name": short, "pinyin initials": pinyin_forms(short)[1],
                    "phone": phone.replace(" ", "")[:11]}
    raise RuntimeError("no customer with a Chinese short name and a phone in the database")


def timed_cpu(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU of this process) seconds of one call."""
    c0, t0 = time.process_time(), time.perf_counter()
    fn()
    return time.perf_counter() - t0, time.process_time() - c0


def timed_cpus(fn: Callable[[], object]) -> tuple[float, float, float]:
    """(wall, CPU of this process, CPU of this thread) seconds of one call: the process
    figure includes the app's background reads (page keys, neighbouring months), the
    thread figure is what the window itself spent."""
    c0, m0, t0 = time.process_time(), time.thread_time(), time.perf_counter()
    fn()
    return time.perf_counter() - t0, time.process_time() - c0, time.thread_time() - m0


def _cpu_extra(r: Result, timings: list[tuple[float, float, float]]) -> None:
    r.extra["cpu_median_ms"] = _cpu_ms([c for _t, c, _m in timings])
    r.extra["main_thread_cpu_median_ms"] = _cpu_ms([m for _t, _c, m in timings])


def group_search(w: Window, size: int, runs: int) -> list[Result]:
    """Each keystroke of a word, from ``setText`` to the list painted (or, for a prefix
    the screen holds back for a pause, to the end of the keystroke's handling). The
    bound is the index itself: the FTS lookup of the first page, for the keystrokes the
    app searches at once."""
    import statistics

    from kamdesk.store.search import search_words, searched_at_once

    w.to_customers()
    out = []
    for kind, term in search_terms(w.sql).items():
        prefixes = [term[:k] for k in range(1, len(term) + 1)]
        samples: list[float] = []
        cpu: list[float] = []
        per: dict[str, list[float]] = {p: [] for p in prefixes}
        pause: list[float] = []
        for n in range(runs + 1):
            w.set_search_now("")
            for p in prefixes:
                t, c = timed_cpu(lambda p=p: w.type_search(p))
                if n:
                    samples.append(t)
                    cpu.append(c)
                    per[p].append(t)
            w.flush_search()
        # What a pause on a held-back prefix costs (the scan the debounce postpones).
        held = [p for p in prefixes if search_words(p) and not searched_at_once(p)]
        for n in range(runs + 1):
            for p in held:
                w.set_search_now("")
                w.type_search(p)
                t = timed(w.flush_search)
                if n:
                    pause.append(t)
        w.set_search_now("")
        order, tie = _sort_sql(w.model.query.sort, w.model.query.descending)
        bound: list[float] = []
        indexed = [p for p in prefixes if search_words(p) and searched_at_once(p)]
        for n in range(runs + 1):
            for p in indexed:
                b = timed(lambda p=p, o=order, t=tie: bound_page(w.sql, o, t, search=p,
                                                                  with_count=False))
                if n:
                    bound.append(b)
        r = Result("search", f"search by {kind}: type {term!r} ({len(prefixes)} keystrokes)",
                   size, target=SEARCH_TARGET,
                   bound_name="FTS lookup of the first page in sqlite3 (indexed keystrokes)")
        summarise(r, samples, bound)
        r.extra["cpu_median_ms"] = round(statistics.median(cpu) * 1000, 2)
        r.extra["per_keystroke_ms"] = {p: round(statistics.median(v) * 1000, 2)
                                       for p, v in per.items()}
        if pause:  # not a keystroke: the scan a pause on a short Latin prefix runs
            r.extra["pause_on"] = held
            r.extra["pause_median_ms"] = round(statistics.median(pause) * 1000, 2)
        out.append(r)
    return out


def _open_screen(w: Window, key: str, runs: int, tables: set[str],
                 cpu: list[tuple[float, float, float]] | None = None
                 ) -> tuple[list[float], float]:
    """From the customer list, announce a change the screen shows (so it is stale, as after
    a day of work) and time showing it until its repaint returns.

    Returns the timings and the first opening (untimed warm-up: it may build the screen,
    as the main window creates screens the first time they are shown); the CPU time of
    each timed run is appended to ``cpu`` if given.

    Before each run the app's own background reads finish (the list's page keys after
    its refresh, the Calendar's neighbouring months from the run before): a user does
    not switch screens within the second after the last one painted, and on this loaded
    2-CPU machine a read still running from the run before competes with the one timed.
    """
    samples = []
    first = 0.0
    for n in range(runs + 1):
        w.to_customers()
        w.ctx.announce(tables)
        settle()
        _wait_background(w)

        probe: list[PaintProbe] = []

        def show(probe: list[PaintProbe] = probe) -> None:
            screen = w.win.screen(key)  # built on first use
            probe.append(PaintProbe(screen))
            w.win.show_screen(key)
            probe[0].finish(0)
        timing = timed_cpus(show)
        t = timing[0]
        probe[0].close()
        if n:
            samples.append(t)
            if cpu is not None:
                cpu.append(timing)
        else:
            first = t
    w.to_customers()
    return samples, first


def _wait_background(w: Window) -> None:
    """Until the screens' background reads (if they have any) are done, at most 30 s."""
    busy = [getattr(w.model, "keys_pending", None)]
    if w.has_screen("calendar") and module_exists(SCREEN_MODULES["calendar"]):
        prefetch = getattr(w.win.screen("calendar"), "prefetch", None)
        busy.append(getattr(prefetch, "busy", None))
    try:  # reads dropped by a change still run to their end
        from kamdesk.ui.ops import reads_running
        busy.append(reads_running)
    except ImportError:
        pass
    deadline = time.perf_counter() + 30.0
    while any(b is not None and b() for b in busy) and time.perf_counter() < deadline:
        w.app.processEvents()
        time.sleep(0.002)


def _cpu_ms(cpu: list[float]) -> float:
    return round(statistics.median(cpu) * 1000, 2)


def group_today(w: Window, size: int, runs: int) -> list[Result]:
    op = "open Today (stale: read + build cards + repaint)"
    if not module_exists(SCREEN_MODULES["today"]) or not w.has_screen("today"):
        return [not_available("today", op, size, "module missing (kamdesk.ui.today)")]
    r = Result("today", op, size, target=TODAY_TARGET)
    samples, first = _open_screen(w, "today", runs, {"tasks"})
    out = [summarise(r, samples)]
    r.extra["first_open_s"] = round(first, 6)
    try:
        from kamdesk.store.queries.today import today_data

        now = w.ctx.clock.now()

        def query() -> None:
            with w.db.engine.connect() as conn:
                today_data(conn, now, w.ctx.lang)
        q = Result("today", "  of which today_data() query", size, target=NO_TARGET)
        out.append(summarise(q, measure(query, runs)))
    except ImportError:
        pass
    return out


def group_calendar(w: Window, size: int, runs: int) -> list[Result]:
    op = "open Calendar month (stale: read + build grid + repaint)"
    if not module_exists(SCREEN_MODULES["calendar"]) or not w.has_screen("calendar"):
        return [not_available("calendar", op, size, "module missing (kamdesk.ui.calendar)")]
    r = Result("calendar", op, size, target=CALENDAR_OPEN_TARGET)
    cpu: list[tuple[float, float, float]] = []
    samples, first = _open_screen(w, "calendar", runs, {"tasks"}, cpu)
    out = [summarise(r, samples)]
    r.extra["first_open_s"] = round(first, 6)
    _cpu_extra(r, cpu)
    # As information: stale after a change every source reads (customers), so the whole
    # month is read again; the row above is the common case (a task logged or done),
    # where the screen reads again only its tasks.
    cpu = []
    every, _first = _open_screen(w, "calendar", runs, {"customers"}, cpu)
    r.extra["all_sources_reread_median_ms"] = round(statistics.median(every) * 1000, 1)
    r.extra["all_sources_reread_cpu_median_ms"] = _cpu_ms([c for _t, c, _m in cpu])
    r.extra["all_sources_reread_main_thread_cpu_median_ms"] = _cpu_ms([m for _t, _c, m in cpu])
    screen = w.win.screen("calendar")
    if hasattr(screen, "step"):
        w.win.show_screen("calendar")
        settle()

        def forward() -> None:
            screen.step(1)
            screen.repaint()

        def looked_at() -> None:
            """The user looks at the month a moment: the screen's background reads of
            the neighbouring months (if it has them) finish before the next step."""
            prefetch = getattr(screen, "prefetch", None)
            deadline = time.perf_counter() + 30.0
            while prefetch is not None and prefetch.busy() and time.perf_counter() < deadline:
                w.app.processEvents()
                time.sleep(0.002)

        # Forward only: each step is a month never shown before (a step back would find
        # the month just left, which the screen keeps).
        s = Result("calendar", "Calendar: next month + repaint (neighbours prefetched)", size,
                   target=CALENDAR_STEP_TARGET)
        looked_at()
        forward()  # warm-up
        both = []
        for _ in range(runs * 2):
            looked_at()
            both.append(timed_cpu(forward))
        prefetch = getattr(screen, "prefetch", None)
        cold: list[float] = []
        if prefetch is not None:  # as information: a step before the neighbours are read
            prefetch.enabled = False
            prefetch.clear()
            cold = [timed(forward) for _ in range(runs)]
            prefetch.enabled = True
        screen.go_today()
        summarise(s, [t for t, _c in both])
        s.extra["cpu_median_ms"] = round(statistics.median(c for _t, c in both) * 1000, 2)
        if cold:
            s.extra["without_prefetch_median_ms"] = round(statistics.median(cold) * 1000, 1)
        out.append(s)
        w.to_customers()
    return out


def group_profile(w: Window, size: int, runs: int) -> list[Result]:
    from PySide6.QtWidgets import QTabWidget

    from benchmarks.data import PROFILE_INTERACTIONS, profile_customer_id

    base = f"open profile ({PROFILE_INTERACTIONS} contacts)"
    if not module_exists(SCREEN_MODULES["profile"]) or not w.has_screen("profile"):
        return [not_available("profile", base, size, "module missing (kamdesk.ui.profile)")]
    cid = profile_customer_id(w.db.engine)
    if cid is None:
        return [not_available("profile", base, size, "no BENCH500 customer in the database")]
    screen = w.win.screen("profile")
    probe = PaintProbe(screen)
    tabs = screen.findChild(QTabWidget)
    out = []
    count = tabs.count() if tabs is not None else 1
    for i in range(count):
        title = tabs.tabText(i).replace("&&", "&") if tabs is not None else "current tab"
        if tabs is not None:
            w.win.show_customer(cid)
            settle()
            tabs.setCurrentIndex(i)
            settle()
        samples = []
        for n in range(runs + 1):
            w.to_customers()

            def open_() -> None:
                mark = probe.mark()
                w.win.show_customer(cid)
                probe.finish(mark)
            t = timed(open_)
            if n:
                samples.append(t)
        r = Result("profile", f"{base}, {title} tab", size, target=PROFILE_TARGET)
        out.append(summarise(r, samples))
    if tabs is not None:
        tabs.setCurrentIndex(0)
    probe.close()
    w.to_customers()
    return out


GUI_GROUP_FUNCS: dict[str, Callable[[Window, int, int], list[Result]]] = {
    "list": group_list, "sort": group_sort, "search": group_search, "profile": group_profile,
    "today": group_today, "calendar": group_calendar,
}


def run_gui_groups(db_path: Path, size: int, groups: list[str], runs: int,
                   emit: Callable[[Result], None]) -> None:
    wanted = [g for g in GUI_GROUP_FUNCS if g in groups]
    if not wanted:
        return
    w = Window(db_path)
    try:
        for g in wanted:
            try:
                for r in GUI_GROUP_FUNCS[g](w, size, runs):
                    emit(r)
            except ModuleMissing as exc:
                emit(not_available(g, g, size, f"module missing ({exc})"))
            except Exception as exc:  # noqa: BLE001 - one broken group must not stop the suite
                import traceback

                traceback.print_exc()
                w.to_customers()
                emit(Result(g, g, size, status="error", note=f"{type(exc).__name__}: {exc}"))
    finally:
        w.close()
