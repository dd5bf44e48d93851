"""Refresh and compile the UI translations.

    python packaging/translations.py            # lupdate + lrelease
    python packaging/translations.py --check    # exit 1 if any string is untranslated

``lupdate`` scans every Python module of the package for ``tr()`` /
``QCoreApplication.translate()`` calls and merges them into
``resources/translations/kamdesk_zh_CN.ts`` (existing translations are kept,
strings no longer in the code are dropped); ``lrelease`` compiles the ``.qm`` the
app loads. Both ship in the repository, so installing needs no Qt tools.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "kamdesk_zh_CN.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6-Essentials)")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "kamdesk").rglob("*.py")
                  if "migrations" not in p.parts)


def lupdate(ts: Path = TS) -> None:
    ts.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([_tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
                    "-target-language", "zh_CN", "-ts", str(ts)],
                   cwd=ROOT, check=True, capture_output=True)


def lrelease(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                   capture_output=True)


def untranslated(ts: Path = TS) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            forms = tr.findall("numerusform") if tr is not None else []
            text = "".join(f.text or "" for f in forms) if forms else (tr.text if tr is not None else "")
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not text:
                missing.append((name, message.findtext("source") or ""))
    return missing


def main(argv: list[str]) -> int:
    lupdate()
    missing = untranslated()
    if "--check" in argv:
        for ctx, src in missing:
            print(f"untranslated: [{ctx}] {src}")
        return 1 if missing else 0
    lrelease()
    print(f"{TS.name}: {len(missing)} untranslated; compiled {QM.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
