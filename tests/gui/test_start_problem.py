"""#14 item 3 at the window's start: every bad file gives the start dialog with its message
in the UI language and the choices that fit, and the file keeps its bytes unless the user
chose to change it (a new book in an empty file)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_files import CASES, MESSAGE, make_bad, sha256
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from kamdesk.app import open_with_choices
from kamdesk.cli.common import problem_exit_code
from kamdesk.ui.start_problem import ask_start_choice, show_read_only_banner, start_problem_box

pytestmark = pytest.mark.sqlite_only(reason="the start dialog for damaged, locked and read-only book files")


class Asker:
    """Stands in for the user: records each dialog and answers from a list."""

    def __init__(self, *answers: tuple[str, str | None]) -> None:
        self.answers = list(answers)
        self.boxes: list[QMessageBox] = []
        self.problems: list = []

    def __call__(self, problem, lang, backup_dir):  # type: ignore[no-untyped-def]
        self.problems.append(problem)
        self.boxes.append(start_problem_box(problem, lang, backup_dir))
        return self.answers.pop(0) if self.answers else ("quit", None)


def _buttons(box: QMessageBox) -> list[str]:
    return [b.objectName() for b in box.buttons()]


@pytest.mark.parametrize("lang, phrase_at", [("en", 0), ("zh_CN", 1)])
@pytest.mark.parametrize("case", sorted(CASES))
def test_start_dialog_for_each_bad_file(qapp, case, lang, phrase_at, demo_template, tmp_path):
    bad = make_bad(case, demo_template, tmp_path / "books")
    before = sha256(bad)
    ask = Asker()
    db, problem = open_with_choices(str(bad), lang, ask, synchronous="OFF")
    assert db is None and problem is not None
    kind = CASES[case]
    assert problem.kind == kind and problem_exit_code(kind) > 1
    box = ask.boxes[0]
    assert MESSAGE[kind][phrase_at] in box.text()
    assert "Traceback" not in box.text() and "SELECT" not in box.text()
    expected = {"empty": ["create"], "corrupt": ["read_only"]}.get(kind, [])
    assert sorted(_buttons(box)) == sorted([*expected, "other_file", "quit"])
    assert sha256(bad) == before


def test_empty_file_becomes_a_book_only_when_the_user_says_so(qapp, tmp_path):
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    ask = Asker(("create", None))
    db, _ = open_with_choices(str(empty), "en", ask, synchronous="OFF")
    assert db is not None and len(ask.problems) == 1 and ask.problems[0].kind == "empty"
    assert db.report is not None and db.report.action == "created"
    db.dispose()
    assert empty.stat().st_size > 0


def test_damaged_book_can_be_opened_read_only_untouched(qapp, demo_template, tmp_path):
    bad = make_bad("damaged_index", demo_template, tmp_path / "books")
    before = sha256(bad)
    db, _ = open_with_choices(str(bad), "en", Asker(("read_only", None)), synchronous="OFF")
    assert db is not None and db.read_only
    db.dispose()
    assert sha256(bad) == before


def test_choose_another_file_opens_it(qapp, demo_template, tmp_path):
    bad = make_bad("text", demo_template, tmp_path / "books")
    good = tmp_path / "good.sqlite3"
    good.write_bytes(demo_template.read_bytes())
    db, _ = open_with_choices(str(bad), "en", Asker(("other_file", str(good))),
                              synchronous="OFF")
    assert db is not None and db.location == str(good)
    db.dispose()


def test_the_real_dialog_is_answered_by_a_click_and_lists_backups(qapp, tmp_path):
    from kamdesk.store.database import DatabaseProblem

    backups = tmp_path / "backups"
    backups.mkdir()
    (backups / "kamdesk-2026-11-20.sqlite3").write_bytes(b"x" * 10)
    problem = DatabaseProblem("empty", str(tmp_path / "e.sqlite3"))
    seen: list[QMessageBox] = []

    def click() -> None:
        # The modal box itself, not a walk over every top-level widget: earlier tests'
        # widgets may be half-destroyed there, and touching one crashed the run now and then.
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "startProblem":
            QTimer.singleShot(20, click)
            return
        seen.append(box)
        next(b for b in box.buttons() if b.objectName() == "create").click()

    # Let widgets that earlier tests scheduled for deletion go before the nested loop runs.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QTimer.singleShot(20, click)
    assert ask_start_choice(problem, "en", backups) == ("create", None)
    assert "kamdesk-2026-11-20.sqlite3" in seen[0].informativeText()


def test_read_only_book_opens_with_a_banner(qtbot, demo_template, tmp_path):
    book = tmp_path / "ro.sqlite3"
    book.write_bytes(demo_template.read_bytes())
    before = sha256(book)
    book.chmod(0o444)
    try:
        ask = Asker()
        db, problem = open_with_choices(str(book), "en", ask, synchronous="OFF")
        assert db is not None and db.read_only and not ask.problems and problem is None
        window = QMainWindow()
        qtbot.addWidget(window)
        window.setWindowTitle("KAMDesk")
        banner = show_read_only_banner(window)
        assert "read-only" in banner.text() and window.windowTitle().endswith("read-only")
        db.dispose()
    finally:
        book.chmod(0o644)
    assert sha256(book) == before
    assert sorted(p.name for p in Path(tmp_path).iterdir()) == ["ro.sqlite3"]
