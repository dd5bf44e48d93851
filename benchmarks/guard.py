"""A guard for the benchmark processes against a PySide6 6.12 / CPython 3.11 crash.

PySide6 6.12.0's wheels (abi3) return ``None`` from void methods (``setText``,
``update``, every ``QPainter.draw*``…) without taking a reference, which is harmless
on Python 3.12+ where ``None`` is immortal, but on 3.11 each call lowers ``None``'s
reference count by one until the interpreter aborts with "Fatal Python error:
none_dealloc: deallocating None" — after a few tens of thousands of calls (the
Calendar grid makes about 1,800 per repaint).

The benchmark must measure speed, not die of that, so its processes lift ``None``'s
count out of reach (:func:`protect`); :func:`none_leak_per_call` detects the problem so
the results file records it. The app itself needs the real fix (see
``benchmarks/README.md``).
"""

from __future__ import annotations

import sys


def protect() -> bool:
    """Make ``None`` effectively immortal on CPython < 3.12; True if anything was done."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    import ctypes

    cell = ctypes.c_ssize_t.from_address(id(None))
    if cell.value < 1 << 39:
        cell.value += 1 << 40
    return True


def none_leak_per_call() -> float:
    """References to ``None`` lost per PySide6 void call (0.0 when the binding is sound).

    Needs a QApplication-free class: QColor.setAlpha is void and has no side effects.
    """
    from PySide6.QtGui import QColor

    c = QColor(0, 0, 0)
    c.setAlpha(1)
    before = sys.getrefcount(None)
    for _ in range(1000):
        c.setAlpha(1)
    after = sys.getrefcount(None)
    if sys.version_info >= (3, 12):
        return 0.0  # immortal: the count does not move either way
    return max(0.0, (before - after) / 1000)
