"""A search keystroke on the customer list (``setText`` per keystroke, as the benchmark
types): a capped count shown as "N+" until the exact one arrives from the background,
no model reset when the matches stay the same, and the rest of the first page read
when the view scrolls past the first screenful."""

from __future__ import annotations

from kamdesk.store.ops.customers import create_customer
from kamdesk.store.queries import customer_search
from kamdesk.store.queries.customers import fetch_page


def _add(ctx, name, **kw):
    return ctx.db.write(create_customer, name=name, **kw).value


def _fill(ctx, n: int) -> None:
    for i in range(n):
        _add(ctx, f"宁波丰源制造{i:02d}厂", industry="制造业")
    _add(ctx, "上海昌盛商贸")


def test_capped_count_then_exact_in_background(qtbot, ctx, make_window, monkeypatch):
    _fill(ctx, 30)
    monkeypatch.setattr(customer_search, "EXACT_UP_TO", 5)
    monkeypatch.setattr(customer_search, "COUNT_CAP", 10)
    w = make_window(ctx)
    screen = w.customers
    model = screen.model
    model._count_timer.setInterval(1000)  # the pause before the exact count, for the test
    screen.search.setText("丰源")  # a keystroke (keyClicks types ASCII only)
    qtbot.waitUntil(lambda: model.query.search == "丰源")
    # Right after the keystroke: "10+" rows; the exact count follows after a pause.
    assert not model.count_exact and model.count_pending()
    assert model.rowCount() == 10
    assert screen.count_label.text().startswith("10+")
    qtbot.waitUntil(lambda: model.count_exact, timeout=8000)
    assert model.rowCount() == 30
    assert "10+" not in screen.count_label.text() and "30" in screen.count_label.text()
    with ctx.db.engine.connect() as conn:
        want = fetch_page(conn, model.query, 0, 200)
    assert [model.row_at(i).id for i in range(30)] == [r.id for r in want]
    assert model.row_at(30) is None


def test_no_reset_when_the_matches_stay(qtbot, ctx, make_window):
    _fill(ctx, 3)
    w = make_window(ctx)
    screen = w.customers
    model = screen.model
    screen.search.setText("丰源制")
    qtbot.waitUntil(lambda: model.query.search == "丰源制" and model.rowCount() == 3)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    screen.search.setText("丰源制造")  # the same three customers
    qtbot.waitUntil(lambda: model.query.search == "丰源制造")
    assert resets == [] and model.rowCount() == 3
    qtbot.keyClicks(screen.search, "0")  # 丰源制造0: the same three (宁波丰源制造0…)
    qtbot.waitUntil(lambda: model.query.search == "丰源制造0")
    assert resets == []
    qtbot.keyClicks(screen.search, "1")  # 丰源制造01: one left
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert resets == [1] and model.row_at(0).name == "宁波丰源制造01厂"
    assert model.count_exact and "1" in screen.count_label.text()


def test_a_data_change_rereads_even_with_the_same_matches(qtbot, ctx, make_window):
    _fill(ctx, 2)
    w = make_window(ctx)
    screen = w.customers
    screen.search.setText("丰源")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
    _add(ctx, "丰源新厂")
    screen.model.refresh()
    assert screen.model.rowCount() == 3


def test_a_view_with_the_same_search_and_another_order_reads_again(qtbot, ctx, make_window):
    from kamdesk.domain.list_views import SavedView

    _fill(ctx, 3)
    w = make_window(ctx)
    screen = w.customers
    screen.search.setText("丰源")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3)
    screen.apply_view(SavedView("", {"search": "丰源 x"}, "name", True))
    names = [screen.model.row_at(i).name for i in range(3)]
    assert names == sorted(names, reverse=True)
    screen.apply_view(SavedView("", {"search": "丰源"}, "name", False))
    names = [screen.model.row_at(i).name for i in range(3)]
    assert names == sorted(names)
