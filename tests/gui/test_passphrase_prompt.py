"""Encryption at rest at the window's start (#14 item 7): a protected book asks for its
passphrase, asks again after a wrong one, and opens with the right one; cancelling
leads to the usual start choices; without the binding no prompt is shown."""

from __future__ import annotations

import shutil

import pytest

from kamdesk.app import open_with_choices
from kamdesk.store import cipher
from kamdesk.ui.passphrase_dialog import passphrase_prompt

pytestmark = pytest.mark.sqlite_only(reason="SQLCipher-protected book files")


class Answers:
    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.calls: list[bool] = []

    def __call__(self, location: str, lang: str, wrong: bool) -> str | None:
        self.calls.append(wrong)
        return self.answers.pop(0) if self.answers else None


def _no_choice(problem, lang, backup_dir):  # type: ignore[no-untyped-def]
    _no_choice.seen.append(problem.kind)  # type: ignore[attr-defined]
    return "quit", None


@pytest.mark.skipif(not cipher.encryption_available(),
                    reason="the SQLCipher binding (sqlcipher3) is not installed here")
def test_wrong_passphrase_asks_again_then_opens(qapp, demo_template, tmp_path):
    book = tmp_path / "book.sqlite3"
    shutil.copy(demo_template, book)
    cipher.change_protection(book, None, "right", tmp_path / "kept")
    asked = Answers("wrong", "right")
    db, _ = open_with_choices(str(book), "en", _no_choice, asked, synchronous="OFF")
    assert db is not None and db.passphrase == "right"
    db.dispose()
    assert asked.calls == [False, True]

    _no_choice.seen = []  # type: ignore[attr-defined]
    db, problem = open_with_choices(str(book), "en", _no_choice, Answers(None),
                                    synchronous="OFF")
    assert db is None and problem is not None and _no_choice.seen == ["not_sqlite"]  # type: ignore[attr-defined]


def test_no_prompt_without_the_binding(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(cipher, "cipher_module", lambda: None)
    not_a_book = tmp_path / "x.sqlite3"
    not_a_book.write_bytes(b"\x8f" * 4096)
    asked = Answers("anything")
    _no_choice.seen = []  # type: ignore[attr-defined]
    db, _ = open_with_choices(str(not_a_book), "en", _no_choice, asked, synchronous="OFF")
    assert db is None and asked.calls == [] and _no_choice.seen == ["not_sqlite"]  # type: ignore[attr-defined]


def test_prompt_words(qapp):
    assert "/b.sqlite3" in passphrase_prompt("/b.sqlite3", False)
    assert "Try again" in passphrase_prompt("/b.sqlite3", True)
