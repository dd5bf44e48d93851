"""Help ▸ User guide and Help ▸ About: read on this computer, never in a browser.

The guide is the Markdown in ``docs/guide.<lang>.md`` rendered in a QTextBrowser, so it
opens offline and in the user's language. About names the version, the book's file and
the licence notices of what the app ships (the CJK font and the icons) as read from the
files next to them under ``resources/``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from kamdesk.resources import resource_roots

#: the licence files shipped with the bundled resources, in the order About shows them
LICENCE_FILES = (("fonts", "README.md"), ("fonts", "LICENSE-wqy-microhei.txt"),
                 ("icons", "LICENSE.txt"))


def guide_path(lang: str) -> Path | None:
    """The user guide in ``lang`` (English when there is none in it), or None."""
    names = [f"guide.{lang}.md", "guide.en.md"]
    folders = [root.parent / "docs" for root in resource_roots()] + \
        [root / "docs" for root in resource_roots()]
    for name in names:
        for folder in folders:
            if (folder / name).is_file():
                return folder / name
    return None


def licence_notices() -> str:
    """The licence texts of the bundled font and icons, as plain text."""
    parts: list[str] = []
    for folder, name in LICENCE_FILES:
        for root in resource_roots():
            path = root / folder / name
            if path.is_file():
                parts.append(f"== {folder}/{name} ==\n\n{path.read_text(encoding='utf-8')}")
                break
    return "\n\n".join(parts)


class _TextDialog(QDialog):
    def __init__(self, parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.browser = QTextBrowser()
        self.browser.setObjectName(f"{name}Text")
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser)
        lay.addWidget(buttons)
        self.resize(760, 640)


class GuideDialog(_TextDialog):
    """Help ▸ User guide."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, "guideDialog")
        self.setWindowTitle(self.tr("KAMDesk user guide"))
        path = guide_path(lang)
        if path is None:
            self.browser.setPlainText(self.tr("The user guide is missing from this installation."))
        else:
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))


class AboutDialog(_TextDialog):
    """Help ▸ About: version, the book, the log, and the licences of what is bundled."""

    def __init__(self, db_location: str, log_file: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, "aboutDialog")
        from kamdesk import __version__

        self.setWindowTitle(self.tr("About KAMDesk"))
        head = self.tr(
            "KAMDesk %1 — the key-account manager's desk.\nWorks offline; nothing leaves this "
            "computer unless you export it.\n\nDatabase: %2\nLog file: %3").replace(
            "%1", __version__).replace("%2", db_location).replace("%3", log_file)
        notices = self.tr("Licences of the bundled font and icons:")
        self.browser.setPlainText(f"{head}\n\n{notices}\n\n{licence_notices()}")
