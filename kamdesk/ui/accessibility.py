"""Accessible names for every control, without writing one per widget by hand.

A screen reader announces a control by its accessible name. Qt already derives one
from a button's text, a check box's text and a label's buddy (also a QFormLayout's row
label); what it does not use as a *name* is a tooltip, a placeholder, or the section
title shown just above a list. :func:`name_controls` fills those in for a widget tree,
and :class:`AccessibleNames` (installed once on the application) does it for every
widget as it is shown, so dialogs and rows built later are covered too; the same filter
returns the focus to the list a dialog was opened from when it closes. Controls with
no visible words at all get an explicit ``setAccessibleName`` where they are built.

:func:`unnamed_controls` is what the accessibility test walks: it asks Qt's own
accessibility layer what it would announce, so text, buddies and explicit names count.
"""

from __future__ import annotations

import re

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QBoxLayout,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QWidget,
)

INTERACTIVE: tuple[type[QWidget], ...] = (
    QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTextEdit,
    QPlainTextEdit, QSlider, QTabBar,
)

_SHORTCUT_HINT = re.compile(r"\s*[（(][^()（）]*[)）]\s*$")


def announced_name(widget: QWidget) -> str:
    """What a screen reader would say as the control's name."""
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is None:
        return widget.accessibleName()
    return (iface.text(QAccessible.Text.Name) or "").strip()


def is_control(widget: QWidget) -> bool:
    if not isinstance(widget, INTERACTIVE) or isinstance(widget, QHeaderView):
        return False  # a header's sections are announced by their own labels
    if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox,
                                                                      QAbstractSpinBox)):
        return False  # the editor inside a combo or spin box is announced with it
    if widget.window().windowType() == Qt.WindowType.Popup:
        return False  # a combo box's drop-down list: announced through its combo box
        # (and naming it while Qt shows it crashes Qt)
    # Scroll bars' buttons, the tab bar's scroll arrows, a view's corner button: Qt's.
    return not widget.objectName().startswith("qt_")


def _visible_label(widget: QWidget) -> str:
    """The words the user sees for *widget*: its form row's label (also when it sits in
    a row of several fields, or inside a composite field), the label to its left in a
    grid, or a label placed just before it in a box layout (a section title over a
    list); else the title of the group box around it."""
    w: QWidget | None = widget
    for _level in range(3):
        parent = w.parentWidget() if w is not None else None
        if w is None or parent is None or w.isWindow():
            break
        label = _label_in(parent.layout(), w)
        if label:
            return label
        w = parent
    box = widget.parentWidget()
    while box is not None and not isinstance(box, QGroupBox) and not box.isWindow():
        box = box.parentWidget()
    if isinstance(box, QGroupBox) and box.title():
        return box.title()
    return ""


def _holds(item, widget: QWidget) -> bool:  # type: ignore[no-untyped-def]
    if item is None:
        return False
    if item.widget() is widget:
        return True
    layout = item.layout()
    return layout is not None and any(_holds(layout.itemAt(i), widget)
                                      for i in range(layout.count()))


def _text_of(item) -> str:  # type: ignore[no-untyped-def]
    label = item.widget() if item is not None else None
    # A check box that switches its row's field on names the field too ("Deadline").
    return label.text() if isinstance(label, (QLabel, QAbstractButton)) else ""


def _label_in(layout, widget: QWidget) -> str:  # type: ignore[no-untyped-def]
    for lay in _layouts(layout):
        if isinstance(lay, QFormLayout):
            for row in range(lay.rowCount()):
                field = lay.itemAt(row, QFormLayout.ItemRole.FieldRole)
                if _holds(field, widget):
                    return _text_of(lay.itemAt(row, QFormLayout.ItemRole.LabelRole))
        elif isinstance(lay, QGridLayout):
            index = lay.indexOf(widget)
            if index >= 0:
                position: tuple[int, int, int, int] = lay.getItemPosition(index)  # type: ignore[assignment]
                row, column = position[0], position[1]
                for c in range(column - 1, -1, -1):
                    text = _text_of(lay.itemAtPosition(row, c))
                    if text:
                        return text
        elif isinstance(lay, QBoxLayout):
            index = lay.indexOf(widget)
            if index > 0:
                item = lay.itemAt(index - 1)
                before = item.widget() if item is not None else None
                if isinstance(before, QLabel) and before.text() and before.buddy() is None:
                    return before.text()
    return ""


