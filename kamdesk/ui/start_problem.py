"""The start-up dialog for a book that cannot be opened as it is, and the read-only banner.

Why: at start there is no window yet, and a bare error box leaves the user stuck. The
dialog says what is wrong (the same words as the CLI, :mod:`kamdesk.messages`) and
offers what can be done for that kind of problem — open read-only, make a new book in
an empty file (only when asked), try again, choose another file (starting in the
backups folder, whose latest copies are listed) — and never changes the file itself.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox

from kamdesk.messages import database_problem_text
from kamdesk.store.database import DatabaseProblem

#: what each kind of problem lets the user do (besides choosing another file or quitting)
CHOICES_FOR_KIND: dict[str, tuple[str, ...]] = {
    "empty": ("create",),
    "corrupt": ("read_only",),
    "disk_full": ("read_only",),
    "locked": ("retry",),
}


def latest_backups(backup_dir: Path, count: int = 3) -> list[Path]:
    """The newest copies in the backups folder (by time written), newest first."""
    if not backup_dir.is_dir():
        return []
    copies = [p for p in backup_dir.iterdir()
              if p.is_file() and p.suffix in (".sqlite3", ".db", ".sqlite") and p.stat().st_size]
    return sorted(copies, key=lambda p: p.stat().st_mtime, reverse=True)[:count]


def start_problem_box(problem: DatabaseProblem, lang: str, backup_dir: Path,
                      parent=None) -> QMessageBox:  # type: ignore[no-untyped-def]
    """The dialog for ``problem``; every button's objectName is its choice."""
    box = QMessageBox(QMessageBox.Icon.Warning, "KAMDesk",
                      database_problem_text(problem, lang), QMessageBox.StandardButton.NoButton,
                      parent)
    box.setObjectName("startProblem")
    labels = {"create": QCoreApplication.translate("StartProblem", "Create a new book here"),
              "read_only": QCoreApplication.translate("StartProblem", "Open read-only"),
              "retry": QCoreApplication.translate("StartProblem", "Try again")}
    for choice in CHOICES_FOR_KIND.get(problem.kind, ()):
        button = box.addButton(labels[choice], QMessageBox.ButtonRole.AcceptRole)
        button.setObjectName(choice)
    other = box.addButton(QCoreApplication.translate("StartProblem", "Choose another file…"),
                          QMessageBox.ButtonRole.ActionRole)
    other.setObjectName("other_file")
    quit_button = box.addButton(QCoreApplication.translate("StartProblem", "Quit"),
                                QMessageBox.ButtonRole.RejectRole)
    quit_button.setObjectName("quit")
    box.setEscapeButton(quit_button)
    backups = latest_backups(backup_dir)
    if backups:
        lines = [QCoreApplication.translate("StartProblem", "Latest backups (in %1):").replace(
            "%1", str(backup_dir))]
        lines += [f"  {datetime.fromtimestamp(p.stat().st_mtime):%Y-%m-%d %H:%M}  {p.name}"
                  for p in backups]
        box.setInformativeText("\n".join(lines))
    return box


def ask_start_choice(problem: DatabaseProblem, lang: str,
                     backup_dir: Path) -> tuple[str, str | None]:
    """Show the dialog; returns (choice, the other file chosen or None)."""
    box = start_problem_box(problem, lang, backup_dir)
    box.exec()
    clicked = box.clickedButton()
    choice = clicked.objectName() if clicked is not None else "quit"
    if choice != "other_file":
        return choice, None
    start = backup_dir if latest_backups(backup_dir) else Path(problem.path).parent
    path, _ = QFileDialog.getOpenFileName(
        None, QCoreApplication.translate("StartProblem", "Choose a KAMDesk book"), str(start),
        QCoreApplication.translate("StartProblem",
                                   "KAMDesk books (*.sqlite3 *.db *.sqlite);;All files (*)"))
    return ("other_file", path) if path else ("quit", None)


def show_read_only_banner(window: QMainWindow) -> QLabel:
    """A permanent line in the status bar and the title: this book cannot be changed."""
    banner = QLabel(QCoreApplication.translate("StartProblem",
                                               "Read-only: this book is open read-only; "
                                               "changes cannot be saved."))
    banner.setObjectName("readOnlyBanner")
    banner.setStyleSheet("QLabel { background: #fff3cd; color: #664d03; padding: 2px 8px; }")
    window.statusBar().addPermanentWidget(banner)
    suffix = QCoreApplication.translate("StartProblem", "read-only")
    window.setWindowTitle(f"{window.windowTitle()} — {suffix}")
    return banner
