"""Look and feel: bundled CJK font, Fusion style, light or dark following the system.

A machine without Chinese fonts would show boxes; registering the bundled WenQuanYi
Micro Hei and putting it after the default family in the fallback list fixes that
without changing how Latin text looks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QFontInfo, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from kamdesk.resources import resource_path

CJK_FONT_FILE = ("fonts", "wqy-microhei.ttc")


def register_fonts(app: QApplication) -> str | None:
    path = resource_path(*CJK_FONT_FILE)
    if not path.exists():
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    font = app.font()
    # The default family may be an alias ("Sans Serif" on a bare Linux) that a family
    # list does not resolve: Qt then drew every Latin letter (and "…" as centred CJK
    # dots) in the fallback. The family the alias resolves to keeps Latin text as is.
    font.setFamilies([QFontInfo(font).family(), families[0]])
    if font.pointSizeF() < 9.5:
        font.setPointSizeF(10)
    app.setFont(font)
    return families[0]


def is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    if scheme is not None:
        return scheme() == Qt.ColorScheme.Dark
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d30"), QColor("#dfe1e5")
    p.setColor(QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorRole.WindowText, text)
    p.setColor(QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#26282b"))
    p.setColor(QPalette.ColorRole.Text, text)
    p.setColor(QPalette.ColorRole.Button, window)
    p.setColor(QPalette.ColorRole.ButtonText, text)
    p.setColor(QPalette.ColorRole.ToolTipBase, window)
    p.setColor(QPalette.ColorRole.ToolTipText, text)
    p.setColor(QPalette.ColorRole.Highlight, QColor("#3574f0"))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8c8f94"))
    p.setColor(QPalette.ColorRole.Link, QColor("#589df6"))
    return p


STYLE = """
QListWidget#navigation { border: none; padding-top: 8px; font-size: 11pt; outline: 0; }
QListWidget#navigation::item { padding: 8px 10px; border-radius: 6px; margin: 2px 6px; }
QListWidget#navigation::item:selected { background: palette(highlight); color: palette(highlighted-text); }
QToolBar#mainToolbar { spacing: 6px; padding: 4px 8px; }
QLineEdit, QComboBox, QDateEdit, QDateTimeEdit, QSpinBox { padding: 3px 6px; min-height: 22px; }
QPushButton { padding: 4px 12px; min-height: 22px; }
QHeaderView::section { padding: 4px 6px; font-weight: 600; }
QLabel[role="title"] { font-size: 16pt; font-weight: 600; }
QLabel[role="subtitle"] { color: palette(placeholder-text); }
QLabel[role="badge"] { border-radius: 8px; padding: 2px 8px; color: white; font-weight: 600; }
QListWidget[role="board"] { background: palette(window); border: none; }
QListWidget[role="board"]::item { background: palette(base); border: 1px solid rgba(128,128,128,90);
    border-radius: 6px; padding: 6px; margin: 2px 0; }
QListWidget[role="board"]::item:selected { border: 2px solid palette(highlight); color: palette(text); }
QFrame[role="card"] { border: 1px solid rgba(128,128,128,70); border-radius: 8px; }
"""


def apply_theme(app: QApplication, mode: str = "system") -> None:
    """mode: 'system' | 'light' | 'dark'."""
    app.setStyle("Fusion")
    dark = is_dark() if mode == "system" else mode == "dark"
    app.setPalette(dark_palette() if dark else app.style().standardPalette())
    app.setStyleSheet(STYLE)
