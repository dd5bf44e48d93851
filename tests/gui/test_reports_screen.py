"""The Reports screen (数据复盘) driven as a user: the period picker, the comparison with the
period before, a target set on a tile, the customers behind a figure, an empty book, and
the participation KPI moving when attendance is marked through the events operations.
The clock is fixed at 2026-11-23 (tests/gui/conftest.py)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

import factories as customer_ops
from kamdesk.domain.review_kpis import KPI_CODES
from kamdesk.store.ops.events import create_event, invite, mark_attendance
from kamdesk.store.ops.surveys import record_survey
from kamdesk.store.queries.kpi_review import kpi_targets
from kamdesk.ui.ops import run_op

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def never_block(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)


def _customers(ctx, *names):
    with ctx.db.session() as s:
        ids = [customer_ops.create_customer(s, name=n, cooperation_start=date(2025, 1, 1)).id
               for n in names]
        s.commit()
    return ids


def _survey(ctx, customer_id, day, nps, csat=None):
    run_op(ctx, record_survey, customer_id=customer_id, responded_on=day, nps=nps, csat=csat,
           today=TODAY)


def _open(qtbot, ctx):
    from kamdesk.ui.reports.screen import ReportsScreen

    screen = ReportsScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    _settle(qtbot, screen)
    return screen


def _settle(qtbot, screen, code=None):
    qtbot.waitUntil(lambda: screen.review is not None and not screen.is_busy()
                    and (code is None or screen.review.period.code == code))


def test_empty_book_says_no_data_not_zero(qtbot, ctx):
    screen = _open(qtbot, ctx)
    assert screen.review.period.code == "2026-11"
    assert screen.title.text() == "Review of Nov 2026"
    assert screen.compare_label.text() == "compared with Oct 2026"
    assert list(screen.tiles) == list(KPI_CODES)
    for code, tile in screen.tiles.items():
        if code == "new_customers":
            assert tile.value.text() == "0"  # a count: none won is a real zero
            continue
        assert tile.value.text() == "No data", code
        assert "0" not in tile.value.text()
        assert not tile.chart.has_data()
        assert tile.target.text() == "No target"
    assert not screen.busy.isVisible()
    assert not screen.next_button.isEnabled()  # the future has no figures


def test_period_switching_and_the_previous_period(qtbot, ctx):
    a, b = _customers(ctx, "甲公司", "乙公司")
    _survey(ctx, a, date(2026, 11, 5), 10, csat=5)
    _survey(ctx, b, date(2026, 11, 9), 9, csat=4)
    _survey(ctx, a, date(2026, 10, 7), 3, csat=2)
    screen = _open(qtbot, ctx)
    nps = screen.tiles["nps"]
    assert nps.value.text() == "+100"
    assert nps.basis.text() == "2 answers"
    assert nps.change.text().startswith("▲ +200")
    assert "Oct 2026: -100" in nps.change.text()
    assert screen.tiles["csat_avg"].value.text() == "4.50"
    assert nps.chart.values[-2:] == [-100.0, 100.0]  # the trend ends with Oct, Nov

    qtbot.mouseClick(screen.prev_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, screen, "2026-10")
    assert screen.title.text() == "Review of Oct 2026"
    assert screen.compare_label.text() == "compared with Sep 2026"
    assert nps.value.text() == "-100"
    assert "Sep 2026: no data" in nps.change.text() and "▲" not in nps.change.text()
    assert screen.next_button.isEnabled()

    screen.kind_combo.setCurrentIndex(screen.kind_combo.findData("quarter"))
    _settle(qtbot, screen, "2026-Q4")
    assert screen.title.text() == "Review of Q4 2026"
    assert nps.value.text() == "+33"  # 2 promoters, 1 detractor of 3
    assert screen.tiles["nps"].basis.text() == "3 answers"
    qtbot.mouseClick(screen.current_button, Qt.MouseButton.LeftButton)  # already current
    assert screen.review.period.code == "2026-Q4"


def test_a_quick_run_of_periods_shows_only_the_last(qtbot, ctx):
    a, = _customers(ctx, "甲公司")
    _survey(ctx, a, date(2026, 8, 5), 0)
    screen = _open(qtbot, ctx)
    for _ in range(3):  # Nov -> Aug without waiting
        screen.set_period(screen.period.previous())
    _settle(qtbot, screen, "2026-08")
    qtbot.wait(50)
    assert screen.review.period.code == "2026-08"
    assert screen.tiles["nps"].value.text() == "-100"


def test_setting_a_target_updates_the_tile_and_persists(qtbot, ctx):
    a, = _customers(ctx, "甲公司")
    _survey(ctx, a, date(2026, 11, 5), 10)
    screen = _open(qtbot, ctx)
    tile = screen.tiles["nps"]
    qtbot.mouseClick(tile.target_button, Qt.MouseButton.LeftButton)
    dlg = screen.target_dialog
    assert dlg is not None and dlg.isVisible()
    assert "From -100 to 100." in dlg.range_label.text()

    dlg.edit.setText("lots")
    dlg.accept()
    assert dlg.isVisible() and dlg.error_label.text() == \
        "Target: This is not a valid number or amount."
    dlg.edit.setText("250")
    dlg.accept()
    assert dlg.isVisible() and "out of the allowed range" in dlg.error_label.text()
    dlg.edit.setText("30")
    dlg.accept()
    assert not dlg.isVisible()
    assert ctx.db.read(kpi_targets) == {"nps": 30.0}
    qtbot.waitUntil(lambda: tile.target.text() == "Target: +30")
    _settle(qtbot, screen)
    assert screen.review.figure("nps").on_target is True
    assert tile.chart.has_target_line()

    # money is typed in yuan and stored in fen
    qtbot.mouseClick(screen.tiles["aov"].target_button, Qt.MouseButton.LeftButton)
    screen.target_dialog.edit.setText("1,500")
    screen.target_dialog.accept()
    assert ctx.db.read(kpi_targets) == {"nps": 30.0, "aov": 150_000}
    qtbot.waitUntil(lambda: screen.tiles["aov"].target.text() == "Target: ¥1,500")

    # clearing it
    qtbot.mouseClick(tile.target_button, Qt.MouseButton.LeftButton)
    assert screen.target_dialog.edit.text() == "30"
    qtbot.mouseClick(screen.target_dialog.clear_button, Qt.MouseButton.LeftButton)
    assert ctx.db.read(kpi_targets) == {"aov": 150_000}
    qtbot.waitUntil(lambda: tile.target.text() == "No target")


def test_drill_down_lists_the_customers_and_opens_a_profile(qtbot, ctx):
    a, b, c = _customers(ctx, "甲公司", "乙公司", "丙公司")
    _survey(ctx, a, date(2026, 11, 5), 10)
    _survey(ctx, b, date(2026, 11, 6), 2)
    _survey(ctx, c, date(2026, 10, 6), 1)  # another month: not behind November's figure
    screen = _open(qtbot, ctx)
    qtbot.mouseClick(screen.tiles["nps"].drill_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.drill_dialog is not None)
    dlg = screen.drill_dialog
    table = dlg.table
    assert table.rowCount() == 2
    assert [table.item(r, 1).text() for r in range(2)] == ["乙公司", "甲公司"]  # flagged first
    assert [table.item(r, 2).text() for r in range(2)] == ["Detractor", "Promoter"]
    assert [table.item(r, 3).text() for r in range(2)] == ["2", "10"]
    assert table.item(0, 4).text() == "2026-11-06"
    with qtbot.waitSignal(ctx.open_customer) as opened:
        dlg.open_row(0)
    assert opened.args == [b]
    qtbot.waitUntil(lambda: screen.drill_dialog is None)

    # a click on the tile itself drills down too; an empty figure says so
    qtbot.mouseClick(screen.tiles["churn_rate"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.drill_dialog is not None)
    assert screen.drill_dialog.windowTitle().startswith("Churn rate")
    screen.drill_dialog.close()


def test_drill_down_opens_the_profile_in_the_main_window(qtbot, ctx, make_window):
    a, = _customers(ctx, "甲公司")
    _survey(ctx, a, date(2026, 11, 5), 4)
    w = make_window(ctx)
    w.show_screen("reports")
    screen = w.screen("reports")
    _settle(qtbot, screen)
    screen.drill("nps")
    qtbot.waitUntil(lambda: screen.drill_dialog is not None)
    qtbot.waitExposed(screen.drill_dialog)
    table = screen.drill_dialog.table
    rect = table.visualItemRect(table.item(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: w.current_key() == "profile")


def test_participation_moves_when_attendance_is_marked(qtbot, ctx):
    a, b = _customers(ctx, "甲公司", "乙公司")
    screen = _open(qtbot, ctx)
    tile = screen.tiles["participation_rate"]
    assert tile.value.text() == "No data"
    event_id = run_op(ctx, create_event, name="客户沙龙", held_on=date(2026, 11, 12),
                      kind="salon").value
    invited = [run_op(ctx, invite, event_id, cid).value[0] for cid in (a, b)]
    qtbot.waitUntil(lambda: tile.value.text() == "0.0%")  # invited, nobody came yet
    assert tile.basis.text() == "2 invitations"
    run_op(ctx, mark_attendance, [invited[0]], True)
    qtbot.waitUntil(lambda: tile.value.text() == "50.0%")
    run_op(ctx, mark_attendance, [invited[1]], True)
    qtbot.waitUntil(lambda: tile.value.text() == "100.0%")
    _settle(qtbot, screen)
    assert screen.tiles["participation_rate"].chart.values[-1] == 100.0


def test_chinese_screen_and_validation(qapp, qtbot, ctx):
    from PySide6.QtCore import QLocale

    from kamdesk.ui import i18n

    a, = _customers(ctx, "甲公司")
    _survey(ctx, a, date(2026, 11, 5), 10)
    locale_before = QLocale()
    try:
        assert i18n.install_translators(qapp, "zh_CN")
        ctx.lang = "zh_CN"
        screen = _open(qtbot, ctx)
        tile = screen.tiles["nps"]
        assert screen.title.text() == "2026年11月 复盘"
        assert screen.compare_label.text() == "对比 2026年10月"
        assert tile.name.text() == "净推荐值(NPS)"
        assert tile.basis.text() == "1份答卷"
        assert tile.target.text() == "未设目标"
        assert screen.tiles["churn_rate"].value.text() == "无数据"
        assert "推荐者" in tile.toolTip()
        screen.drill("nps")
        qtbot.waitUntil(lambda: screen.drill_dialog is not None)
        assert screen.drill_dialog.table.item(0, 2).text() == "推荐者"
        screen.drill_dialog.close()
        screen.ask_target("nps")
        dlg = screen.target_dialog
        dlg.edit.setText("500")
        dlg.accept()
        assert dlg.error_label.text() == "目标值：此值超出允许范围。"
        dlg.edit.setText("好")
        dlg.accept()
        assert dlg.error_label.text() == "目标值：不是有效的数字或金额。"
        dlg.close()
    finally:
        i18n.install_translators(qapp, "en")
        QLocale.setDefault(locale_before)


def test_export_review_pdf(qtbot, ctx, monkeypatch, tmp_path):
    pytest.importorskip("kamdesk.reports.review_pdf")  # written in parallel; on main
    a, = _customers(ctx, "甲公司")
    _survey(ctx, a, date(2026, 11, 5), 10)
    screen = _open(qtbot, ctx)
    target = tmp_path / "review.pdf"
    opened = []
    monkeypatch.setattr("kamdesk.ui.pdf_export.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target), "PDF"))
    monkeypatch.setattr("kamdesk.ui.pdf_export.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toLocalFile()))
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")
    assert opened == [str(target)]
