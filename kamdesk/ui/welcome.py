"""The first-run welcome: language, the user's name, where the book lives, how to start.

A fresh profile (no saved settings and no book at the default place) otherwise opens
on an empty window with nothing to say what to do. This dialog asks the few things
the app needs before the book is opened: the language (applied at once), the name
that becomes the default owner of what the user creates (``user/name``, changeable in
Settings), the book's file (default: the platform data folder) and whether to start
empty, import a spreadsheet or explore a separate demo book.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kamdesk.paths import DB_ENV

#: settings keys written by the welcome
DONE_KEY = "welcome/done"
BOOK_KEY = "book/location"
NAME_KEY = "user/name"
LANGUAGE_KEY = "ui/language"

LANGUAGES = (("en", "English"), ("zh_CN", "中文（简体）"))
CHOICES = ("empty", "import", "demo")


@dataclass(frozen=True)
class WelcomeOutcome:
    """What the user chose: the language, their name, the book's file and how to start
    ('empty' | 'import' | 'demo')."""

    lang: str
    name: str
    location: str
    choice: str


def needs_welcome(settings: QSettings, default_book: Path) -> bool:
    """A first run: the welcome was never finished, no name is saved and there is no
    book at the default place (an existing user upgrading is never greeted)."""
    if settings.value(DONE_KEY, False, type=bool):
        return False
    if str(settings.value(NAME_KEY, "") or "") or settings.value(BOOK_KEY):
        return False
    return not default_book.exists()


def saved_book_location(settings: QSettings) -> str | None:
    """The book chosen in the welcome, unless ``KAMDESK_DB`` names another."""
    if os.environ.get(DB_ENV):
        return None
    value = str(settings.value(BOOK_KEY, "") or "")
    return value or None


class WelcomeDialog(QDialog):
    """The first-run questions; ``outcome`` is set when the user picked how to start."""

    def __init__(self, settings: QSettings, lang: str, default_book: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.settings = settings
        self.lang = lang
        self.outcome: WelcomeOutcome | None = None
        self.setMinimumWidth(560)

        self.heading = QLabel()
        self.heading.setObjectName("welcomeHeading")
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.language = QComboBox()
        self.language.setObjectName("welcomeLanguage")
        for code, label in LANGUAGES:
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.name = QLineEdit()
        self.name.setObjectName("welcomeName")
        self.name_hint = QLabel()
        self.name_hint.setWordWrap(True)
        self.name_hint.setStyleSheet("color: palette(placeholder-text);")
        self.location = QLineEdit(str(default_book))
        self.location.setObjectName("welcomeLocation")
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.location, 1)
        where.addWidget(self.browse)

        self.form = QFormLayout()
        self.language_label, self.name_label, self.where_label = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.language_label, self.language)
        self.form.addRow(self.name_label, self.name)
        self.form.addRow("", self.name_hint)
        self.form.addRow(self.where_label, where)

        self.start_label = QLabel()
        self.start_label.setStyleSheet("font-weight: 600;")
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for choice in CHOICES:
            b = QPushButton()
            b.setObjectName(f"welcome_{choice}")
            b.clicked.connect(lambda _=False, c=choice: self.finish(c))
            self.buttons[choice] = b
            row.addWidget(b)
        self.buttons["empty"].setDefault(True)
        self.demo_hint = QLabel()
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setStyleSheet("color: palette(placeholder-text);")

        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.intro)
        lay.addLayout(self.form)
        lay.addSpacing(8)
        lay.addWidget(self.start_label)
        lay.addLayout(row)
        lay.addWidget(self.demo_hint)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to KAMDesk"))
        self.heading.setText(self.tr("Welcome to KAMDesk"))
        self.intro.setText(self.tr(
            "Your desk for key accounts: who to call today, what you promised, and how each "
            "customer is doing. Everything stays on this computer."))
        self.language_label.setText(self.tr("Language:"))
        self.name_label.setText(self.tr("Your name:"))
        self.name.setPlaceholderText(self.tr("e.g. 王芳"))
        self.name_hint.setText(self.tr(
            "Customers, contacts and tasks you create are yours by default. You can change "
            "this later in Settings."))
        self.where_label.setText(self.tr("Your book is kept in:"))
        self.browse.setText(self.tr("Choose…"))
        self.start_label.setText(self.tr("How would you like to start?"))
        self.buttons["empty"].setText(self.tr("Start empty"))
        self.buttons["import"].setText(self.tr("Import a spreadsheet…"))
        self.buttons["demo"].setText(self.tr("Explore with demo data"))
        self.demo_hint.setText(self.tr(
            "Demo data lives in a separate book marked \"demo\" in the title bar; it never "
            "mixes with your own customers."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_chosen(self) -> None:
        from kamdesk.ui.i18n import install_translators

        self.lang = str(self.language.currentData())
        app = QApplication.instance()
        if app is not None:
            install_translators(app, self.lang)
        self.retranslate()

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Where to keep your book"), self.location.text(),
            self.tr("KAMDesk book (*.sqlite3)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.location.setText(path)

    def finish(self, choice: str) -> None:
        """Save the answers and close: the caller opens the book as chosen."""
        location = self.location.text().strip() or str(Path.home() / "kamdesk.sqlite3")
        try:
            Path(location).parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # opening the book then says what is wrong (kamdesk.ui.start_problem)
        name = self.name.text().strip()
        self.outcome = WelcomeOutcome(self.lang, name, location, choice)
        self.settings.setValue(LANGUAGE_KEY, self.lang)
        if name:
            self.settings.setValue(NAME_KEY, name)
        self.settings.setValue(BOOK_KEY, location)
        self.settings.setValue(DONE_KEY, True)
        self.settings.sync()
        self.accept()


def run_welcome(settings: QSettings, lang: str, default_book: Path) -> WelcomeOutcome | None:
    """Show the welcome; None when the user closed it without choosing."""
    dialog = WelcomeDialog(settings, lang, default_book)
    dialog.exec()
    return dialog.outcome


@dataclass(frozen=True)
class StartPlan:
    """How this start goes on: the UI language and the welcome's choice ('' when the
    welcome was not shown)."""

    lang: str
    choice: str


def prepare_start(args: argparse.Namespace, settings: QSettings, lang: str,
                  default_book: Path) -> StartPlan | None:
    """Before the book is opened: greet a first run, and point ``args`` at the book the
    user chose (``args.db``) or at the demo book (``args.demo``). None when the user
    closed the welcome without choosing (the app then quits)."""
    choice = ""
    explicit = getattr(args, "db", None) or getattr(args, "demo", False) or \
        os.environ.get(DB_ENV)
    if not explicit and needs_welcome(settings, default_book):
        outcome = run_welcome(settings, lang, default_book)
        if outcome is None:
            return None
        lang, choice = outcome.lang, outcome.choice
        if choice == "demo":
            args.demo = True
    if not getattr(args, "db", None):
        args.db = saved_book_location(settings)
    return StartPlan(lang, choice)


def demo_title_mark() -> str:
    return QCoreApplication.translate("Welcome", "DEMO book — sample data, not yours")


def mark_demo(window: QWidget) -> None:
    """The demo book says so in the title bar, whatever screen is shown."""
    def mark(title: str) -> None:
        suffix = demo_title_mark()
        if suffix not in title:
            window.setWindowTitle(f"{title} — {suffix}")

    window.windowTitleChanged.connect(mark)
    mark(window.windowTitle())
