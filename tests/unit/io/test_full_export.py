"""The full export: a book out to one ZIP and into an empty database gives back equal
data, the same ids, the attached files and — after the rebuild — equal figures."""

from __future__ import annotations

import json
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from kamdesk.io.document_store import attach_file, store_for_database
from kamdesk.io.full_export import (
    FullExportError,
    export_full,
    load_export,
    read_export,
)
from kamdesk.store.database import open_database
from kamdesk.store.demo import generate_demo
from kamdesk.store.errors import ValidationError
from kamdesk.store.metrics import recompute_metrics
from kamdesk.store.ops.search_index import rebuild_search_index
from kamdesk.store.queries.full_book import book_tables, non_empty_tables, read_table_rows

TODAY = date(2026, 11, 23)


def _book(path: Path):
    db = open_database(str(path), path.parent / "backups", synchronous="OFF")
    generate_demo(db.engine, 40, seed=5, today=TODAY)
    with db.engine.begin() as conn:
        # relations that point forwards (a manager added after the report, a contract
        # renewed into an older row), a tier history and a setting
        conn.execute(text("UPDATE people SET reports_to_id = (SELECT max(id) FROM people) "
                          "WHERE id = 1"))
        conn.execute(text("UPDATE contracts SET previous_contract_id = "
                          "(SELECT max(id) FROM contracts) WHERE id = 1"))
        conn.execute(text("INSERT INTO tier_changes (customer_id, changed_on, dimension, "
                          "old_value, new_value) VALUES (2, '2026-10-01', 'value', 'B', 'A')"))
        conn.execute(text("INSERT INTO app_settings (key, value) VALUES "
                          "('product_lines', '[\"阀门\", \"泵\"]')"))
        conn.execute(text("UPDATE customers SET name = '-Minus 贸易', explicit_needs = "
                          "'=SUM(1)' WHERE id = 3"))
    recompute_metrics(db, TODAY)
    store = store_for_database(db.location)
    for i, content in enumerate((b"%PDF-1.4 contract", b"quote v2", b"quote v2")):
        src = path.parent / f"doc{i}.bin"
        src.write_bytes(content)
        attach_file(store, db.write, src, customer_id=1 + i, name=f"附件{i}.pdf",
                    now=datetime(2026, 11, 20, 9))
    return db


@pytest.fixture
def book(tmp_path):
    db = _book(tmp_path / "source" / "book.sqlite3")
    yield db
    db.dispose()


def _export(db, out: Path) -> Path:
    summary = db.read(export_full, out, store_for_database(db.location))
    assert summary.missing_files == []
    return out


def _tables(db) -> dict[str, object]:
    return {t.name: db.read(read_table_rows, t) for t in book_tables()}


def _metrics(db) -> list[tuple]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT * FROM customer_metrics ORDER BY customer_id"))]


@pytest.mark.sqlite_only(reason="compares raw rows with an SQLite source book")
def test_full_round_trip_into_an_empty_book(book, db, tmp_path):
    out = _export(book, tmp_path / "full.zip")
    changes = db.write(load_export, out, store_for_database(db.location), TODAY)
    assert changes.value["customers"] == 40
    # the derived data of the source is rebuilt the same way before comparing
    book.write(rebuild_search_index)
    recompute_metrics(book, TODAY)
    recompute_metrics(db, TODAY)
    source, copy = _tables(book), _tables(db)
    for name, rows in source.items():
        assert copy[name] == rows, name                # same ids, same values, row by row
    assert sum(len(t.rows) for t in source.values()) > 1000
    assert _metrics(db) == _metrics(book)
    # the files came along, under the same names
    store = store_for_database(db.location)
    shas = {r[source["documents"].columns.index("sha256")] for r in source["documents"].rows}
    assert len(shas) == 2 and all(store.has(s) for s in shas)
    # …and the copy exports to the very same bytes
    assert _export(db, tmp_path / "again.zip").read_bytes() == \
        _export(book, tmp_path / "source-again.zip").read_bytes()


def test_two_exports_are_identical(book, tmp_path):
    a = _export(book, tmp_path / "a.zip").read_bytes()
    b = _export(book, tmp_path / "b.zip").read_bytes()
    assert a == b
    with zipfile.ZipFile(tmp_path / "a.zip") as zf:
        manifest = json.loads(zf.read("manifest.json"))
        names = zf.namelist()
    assert manifest["format"] == "kamdesk-full-export" and manifest["format_version"] == 1
    assert manifest["schema_revision"] and manifest["app_version"]
    assert "customer_metrics" not in manifest["tables"] and manifest["tables"]["people"] > 40
    assert manifest["files"] == {"count": 2, "missing": []}
    assert names[0] == "manifest.json" and sum(n.startswith("files/") for n in names) == 2


def test_refuses_a_book_that_holds_data_and_writes_nothing(book, tmp_path):
    out = _export(book, tmp_path / "full.zip")
    with pytest.raises(ValidationError) as err:
        book.write(load_export, out, store_for_database(book.location), TODAY)
    assert err.value.code == "book_not_empty"
    with book.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM customers")).scalar() == 40


def test_a_failed_load_leaves_the_book_empty_and_no_files(book, db, tmp_path):
    out = _export(book, tmp_path / "full.zip")
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "tables/tasks.json":
                table = json.loads(data)
                table["columns"][1] = "no_such_column"
                data = json.dumps(table).encode()
            dst.writestr(info, data)
    store = store_for_database(db.location)
    with pytest.raises(ValidationError):
        db.write(load_export, broken, store, TODAY)
    assert db.read(non_empty_tables) == []
    assert list(store.blobs()) == []


def _rewrite_manifest(src: Path, dst: Path, **changes: object) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "manifest.json":
                manifest = json.loads(data)
                manifest.update(changes)
                data = json.dumps(manifest).encode()
            zout.writestr(info, data)
    return dst


def test_schema_revisions_it_accepts_and_refuses(book, tmp_path):
    out = _export(book, tmp_path / "full.zip")
    older = _rewrite_manifest(out, tmp_path / "older.zip", schema_revision="0010_service_states")
    assert read_export(older).book["customers"].rows
    for revision in ("0099_from_the_future", "not-a-revision"):
        with pytest.raises(FullExportError) as err:
            read_export(_rewrite_manifest(out, tmp_path / "x.zip", schema_revision=revision))
        assert err.value.code == "schema_unknown"
    with pytest.raises(FullExportError) as err:
        read_export(_rewrite_manifest(out, tmp_path / "y.zip", format_version=2))
    assert err.value.code == "format_too_new"


def test_files_that_are_not_full_exports(tmp_path):
    plain = tmp_path / "plain.zip"
    with zipfile.ZipFile(plain, "w") as zf:
        zf.writestr("readme.txt", "hi")
    with pytest.raises(FullExportError) as err:
        read_export(plain)
    assert err.value.code == "not_full_export"
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip")
    with pytest.raises(FullExportError) as err:
        read_export(junk)
    assert err.value.code == "damaged"


def test_cli_export_full_and_import(book, tmp_path, capsys):
    from kamdesk.cli import main

    out = tmp_path / "cli.zip"
    assert main(["--db", book.location, "export", "full", "--out", str(out)]) == 0
    target = str(tmp_path / "new.sqlite3")
    assert main(["--db", target, "import", str(out), "--dry-run"]) == 0
    assert main(["--db", target, "import", str(out), "--today", "2026-11-23"]) == 0
    assert "imported" in capsys.readouterr().out
    assert main(["--db", target, "import", str(out)]) == 1       # no longer empty
    assert "only into an empty database" in capsys.readouterr().err

