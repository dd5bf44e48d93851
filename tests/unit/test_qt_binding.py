"""Guards the Qt binding version pinned in pyproject.toml.

PySide6 6.12.0 on Python 3.11 loses one reference to ``None`` per call of a Qt
method returning void; a busy screen makes thousands per repaint and the process
aborts with "deallocating None". A binding with that bug must never be installed.
"""

import sys

import pytest


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_qt_calls_keep_none_alive(qapp):
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    assert sys.getrefcount(None) >= before - 100
