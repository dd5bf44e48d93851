"""Settings ▸ "Connect to a team database…": the same app on the team's PostgreSQL server.

The user types host, port, database, their role and password; "Test connection" logs in
once and says in plain words what is wrong (server unreachable, password refused, no
such role or database). On OK the password goes to the system keyring
(:mod:`kamdesk.store.team.credentials`) — never into the settings file or the log — and
only the URL without password is remembered (``book/team_url``); KAMDesk opens it from
the next start on (a restart is offered). "Use the book on this computer" forgets it.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
    QSpinBox, QVBoxLayout, QWidget,
)

from kamdesk.store.team.credentials import (
    DEFAULT_PORT, check_connection, save_password, team_url, url_parts,
)

log = logging.getLogger(__name__)

#: the QSettings key of the remembered team database (a URL without password)
TEAM_URL_KEY = "book/team_url"

Check = Callable[[str, "str | None"], "str | None"]
SavePassword = Callable[[str, str], None]


def connection_problem_text(problem: str) -> str:
    """The words for a :func:`check_connection` problem, in the UI language."""
    texts = {
        "wrong_password": QCoreApplication.translate(
            "TeamConnect", "The server refused this role's password. Check the password "
            "(ask your administrator if needed)."),
        "no_role": QCoreApplication.translate(
            "TeamConnect", "The server has no such role. Ask your administrator to add you "
            "(kamdesk team add-member)."),
        "no_database": QCoreApplication.translate(
            "TeamConnect", "The server has no database of this name."),
        "unreachable": QCoreApplication.translate(
            "TeamConnect", "The server cannot be reached. Check the host, the port and the "
            "network (VPN?)."),
        "not_a_book": QCoreApplication.translate(
            "TeamConnect", "The database holds no KAMDesk book yet. Your administrator "
            "opens it once to create it."),
    }
    return texts.get(problem, QCoreApplication.translate(
        "TeamConnect", "Cannot connect to the team database."))


def remembered_team_url(settings: QSettings) -> str | None:
    value = settings.value(TEAM_URL_KEY, "")
    return str(value) if value else None


def restart_app() -> None:
    """Start a new KAMDesk (without the command line's --db, so the remembered book
    opens) and quit this one."""
    from PySide6.QtCore import QProcess
    from PySide6.QtWidgets import QApplication

    args = [] if getattr(sys, "frozen", False) else ["-m", "kamdesk"]
    QProcess.startDetached(sys.executable, args)
    QApplication.quit()


class TeamConnectDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None, *,
                 check: Check = check_connection, keep_password: SavePassword = save_password,
                 restart: Callable[[], None] = restart_app) -> None:
        super().__init__(parent)
        self.setObjectName("teamConnectDialog")
        self.setWindowTitle(self.tr("Connect to a team database"))
        self.settings = settings
        self.check, self.keep_password, self.restart = check, keep_password, restart
        intro = QLabel(self.tr("Work on your team's shared book on a PostgreSQL server. You "
                               "see your own accounts; a team lead sees all. The password is "
                               "kept in the system keyring."))
        intro.setWordWrap(True)
        self.host = QLineEdit()
        self.host.setObjectName("teamHost")
        self.port = QSpinBox()
        self.port.setObjectName("teamPort")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit()
        self.database.setObjectName("teamDatabase")
        self.role = QLineEdit()
        self.role.setObjectName("teamRole")
        self.password = QLineEdit()
        self.password.setObjectName("teamPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&Server (host):"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("Your &role (user name):"), self.role)
        form.addRow(self.tr("Pass&word:"), self.password)
        self.result_label = QLabel()
        self.result_label.setObjectName("teamResult")
        self.result_label.setWordWrap(True)
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test_connection)
        self.test_button.setAutoDefault(False)  # Enter is OK
        self.local_button = QPushButton(self.tr("Use the book on this computer"))
        self.local_button.setObjectName("useLocalBook")
        self.local_button.clicked.connect(self.use_local_book)
        self.local_button.setAutoDefault(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.local_button, QDialogButtonBox.ButtonRole.ResetRole)
        # only when a team book is remembered (set after addButton, which shows it)
        self.local_button.setVisible(remembered_team_url(settings) is not None)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self._load()

    def _load(self) -> None:
        url = remembered_team_url(self.settings)
        if url:
            host, port, database, role = url_parts(url)
            self.host.setText(host)
            self.port.setValue(port)
            self.database.setText(database)
            self.role.setText(role)

    def url(self) -> str | None:
        """The URL of what is typed (no password in it), None while a field is empty."""
        host, database, role = (w.text().strip() for w in (self.host, self.database,
                                                             self.role))
        if not (host and database and role):
            return None
        return team_url(host, self.port.value(), database, role)

    def _checked(self) -> tuple[str | None, str | None]:
        """(url, problem): the problem in words, None when the login works."""
        url = self.url()
        if url is None:
            return None, self.tr("Fill in the server, the database and your role.")
        problem = self.check(url, self.password.text() or None)
        if problem is not None:
            log.info("team connection test failed: %s", problem)  # no URL, no password
        return url, None if problem is None else connection_problem_text(problem)

    def test_connection(self) -> bool:
        _url, problem = self._checked()
        self.result_label.setText(problem or self.tr("Connected: the team database answers."))
        return problem is None

    def accept(self) -> None:
        url, problem = self._checked()
        if problem is not None or url is None:
            self.result_label.setText(problem or "")
            QMessageBox.warning(self, self.windowTitle(), problem or "")
            return
        if self.password.text():
            try:
                self.keep_password(url, self.password.text())
            except Exception as exc:  # no keyring on this system: say so, keep nothing
                log.warning("keyring unavailable: %s", type(exc).__name__)
                QMessageBox.warning(self, self.windowTitle(), self.tr(
                    "The password could not be kept in the system keyring (%1). Without "
                    "it KAMDesk cannot open the team database at start.").replace(
                    "%1", type(exc).__name__))
                return
        self.settings.setValue(TEAM_URL_KEY, url)
        self.settings.sync()
        super().accept()
        self._offer_restart(self.tr("KAMDesk opens the team database from the next start."))

    def use_local_book(self) -> None:
        self.settings.remove(TEAM_URL_KEY)
        self.settings.sync()
        super().accept()
        self._offer_restart(self.tr("KAMDesk opens the book on this computer from the next "
                                    "start."))

    def _offer_restart(self, text: str) -> None:
        answer = QMessageBox.question(self.parentWidget(), self.windowTitle(),
                                      text + "\n\n" + self.tr("Restart KAMDesk now?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.restart()
