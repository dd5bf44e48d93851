"""File ▸ Import of a phone book (.vcf): where the contacts go (one customer, or each
to the customer its company names), a preview of what would happen — new, updated,
unchanged, skipped, every problem by card number and property, every field that
differs — and then the import through the runner, off the UI thread. The same
reader and operation as ``kamdesk import FILE.vcf``."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QDialogButtonBox, QLabel, QMessageBox, QPlainTextEdit, QRadioButton,
    QVBoxLayout, QWidget,
)

from kamdesk.store.ops import Changes
from kamdesk.ui.context import AppContext
from kamdesk.ui.ops import run_op, run_op_in_background
from kamdesk.ui.widgets.customer_picker import CustomerPicker

__all__ = ["VCardTargetDialog", "VCardPreviewDialog", "import_vcard_file"]


class VCardTargetDialog(QDialog):
    """Asks where the contacts go: one customer (picker) or matched by company."""

    def __init__(self, ctx: AppContext, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import contacts"))
        info = QLabel(self.tr("%1 contacts in the file. Add them as key people of:").replace(
            "%1", str(count)))
        self.one = QRadioButton(self.tr("This customer:"))
        self.one.setObjectName("vcardOneCustomer")
        self.picker = CustomerPicker(ctx, self, advance_on_pick=False)
        self.by_company = QRadioButton(
            self.tr("The customer named by each contact's company (unmatched contacts are "
                    "listed, not added)"))
        self.by_company.setObjectName("vcardByCompany")
        group = QButtonGroup(self)
        group.addButton(self.one)
        group.addButton(self.by_company)
        self.by_company.setChecked(True)
        self.picker.customer_changed.connect(self._picked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (info, self.one, self.picker, self.by_company, buttons):
            layout.addWidget(widget)

    def _picked(self, customer_id: int | None) -> None:
        if customer_id:
            self.one.setChecked(True)

    def customer_code(self) -> str | None:
        return self.picker.customer_code or None if self.one.isChecked() else None

    def _accept(self) -> None:
        if self.one.isChecked() and not self.picker.resolve():
            self.picker.setFocus()
            return
        self.accept()


class VCardPreviewDialog(QDialog):
    """What the import would do, as text the user can read, copy and keep."""

    def __init__(self, summary: str, details: str, can_import: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import contacts"))
        self.resize(640, 420)
        label = QLabel(summary)
        label.setWordWrap(True)
        text = QPlainTextEdit(details)
        text.setObjectName("vcardPreview")
        text.setReadOnly(True)
        buttons = QDialogButtonBox()
        go = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        go.setEnabled(can_import)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(text, 1)
        layout.addWidget(buttons)


class VCardImportTexts(QObject):
    """The preview's words (a QObject so they are translated)."""

    def problem(self, code: str) -> str:
        return {
            "required": self.tr("is missing"),
            "invalid_date": self.tr("is not a date"),
            "invalid_choice": self.tr("is not a phone number or e-mail address"),
            "out_of_range": self.tr("has a year outside 1900–2100"),
            "unreadable": self.tr("cannot be read"),
            "unknown_customer": self.tr("names no customer in your book"),
            "ambiguous_customer": self.tr("matches more than one customer"),
            "other_customer": self.tr("belongs to a key person of another customer"),
        }.get(code, code)

    def field(self, name: str) -> str:
        return {
            "name": self.tr("Name"), "title": self.tr("Title"),
            "department": self.tr("Department"), "mobile": self.tr("Mobile"),
            "phone": self.tr("Phone"), "email": self.tr("E-mail"), "wechat": self.tr("WeChat"),
            "notes": self.tr("Notes"), "birthday": self.tr("Birthday"),
        }.get(name, name)

    def details(self, report) -> str:  # type: ignore[no-untyped-def]
        lines = []
        for p in sorted(report.problems, key=lambda p: p.card):
            value = f" ({p.value})" if p.value else ""
            lines.append(self.tr("Card %1: %2%3 %4").replace("%1", str(p.card)).replace(
                "%2", p.prop or "vCard").replace("%3", value).replace("%4", self.problem(p.code)))
        for o in report.outcomes:
            for name, old, new in o.differences:
                lines.append(self.tr("Card %1: %2 (%3) %4 differs: kept %5, the card has %6")
                             .replace("%1", str(o.card)).replace("%2", o.name)
                             .replace("%3", o.customer_code).replace("%4", self.field(name))
                             .replace("%5", old).replace("%6", new))
        return "\n".join(lines) or self.tr("No problems.")

    def summary(self, report, done: bool) -> str:  # type: ignore[no-untyped-def]
        text = (self.tr("Imported: %1 new, %2 updated, %3 unchanged, %4 skipped.") if done
                else self.tr("Nothing is imported yet. The import would add %1 new key people, "
                             "update %2, leave %3 unchanged and skip %4 contacts."))
        return (text.replace("%1", str(report.count("created")))
                .replace("%2", str(report.count("updated")))
                .replace("%3", str(report.count("unchanged")))
                .replace("%4", str(len(report.skipped_cards))))


def import_vcard_file(ctx: AppContext, path: str, parent: QWidget,
                      initiator: QObject | None = None) -> QThread | None:
    """Ask where the contacts go, preview, import (the GUI side of .vcf import); the
    import's thread, or None when the user stopped before it."""
    from kamdesk.io.vcard_read import read_vcards
    from kamdesk.store.ops.people_import import import_contacts

    texts = VCardImportTexts(parent)
    try:
        contacts, problems = read_vcards(path)
    except OSError as exc:
        QMessageBox.warning(parent, texts.tr("Import"), texts.tr(
            "The file %1 cannot be read: %2").replace("%1", path).replace(
            "%2", exc.strerror or str(exc)))
        return None
    target = VCardTargetDialog(ctx, len(contacts), parent)
    if target.exec() != QDialog.DialogCode.Accepted:
        return None
    code = target.customer_code()
    preview = run_op(ctx, import_contacts, contacts, code, dry_run=True,
                     read_problems=problems, parent=parent)
    if preview is None:
        return None
    report = preview.value
    would_write = report.count("created") + report.count("updated")
    dialog = VCardPreviewDialog(texts.summary(report, False), texts.details(report),
                                would_write > 0, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None

    def done(changes: Changes | None) -> None:
        if changes is not None:
            QMessageBox.information(parent, texts.tr("Import"),
                                    texts.summary(changes.value, True))

    return run_op_in_background(ctx, import_contacts, contacts, code, read_problems=problems,
                         on_done=done, initiator=initiator, parent=parent)
