"""vCard 3.0 export of key people (what iOS, macOS, Google and Outlook all read)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, text


def _esc(value: str) -> str:
    return (value.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,")
            .replace(";", "\\;"))


def people_vcards(conn: Connection, customer_code: str | None = None) -> str:
    where, params = "WHERE p.archived = 0", {}
    if customer_code:
        where += " AND c.code = :code"
        params = {"code": customer_code}
    cards: list[str] = []
    for pid, name, title, dept, phone, mobile, email, wechat, company, notes in conn.execute(text(
        "SELECT p.id, p.name, p.title, p.department, p.phone, p.mobile, p.email, p.wechat, "
        f"c.name, p.notes FROM people p JOIN customers c ON c.id = p.customer_id {where} "
        "ORDER BY c.code, p.id"), params):
        lines = ["BEGIN:VCARD", "VERSION:3.0", f"UID:person-{pid}@kamdesk",
                 f"FN:{_esc(name)}", f"N:{_esc(name)};;;;", f"ORG:{_esc(company)}"
                 + (f";{_esc(dept)}" if dept else "")]
        if title:
            lines.append(f"TITLE:{_esc(title)}")
        if mobile:
            lines.append(f"TEL;TYPE=CELL:{_esc(mobile)}")
        if phone:
            lines.append(f"TEL;TYPE=WORK:{_esc(phone)}")
        if email:
            lines.append(f"EMAIL;TYPE=INTERNET:{_esc(email)}")
        if wechat:
            lines.append(f"X-WECHAT:{_esc(wechat)}")
        if notes:
            lines.append(f"NOTE:{_esc(notes)}")
        lines.append("END:VCARD")
        cards.append("\r\n".join(lines))
    return "\r\n".join(cards) + ("\r\n" if cards else "")


def write_vcards(conn: Connection, path: str | Path, customer_code: str | None = None) -> int:
    data = people_vcards(conn, customer_code)
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    tmp.write_text(data, encoding="utf-8", newline="")
    tmp.replace(target)
    return data.count("BEGIN:VCARD")
