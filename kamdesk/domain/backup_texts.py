"""The words for a backup or restore that did not happen, in the user's language.

Shared by the CLI and the window (which has no translator for messages built outside
Qt), keyed by :class:`kamdesk.io.backup.BackupError` ``kind``. Never a traceback or SQL.
"""

from __future__ import annotations

from kamdesk.domain import vocab

_TEXT: dict[str, tuple[str, str]] = {
    "no_database": ("There is no file at {detail}.", "{detail} 处没有文件。"),
    "not_verified": ("The copy failed its integrity check, so it was not kept. The book may "
                     "be damaged: run 'kamdesk doctor'.",
                     "副本未通过完整性检查，已丢弃。数据库可能已损坏：请运行“kamdesk doctor”。"),
    "disk_full": ("The disk is full. Free some space and try again; nothing was changed.",
                  "磁盘已满。请释放空间后重试；数据未做任何改动。"),
    "not_kamdesk": ("This file is not a KAMDesk backup.", "该文件不是 KAMDesk 备份。"),
    "damaged": ("This backup is damaged (it fails its integrity check); choose another one.",
                "该备份已损坏（未通过完整性检查），请选择其他备份。"),
    "too_new": ("This backup was written by a newer KAMDesk (schema {detail}). Install the "
                "newer version to restore it; nothing was changed.",
                "该备份由更新版本的 KAMDesk 创建（结构版本 {detail}）。请安装新版本后再恢复；"
                "数据未做任何改动。"),
    "in_use": ("The book is open in another program or KAMDesk window. Close it and try "
               "again; nothing was changed.",
               "数据库正被其他程序或另一个 KAMDesk 窗口打开。请关闭后重试；数据未做任何改动。"),
    "other": ("The backup could not be made or restored: {detail}. Nothing was changed.",
              "无法完成备份或恢复：{detail}。数据未做任何改动。"),
}


def backup_problem_text(kind: str, detail: str, lang: str) -> str:
    en, zh = _TEXT.get(kind, _TEXT["other"])
    return vocab.pick(lang, en, zh).format(detail=detail)
