"""A file's size as a person reads it (附件列表的大小): 512 B, 12 KB, 3.4 MB.

Pure text so the documents list, an export and a test all say it the same way; the
units are the same in English and Chinese (KB/MB are what Chinese file managers show).
"""

from __future__ import annotations

UNITS = ("KB", "MB", "GB", "TB")


def readable_size(size_bytes: int | None) -> str:
    if size_bytes is None or size_bytes < 0:
        return ""
    if size_bytes < 1024:
        return f"{size_bytes} B"
    value = float(size_bytes)
    for unit in UNITS:
        value /= 1024
        if value < 1024 or unit == UNITS[-1]:
            # one decimal while it still tells something (1.5 MB), none above 100
            return f"{value:.1f} {unit}" if value < 100 else f"{value:.0f} {unit}"
    raise AssertionError("unreachable")
