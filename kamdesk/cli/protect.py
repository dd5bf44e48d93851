"""``kamdesk encrypt``, ``kamdesk decrypt`` and ``kamdesk rekey``: protect the book with a
passphrase, remove it, or change it (SQLCipher, :mod:`kamdesk.store.cipher`).

The current passphrase comes from the global ``--passphrase-file`` or KAMDESK_PASSPHRASE,
the new one from ``--new-passphrase-file`` or KAMDESK_NEW_PASSPHRASE, and otherwise both
are asked on the terminal (the new one twice). The book is never edited in place: a new
file is written, verified and swapped in, after the book as it was is kept in the
backups folder. Refused while a KAMDesk window has the book open. These commands are
listed only when the SQLCipher binding is installed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kamdesk.cli.common import EXIT_ERROR, EXIT_OK, EXIT_USAGE, language, passphrase_of

NEW_PASSPHRASE_ENV = "KAMDESK_NEW_PASSPHRASE"


def add_new_passphrase_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--new-passphrase-file", metavar="FILE",
                        help="read the new passphrase from the first line of FILE "
                        f"(or env {NEW_PASSPHRASE_ENV}; else it is asked twice)")


def add_decrypt_arguments(parser: argparse.ArgumentParser) -> None:
    del parser  # the current passphrase is the global --passphrase-file


def new_passphrase(args: argparse.Namespace) -> str | None:
    file = getattr(args, "new_passphrase_file", None)
    if file:
        with open(file, encoding="utf-8") as fh:
            return fh.readline().rstrip("\r\n") or None
    if os.environ.get(NEW_PASSPHRASE_ENV):
        return os.environ[NEW_PASSPHRASE_ENV]
    if not sys.stdin.isatty():
        return None
    from getpass import getpass

    first = getpass("New passphrase: ")
    if not first or getpass("Repeat the new passphrase: ") != first:
        print("the two passphrases differ (or are empty); nothing was changed", file=sys.stderr)
        return None
    return first


def current_passphrase(args: argparse.Namespace) -> str | None:
    given = passphrase_of(args)
    if given is None and sys.stdin.isatty():
        from getpass import getpass

        return getpass("Passphrase: ") or None
    return given


def run_encrypt(args: argparse.Namespace) -> int:
    return change(args, protect_now=False, protect_after=True)


def run_decrypt(args: argparse.Namespace) -> int:
    return change(args, protect_now=True, protect_after=False)


def run_rekey(args: argparse.Namespace) -> int:
    return change(args, protect_now=True, protect_after=True)


def change(args: argparse.Namespace, protect_now: bool, protect_after: bool) -> int:
    from kamdesk.instance import window_is_open
    from kamdesk.paths import backup_dir_for, is_url, resolve_db
    from kamdesk.store import cipher
    from kamdesk.store.database import DatabaseProblem

    location = resolve_db(args.db)
    path = Path(location).expanduser()
    if is_url(location) or not path.is_file():
        print(f"no book file at {location}", file=sys.stderr)
        return EXIT_USAGE
    if not cipher.encryption_available():
        raise DatabaseProblem("no_encryption", location)
    if window_is_open(location):
        print("KAMDesk has this book open in a window; close it first. Nothing was changed.",
              file=sys.stderr)
        return EXIT_ERROR
    if cipher.looks_encrypted(path) != protect_now:
        print("this book is already protected by a passphrase (use rekey or decrypt)"
              if not protect_now else "this book has no passphrase (use encrypt)",
              file=sys.stderr)
        return EXIT_USAGE
    old = current_passphrase(args) if protect_now else None
    if protect_now and old is None:
        print("no passphrase given (--passphrase-file or KAMDESK_PASSPHRASE)", file=sys.stderr)
        return EXIT_USAGE
    new = new_passphrase(args) if protect_after else None
    if protect_after and new is None:
        print("no new passphrase given; nothing was changed", file=sys.stderr)
        return EXIT_USAGE
    try:
        kept = cipher.change_protection(path, old, new, backup_dir_for(location))
    except cipher.WrongPassphrase:
        raise DatabaseProblem("wrong_passphrase", location) from None
    except cipher.ProtectionFailed as exc:
        print(f"{exc}; the book was left as it was", file=sys.stderr)
        return EXIT_ERROR
    from kamdesk.domain import vocab

    lang = language(args)
    done = ("the book is now protected by the passphrase" if new and not old else
            "the passphrase was changed" if new else "the passphrase was removed")
    print(vocab.pick(lang, done, {"the passphrase was changed": "密码已更改",
                                  "the passphrase was removed": "已取消密码保护"}
                     .get(done, "客户资料库已用密码加密")))
    print(vocab.pick(lang, "the book as it was is kept as {p}", "原数据库已保存为 {p}")
          .format(p=kept))
    if new and not old:
        print(vocab.pick(lang, "older backups in that folder are not encrypted; delete them "
                         "if they must not be read", "该文件夹中较早的备份未加密；如需保密请删除"),
              file=sys.stderr)
    return EXIT_OK
