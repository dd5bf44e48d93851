"""A book filled while running in English, opened in Chinese: no generated English.

Generated reminders (renewals, key dates, greetings) are stored as codes and facts and
rendered when shown, so what the English session generated reads in Chinese here.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import QLabel

from kamdesk.store.ops.key_date_reminders import sync_reminder_tasks
from kamdesk.store.queries.reminders import due_reminders

NOW = datetime(2026, 11, 23, 10, 0)


def _context(database, tmp_path, lang):
    from PySide6.QtCore import QSettings

    from kamdesk.clock import FixedClock
    from kamdesk.ui.context import AppContext

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(database, FixedClock(NOW), lang, settings)

ENGLISH_GENERATED = ("Prepare renewal", "birthday", "Birthday", "anniversary", "Anniversary",
                     "Dear ", "Happy ", "The contract ends on")


def _texts(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.text()]


def test_english_generated_reminders_read_in_chinese(qapp, demo_db, tmp_path, make_window,
                                                     qtbot):
    # What the English app writes at start: the generated reminder tasks.
    changes = demo_db.write(sync_reminder_tasks, NOW.date(), "en", now=NOW)
    assert changes.value.created > 0
    from PySide6.QtCore import QLocale

    from kamdesk.ui import i18n

    locale_before = QLocale()
    try:
        # Opened in Chinese, as the app starts: translators, then the window.
        assert i18n.install_translators(qapp, "zh_CN")
        zh_ctx = _context(demo_db, tmp_path, lang="zh_CN")
        window = make_window(zh_ctx)
        today = window.screen("today")
        today.refresh()
        shown = "\n".join(_texts(today))
        window.close()
    finally:
        i18n.install_translators(qapp, "en")
        QLocale.setDefault(locale_before)
    assert "准备续签" in shown or "生日" in shown or "周年" in shown
    assert not [w for w in ENGLISH_GENERATED if w in shown], shown
    rows = demo_db.read(due_reminders, NOW, timedelta(days=60), "zh_CN")
    generated = [r for r in rows if r.source in ("key_date", "contract")]
    assert generated
    for r in generated:
        text = f"{r.title}\n{r.notes or ''}"
        assert not [w for w in ENGLISH_GENERATED if w in text], text
