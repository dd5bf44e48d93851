"""Language: pick it (setting, else system locale), load the compiled translations.

English is the source language; Simplified Chinese ships as
``resources/translations/kamdesk_zh_CN.qm`` together with Qt's own strings.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from kamdesk.resources import resource_path

SUPPORTED = ("en", "zh_CN")
_installed: list[QTranslator] = []


def choose_language(settings: QSettings, override: str | None = None) -> str:
    if override in SUPPORTED:
        return override  # type: ignore[return-value]
    saved = str(settings.value("ui/language", "") or "")
    if saved in SUPPORTED:
        return saved
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_translators(app: QCoreApplication, lang: str) -> bool:
    """Returns False if the translation file is missing (the UI then stays English)."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if lang == "en":
        return True
    ok = False
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations", f"kamdesk_{lang}.qm"))):
        app.installTranslator(ours)
        _installed.append(ours)
        ok = True
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    QLocale.setDefault(QLocale(lang))
    return ok
