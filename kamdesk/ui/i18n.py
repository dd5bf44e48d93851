"""Language: pick it (setting, else system locale), load the compiled translations.

English is the source language; Simplified Chinese ships as
``resources/translations/kamdesk_zh_CN.qm`` together with Qt's own strings
(``qtbase_zh_CN.qm`` from PySide6's translations folder: the buttons of message boxes,
Qt's file picker). A desktop's native file picker speaks the desktop's language, so when
the UI language differs from the system's, Qt's own (translated) dialogs are used.
English installs ``kamdesk_en.qm``, which holds only the singular/plural forms of
counted strings ("%n task(s)" → "1 task" / "2 tasks"). Words for
stored codes (tiers, channels, roles…) are not in the .qm: they come from the one
vocabulary, :mod:`kamdesk.domain.vocab`, in the language installed here
(:func:`ui_language`).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    Qt,
    QTranslator,
)

from kamdesk.domain import vocab
from kamdesk.resources import resource_path

SUPPORTED = ("en", "zh_CN")
_installed: list[QTranslator] = []
# The language the UI was started in; English until install_translators says otherwise
# (tests that never install a translator see the English UI, as with Qt's strings).
_ui_language = "en"


def ui_language() -> str:
    """The language of the running UI (``"en"`` or ``"zh_CN"``), for vocabulary words."""
    return _ui_language


def choose_language(settings: QSettings, override: str | None = None) -> str:
    if override in SUPPORTED:
        return override  # type: ignore[return-value]
    saved = str(settings.value("ui/language", "") or "")
    if saved in SUPPORTED:
        return saved
    return "zh_CN" if vocab.is_zh(QLocale.system().name()) else "en"


def install_translators(app: QCoreApplication, lang: str) -> bool:
    """Returns False if the translation file is missing (the UI then stays English)."""
    global _ui_language
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    # Native dialogs follow the desktop's language, not ours: use Qt's when they differ.
    differs = vocab.is_zh(lang) != vocab.is_zh(QLocale.system().name())
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, differs)
    if lang == "en":
        plurals = QTranslator(app)
        if plurals.load(str(resource_path("translations", "kamdesk_en.qm"))):
            app.installTranslator(plurals)
            _installed.append(plurals)
        _ui_language = "en"
        return True
    ok = False
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations", f"kamdesk_{lang}.qm"))):
        app.installTranslator(ours)
        _installed.append(ours)
        ok = True
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{lang}", qt_dir) or qt.load(f"qt_{lang}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    QLocale.setDefault(QLocale(lang))
    # Codes are worded in Chinese only when Qt's strings are too, so a missing .qm
    # leaves one consistent (English) UI rather than a mix.
    _ui_language = lang if ok else "en"
    return ok
