"""The passphrase prompt at start for a book protected by encryption at rest.

Asked when the book's file is unreadable without a key (:mod:`kamdesk.store.cipher`),
again with a warning after a wrong passphrase; cancelling falls back to the start-up
choices (another file, quit). Shown only when the SQLCipher binding is installed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def passphrase_prompt(location: str, wrong: bool) -> str:
    """The prompt's words: which book, and whether the last passphrase was wrong."""
    text = QCoreApplication.translate(
        "Passphrase", "The book %1 is protected by a passphrase. Enter it to open the book:"
    ).replace("%1", location)
    if wrong:
        text = QCoreApplication.translate(
            "Passphrase", "That passphrase does not open the book. Try again.") + "\n\n" + text
    return text


def ask_passphrase(location: str, lang: str, wrong: bool,
                   parent: QWidget | None = None) -> str | None:
    """Ask for the book's passphrase (typed hidden); None when the user cancels."""
    del lang  # the installed translator already speaks the user's language
    text, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("Passphrase", "Protected book"),
        passphrase_prompt(location, wrong), QLineEdit.EchoMode.Password)
    return text if ok and text else None
