"""User-facing words for failures that happen before (or without) the Qt translator.

The CLI and the start-up dialog share these so a bad, locked or full file is explained
the same way everywhere, in the user's language, with what was done to the file
(nothing) and what the user can do next. One kind of :class:`DatabaseProblem`, one
message; never a traceback, SQL or data from the file.
"""

from __future__ import annotations

from kamdesk import __version__
from kamdesk.domain import vocab
from kamdesk.store.database import DatabaseProblem
from kamdesk.store.schema_version import HEAD_REVISION

_TEXT = {
    "empty": ("The file {path} is empty (0 bytes): it holds no KAMDesk book. Nothing was "
              "changed. Choose another file, or delete it to start a new book there.",
              "文件 {path} 是空的（0 字节），不含 KAMDesk 客户资料。文件未被改动。"
              "请选择其他文件，或删除它后在此新建客户资料库。"),
    "not_sqlite": ("The file {path} is not a readable KAMDesk database (not an SQLite "
                   "file). It was left untouched. Choose another file.",
                   "文件 {path} 不是 KAMDesk 数据库（不是 SQLite 文件）。该文件未被改动。"
                   "请选择其他文件。"),
    "foreign": ("The file {path} is another application's database, not a KAMDesk book. "
                "It was opened read-only and left untouched. Choose another file.",
                "文件 {path} 是其他应用程序的数据库，不是 KAMDesk 客户资料库。已只读检查，"
                "文件未被改动。请选择其他文件。"),
    "truncated": ("The file {path} is cut short (truncated: {detail}); part of the book is "
                  "missing. It was left untouched. Restore a backup from the backups folder.",
                  "文件 {path} 不完整（被截断：{detail}），部分数据缺失。该文件未被改动。"
                  "请从备份文件夹恢复。"),
    "corrupt": ("The book {path} is damaged{parts}. It was left untouched. Restore a backup "
                "from the backups folder; 'kamdesk doctor' lists the damaged parts.",
                "客户资料库 {path} 已损坏{parts}。该文件未被改动。请从备份文件夹恢复；"
                "“kamdesk doctor”可列出损坏的部分。"),
    "too_new": ("The book {path} was written by a newer KAMDesk (schema {detail}); this "
                "KAMDesk {version} reads schemas up to {head}. Install the newer KAMDesk "
                "to open it. The file was not changed.",
                "客户资料库 {path} 由更新版本的 KAMDesk 写入（结构版本 {detail}）；"
                "本 KAMDesk {version} 只能读取 {head} 及以前的结构。请安装新版本后打开。"
                "文件未被改动。"),
    "readonly": ("The book {path} cannot be written (the file or its folder is read-only), "
                 "and it needs to be{why}. Nothing was changed. Open it read-only, or allow "
                 "writing and try again.",
                 "无法写入客户资料库 {path}（文件或文件夹只读），而{why_zh}需要写入。"
                 "数据未做任何改动。可以只读打开，或允许写入后重试。"),
    "read_only_open": ("This book is open read-only ({path}); the change was not saved. "
                       "Allow writing to the file and its folder, then open it again.",
                       "此客户资料库以只读方式打开（{path}），改动未保存。"
                       "请允许写入该文件及其文件夹后重新打开。"),
    "locked": ("The book {path} is locked by another program; KAMDesk waited and gave up. "
               "{holders}Close it and try again. Nothing was changed.",
               "客户资料库 {path} 正被其他程序锁定，KAMDesk 等待后放弃。"
               "{holders}请关闭该程序后重试。数据未做任何改动。"),
    "disk_full": ("Disk full: the disk holding {path} has no space left. The last change "
                  "was not saved; everything saved before it is kept. Free some space and "
                  "try again.",
                  "磁盘已满：{path} 所在磁盘没有剩余空间。最后一次改动未保存，"
                  "之前保存的数据都还在。请释放空间后重试。"),
    "wrong_passphrase": ("The passphrase does not open {path} (or the file is not a KAMDesk "
                         "book). Nothing was changed. Check the passphrase and try again.",
                         "密码无法打开 {path}（或该文件不是 KAMDesk 客户资料库）。文件未被改动。"
                         "请核对密码后重试。"),
    "no_encryption": ("The book {path} is protected by a passphrase, but this KAMDesk has no "
                      "encryption support. Install it with: pip install \"kamdesk[encryption]\". "
                      "Nothing was changed.",
                      "客户资料库 {path} 已用密码加密，但此 KAMDesk 未安装加密支持。请运行："
                      "pip install \"kamdesk[encryption]\"。文件未被改动。"),
    "other": ("The book {path} could not be opened: {detail}. Nothing was changed.",
              "无法打开客户资料库 {path}：{detail}。数据未做任何改动。"),
    "busy": ("Another program kept the database {path} busy for {detail} s (a KAMDesk window "
             "saving, an import, a backup or sync tool), so nothing was written. Try again "
             "when it has finished.",
             "数据库 {path} 被其他程序占用了 {detail} 秒（KAMDesk 窗口正在保存、正在导入，或备份、"
             "同步工具），因此未写入任何内容。请待其完成后重试。"),
}

_WHY = {"upgrade": (" to upgrade it to this version's schema", "升级到本版本的数据结构"),
        "new": (" to make a new book", "新建客户资料库"),
        "folder": (" to make a new book in that folder", "在该文件夹中新建客户资料库")}


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
    """The one message for ``exc`` in ``lang`` (English unless Chinese is asked for)."""
    en, zh = _TEXT.get(exc.kind, _TEXT["other"])
    template = vocab.pick(lang, en, zh)
    why_en, why_zh = _WHY.get(exc.detail, ("", "打开"))
    holders = ""
    if exc.holders:
        holders = vocab.pick(lang, "It may be held by: {0}. ", "可能占用它的程序：{0}。").format(
            vocab.pick(lang, ", ", "、").join(exc.holders))
    parts = ""
    if exc.detail and exc.kind == "corrupt":
        parts = vocab.pick(lang, " (damaged: {0})", "（损坏部分：{0}）").format(exc.detail)
    return template.format(path=exc.path, detail=exc.detail or "?", version=__version__,
                           head=HEAD_REVISION, why=why_en, why_zh=why_zh,
                           holders=holders, parts=parts)