def _container_name(widget: QWidget) -> str:
    """A list that fills its page is named after the page: the profile tab it sits on
    ("Orders") or the screen (its accessible name, the sidebar title)."""
    w = widget.parentWidget()
    while w is not None:
        stack = w.parentWidget()
        tabs = stack.parentWidget() if stack is not None else None
        if isinstance(tabs, QTabWidget) and tabs.indexOf(w) >= 0:
            return tabs.tabText(tabs.indexOf(w))
        if w.accessibleName():
            return w.accessibleName()
        if w.isWindow():
            return ""
        w = w.parentWidget()
    return ""


def _layouts(layout):  # type: ignore[no-untyped-def]
    if layout is None:
        return
    yield layout
    for i in range(layout.count()):
        child = layout.itemAt(i).layout()
        if child is not None:
            yield from _layouts(child)


def _plain(text: str) -> str:
    text = re.sub(r"<[^>]+>", "", text)
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.split()).rstrip(":：")


def name_control(widget: QWidget) -> None:
    """Give *widget* an accessible name (and description) from what the user sees."""
    tooltip = _plain(widget.toolTip())
    if tooltip and not widget.accessibleDescription():
        widget.setAccessibleDescription(tooltip)
    if widget.accessibleName() or announced_name(widget):
        return
    if isinstance(widget, QToolButton) and isinstance(widget.parentWidget(), QLineEdit):
        action = widget.defaultAction()
        words = action.toolTip() or action.text() if action is not None else ""
        if not words or (action is not None and "clear" in action.objectName()):
            words = QCoreApplication.translate("accessibility", "Clear")
        widget.setAccessibleName(_plain(words))
        return
    placeholder = widget.placeholderText() if isinstance(widget, QLineEdit) else ""
    if not placeholder and isinstance(widget, (QTextEdit, QPlainTextEdit)):
        placeholder = widget.placeholderText()
    name = (_SHORTCUT_HINT.sub("", tooltip) or _plain(placeholder)
            or _plain(_visible_label(widget)))
    if not name and isinstance(widget, (QAbstractItemView, QTextEdit, QPlainTextEdit)):
        name = _plain(_container_name(widget))
    if name:
        widget.setAccessibleName(name)


def name_controls(root: QWidget) -> None:
    for widget in [root, *root.findChildren(QWidget)]:
        if is_control(widget):
            name_control(widget)


def unnamed_controls(root: QWidget) -> list[QWidget]:
    """Interactive widgets under *root* a screen reader could not name."""
    return [w for w in [root, *root.findChildren(QWidget)]
            if is_control(w) and not announced_name(w)]


def describe(widget: QWidget) -> str:
    """For a test failure: which widget, where."""
    path = []
    w: QWidget | None = widget
    while w is not None:
        path.append(w.objectName() or type(w).__name__)
        w = w.parentWidget()
    return " < ".join(path)


class AccessibleNames(QObject):
    """Installed once on the application: names every control as it is first shown,
    keeps the tab bars' scroll arrows out of the Tab chain, and gives the focus back
    to where it was (the list the user worked in) when a dialog closes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._openers: dict[int, QWidget] = {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and isinstance(watched, QWidget):
            if isinstance(watched, QDialog):
                opener = QApplication.focusWidget()
                if opener is not None and opener.window() is not watched:
                    self._openers[id(watched)] = opener
            elif is_control(watched):
                name_control(watched)
                if isinstance(watched, QToolButton) and isinstance(watched.parent(), QTabBar):
                    watched.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        elif kind == QEvent.Type.Hide and isinstance(watched, QDialog):
            opener = self._openers.pop(id(watched), None)
            if opener is not None:
                QTimer.singleShot(0, lambda: _focus_back(opener))
        return False


def _focus_back(widget: QWidget) -> None:
    """Focus *widget* again unless it is gone, hidden, or another dialog took over."""
    if not shiboken6.isValid(widget) or not widget.isVisible():
        return
    active = QApplication.activeModalWidget()
    if active is None or active is widget.window():
        widget.setFocus(Qt.FocusReason.OtherFocusReason)


def install(app: QApplication | None = None) -> None:
    app = app or QApplication.instance()  # type: ignore[assignment]
    if app is None or app.property("kamdeskAccessibleNames"):
        return
    names = AccessibleNames(app)
    app.installEventFilter(names)
    app.setProperty("kamdeskAccessibleNames", True)
