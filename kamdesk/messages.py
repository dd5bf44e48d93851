"""User-facing words for failures that happen before (or without) the Qt translator.

The CLI and the start-up error dialog share these so a locked or corrupt file is
explained the same way everywhere, in the user's language.
"""

from __future__ import annotations

from kamdesk.domain import vocab
from kamdesk.store.database import DatabaseProblem

_TEXT = {
    "locked": ("The database {path} is locked by another program (another KAMDesk window, "
               "a backup or sync tool). Close it and try again. Nothing was changed.",
               "数据库 {path} 正被其他程序占用（另一个 KAMDesk 窗口、备份或同步工具）。"
               "请关闭后重试。数据未做任何改动。"),
    "busy": ("Another program kept the database {path} busy for {detail} s (a KAMDesk window "
             "saving, an import, a backup or sync tool), so nothing was written. Try again "
             "when it has finished.",
             "数据库 {path} 被其他程序占用了 {detail} 秒（KAMDesk 窗口正在保存、正在导入，或备份、"
             "同步工具），因此未写入任何内容。请待其完成后重试。"),
    "corrupt": ("The file {path} is not a readable KAMDesk database (damaged or not a database). "
                "Restore a backup from the backups folder; the file was left untouched.",
                "文件 {path} 不是可读取的 KAMDesk 数据库（已损坏或不是数据库文件）。"
                "请从备份文件夹恢复；该文件未被改动。"),
    "too_new": ("The database {path} was written by a newer KAMDesk (schema {detail}). "
                "Install the newer version to open it; it was not changed.",
                "数据库 {path} 由更新版本的 KAMDesk 创建（结构版本 {detail}）。"
                "请安装新版本后打开；文件未被改动。"),
    "readonly": ("The database {path} cannot be written (read-only folder or file). "
                 "Choose another location with --db.",
                 "无法写入数据库 {path}（文件或文件夹只读）。请用 --db 指定其他位置。"),
    "disk_full": ("The disk holding {path} is full. Free some space; everything saved so far "
                  "is kept.",
                  "{path} 所在磁盘已满。请释放空间；已保存的数据不会丢失。"),
    "other": ("The database {path} could not be opened: {detail}",
              "无法打开数据库 {path}：{detail}"),
}


_WAITING = {
    True: ("Waiting for KAMDesk (the window) to finish writing to {path}…",
           "正在等待 KAMDesk 窗口完成写入 {path}…"),
    False: ("Waiting for another program to finish writing to {path}…",
            "正在等待其他程序完成写入 {path}…"),
}


def waiting_text(path: str, window_open: bool, lang: str) -> str:
    """The line a command prints while another writer holds the book."""
    en, zh = _WAITING[window_open]
    return vocab.pick(lang, en, zh).format(path=path)


def database_problem_text(exc: DatabaseProblem, lang: str) -> str:
    en, zh = _TEXT.get(exc.kind, _TEXT["other"])
    template = vocab.pick(lang, en, zh)
    return template.format(path=exc.path, detail=exc.detail)
