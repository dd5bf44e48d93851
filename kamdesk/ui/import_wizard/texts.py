"""The import wizard's words for codes: problems, skipped rows, kinds of sheet,
encodings, delimiters and duplicate choices (both languages through ``tr``)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from kamdesk.ui import labels

KINDS = ("customers", "contacts", "events", "orders")
DUPLICATE_CHOICES = ("skip", "update", "create")
#: meanings whose column holds money (a unit choice: 元 / 万元)
MONEY_MEANINGS = ("contribution", "amount")
MONEY_UNITS = ("元", "万元")


class ImportWords(QObject):
    """Translated words; one instance per wizard."""

    def problem(self, code: str) -> str:
        return {
            "required": self.tr("is empty but required"),
            "invalid_date": self.tr("is not a date"),
            "ambiguous_date": self.tr("is a date that can be read two ways (write a "
                                      "four-digit year first)"),
            "invalid_number": self.tr("is not a number"),
            "invalid_amount": self.tr("is not an amount of money"),
            "negative_amount": self.tr("must not be negative"),
            "unknown_customer": self.tr("names no known customer"),
            "duplicate": self.tr("repeats a code used earlier in the file"),
            "invalid_choice": self.tr("is not an allowed value"),
            "out_of_range": self.tr("is out of range"),
        }.get(code) or labels.validation(code)

    def skip_reason(self, reason: str) -> str:
        return {"blank": self.tr("blank row"),
                "total": self.tr("total row (合计/Total)"),
                "nul_removed": self.tr("NUL characters removed (row kept)")}.get(reason, reason)

    def kind(self, kind: str) -> str:
        return {"customers": self.tr("Customers (表1)"),
                "contacts": self.tr("Contact log (表2)"),
                "events": self.tr("Events (表3)"),
                "orders": self.tr("Orders")}.get(kind, kind)

    def encoding(self, encoding: str) -> str:
        if not encoding:
            return self.tr("Excel workbook (XLSX)")
        return {"utf-8": "UTF-8", "utf-8-sig": self.tr("UTF-8 with BOM"),
                "gb18030": "GB18030 / GBK",
                "utf-16-le": self.tr("UTF-16 (little-endian)"),
                "utf-16-be": self.tr("UTF-16 (big-endian)")}.get(encoding, encoding.upper())

    def delimiter(self, delimiter: str) -> str:
        if not delimiter:
            return "—"
        return {",": self.tr("comma"), "\t": self.tr("tab"), ";": self.tr("semicolon"),
                "|": self.tr("vertical bar")}.get(delimiter, repr(delimiter))

    def duplicate_choice(self, choice: str) -> str:
        return {"skip": self.tr("Skip them"),
                "update": self.tr("Update the existing customer"),
                "create": self.tr("Create new customers anyway")}.get(choice, choice)

    def duplicate_reason(self, reason: str) -> str:
        return {"name": self.tr("name"), "phone": self.tr("phone"),
                "email": self.tr("email")}.get(reason, reason)

    def field(self, name: str) -> str:
        return labels.field_name(name)
