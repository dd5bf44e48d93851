"""Refresh and compile the UI translations.

    python packaging/translations.py            # lupdate + lrelease
    python packaging/translations.py --check    # exit 1 if any string is untranslated

``lupdate`` scans every Python module of the package for ``tr()`` /
``QCoreApplication.translate()`` calls and merges them into
``resources/translations/kamdesk_zh_CN.ts`` (existing translations are kept,
strings no longer in the code are dropped); ``lrelease`` compiles the ``.qm`` the
app loads. Both ship in the repository, so installing needs no Qt tools.

English is the source language, but a count in a source string ("%n task(s)") needs
its singular and plural forms: ``kamdesk_en.ts`` holds only those numerus messages
(``lupdate -pluralonly``); forms nobody wrote by hand are derived from the source
("(s)" → "" / "s", "person(s)" → "person" / "people") and can be corrected in the
file — a finished translation is never overwritten.
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
TS_EN = TS.with_name("kamdesk_en.ts")
QM_EN = TS_EN.with_suffix(".qm")
# (singular, plural) for the "(s)" spellings that are not "+s"
_IRREGULAR = {"person(s)": ("person", "people"), "reply(ies)": ("reply", "replies"),
              "entry(ies)": ("entry", "entries"), "company(ies)": ("company", "companies"),
              "opportunity(ies)": ("opportunity", "opportunities")}


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6-Essentials)")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "kamdesk").rglob("*.py")
                  if "migrations" not in p.parts)


def lupdate(ts: Path = TS, language: str = "zh_CN") -> None:
    ts.parent.mkdir(parents=True, exist_ok=True)
    extra = ["-pluralonly"] if language == "en" else []
    subprocess.run([_tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
                    *extra, "-target-language", language, "-ts", str(ts)],
                   cwd=ROOT, check=True, capture_output=True)


def english_forms(source: str) -> tuple[str, str]:
    """Singular and plural of an English source string with "(s)" markers."""
    one, many = source, source
    for marked, (sing, plur) in _IRREGULAR.items():
        one, many = one.replace(marked, sing), many.replace(marked, plur)
    return one.replace("(es)", "").replace("(s)", ""), many.replace("(es)", "es").replace("(s)", "s")


def fill_english(ts: Path = TS_EN) -> int:
    """Give every unfinished numerus message of ``ts`` its derived English forms."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        tr = message.find("translation")
        if tr is None or tr.get("type") != "unfinished":
            continue
        forms = tr.findall("numerusform") or [ET.SubElement(tr, "numerusform")]
        while len(forms) < 2:
            forms.append(ET.SubElement(tr, "numerusform"))
        forms[0].text, forms[1].text = english_forms(message.findtext("source") or "")
        del tr.attrib["type"]
        filled += 1
    if filled:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


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
    lupdate(TS_EN, "en")
    fill_english()
    missing = untranslated() + untranslated(TS_EN)
    if "--check" in argv:
        for ctx, src in missing:
            print(f"untranslated: [{ctx}] {src}")
        return 1 if missing else 0
    lrelease()
    lrelease(TS_EN, QM_EN)
    print(f"{TS.name}: {len(missing)} untranslated; compiled {QM.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
