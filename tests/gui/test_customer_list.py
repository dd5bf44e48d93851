from datetime import date

from PySide6.QtCore import Qt

from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.people import create_person
from kamdesk.ui.customers.model import COL


def _add(ctx, name, **kw):
    return ctx.db.write(create_customer, name=name, **kw).value


def test_search_by_pinyin_initials_and_full_pinyin(qtbot, ctx, make_window):
    _add(ctx, "中国移动", industry="信息技术")
    _add(ctx, "华为技术", industry="制造业")
    w = make_window(ctx)
    screen = w.customers
    w.show_screen("customers")
    qtbot.keyClicks(screen.search, "zgyd")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert screen.model.row_at(0).name == "中国移动"
    screen.search.clear()
    qtbot.keyClicks(screen.search, "zhongguo")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert screen.model.row_at(0).name == "中国移动"


def test_search_by_contact_phone(qtbot, ctx, make_window):
    cid = _add(ctx, "华为技术")
    _add(ctx, "中国移动")
    ctx.db.write(create_person, cid, name="任总", mobile="139-1234-5678")
    w = make_window(ctx)
    qtbot.keyClicks(w.customers.search, "13912345")
    qtbot.waitUntil(lambda: w.customers.model.rowCount() == 1)
    assert w.customers.model.row_at(0).name == "华为技术"


def test_sort_and_filter(qtbot, demo_ctx, make_window):
    w = make_window(demo_ctx)
    screen = w.customers
    total = screen.model.rowCount()
    assert total > 150
    screen.table.sortByColumn(COL["revenue"], Qt.SortOrder.DescendingOrder)
    revs = [screen.model.row_at(i).revenue_12m_cents for i in range(30)]
    assert revs == sorted(revs, reverse=True) and revs[0] > 0
    screen.tier.setCurrentIndex(screen.tier.findData("A"))
    assert 0 < screen.model.rowCount() < total
    assert {screen.model.row_at(i).value_tier for i in range(screen.model.rowCount())} == {"A"}
    screen.industry.setCurrentIndex(1)
    industry = screen.industry.currentData()
    assert all(screen.model.row_at(i).industry == industry
               for i in range(screen.model.rowCount()))


def test_paging_reads_only_what_it_shows(qtbot, demo_ctx, make_window):
    w = make_window(demo_ctx)
    model = w.customers.model
    model.page_size = 20
    model.refresh()
    assert set(model._pages) == {0}  # only the first page after a reset
    last = model.row_at(model.rowCount() - 1)
    assert last is not None and len(model._pages) == 2
    assert len(model._pages[(model.rowCount() - 1) // 20]) <= 20


def test_archive_hides_and_restore_shows(qtbot, ctx, make_window):
    _add(ctx, "待归档客户")
    w = make_window(ctx)
    screen = w.customers
    screen.table.selectRow(0)
    screen._toggle_archive()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0)
    screen.archived.setChecked(True)
    assert screen.model.rowCount() == 1 and screen.model.row_at(0).status == "archived"
