"""``kamdesk import FILE.vcf`` and ``kamdesk vcard``: contacts in and out, headless."""

from __future__ import annotations

import vcard_shapes as shapes

from kamdesk.cli import main
from kamdesk.store.database import open_database
from kamdesk.store.ops.customers import create_customer

ORGS = ["远航物流有限公司", "Acme Co., Ltd."]


def _db(tmp_path) -> str:
    path = str(tmp_path / "x.sqlite3")
    db = open_database(path, tmp_path / "bk")
    for i, name in enumerate(ORGS, 1):
        db.write(create_customer, code=f"C00{i}", name=name)
    db.dispose()
    return path


def test_import_vcf_dry_run_then_import_then_reimport(tmp_path, capsys):
    db = _db(tmp_path)
    f = tmp_path / "android.vcf"
    f.write_bytes(shapes.android(shapes.random_specs(5, 12, ORGS)) + (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:X\r\nORG:Nowhere\r\nBDAY:1980-02-30\r\n"
        b"END:VCARD\r\n"))
    assert main(["--db", db, "import", str(f), "--dry-run"]) == 0
    out = capsys.readouterr()
    assert "would import 13 contacts: 12 new" in out.out
    assert "card 13: ORG ('Nowhere') names no known customer" in out.err
    assert "card 13: BDAY ('1980-02-30') is not a date" in out.err
    assert main(["--db", db, "import", str(f)]) == 0
    assert "imported 13 contacts: 12 new" in capsys.readouterr().out
    assert main(["--db", db, "import", str(f)]) == 0
    assert "0 new, 0 updated, 12 unchanged, 1 skipped (cards [13])" in capsys.readouterr().out
    out_file = tmp_path / "out.vcf"
    assert main(["--db", db, "vcard", "--out", str(out_file), "--today", "2026-11-23"]) == 0
    assert "12 contacts" in capsys.readouterr().out
    assert main(["--db", db, "import", str(out_file)]) == 0
    assert "0 new, 0 updated, 12 unchanged" in capsys.readouterr().out


def test_import_vcf_into_a_customer_by_code(tmp_path, capsys):
    db = _db(tmp_path)
    f = tmp_path / "g.vcf"
    f.write_bytes(shapes.google(shapes.random_specs(6, 4, ["Someone Else Ltd"])))
    assert main(["--db", db, "import", str(f), "--customer", "C009"]) == 1
    assert "no customer with the code C009" in capsys.readouterr().err
    assert main(["--db", db, "import", str(f), "--customer", "C002"]) == 0
    assert "4 new" in capsys.readouterr().out
