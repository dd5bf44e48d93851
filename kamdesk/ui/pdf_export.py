"""Exporting an account plan or a pre-visit brief as PDF from any screen.

Save as… (remembering the folder), render with a busy cursor, then open the file in
the system viewer. Printing goes through that viewer too: it knows the user's
printers, duplex and paper trays far better than a home-made print dialog would.
The plan editor, the Reports screen and the customer profile all call these.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from kamdesk.domain.review_periods import Period
from kamdesk.store.queries.customers import pick_customer
from kamdesk.store.queries.plans import plan_detail
from kamdesk.ui.context import AppContext

__all__ = ["export_brief_pdf", "export_plan_pdf", "export_review_pdf", "print_plan"]

translate = QCoreApplication.translate


def _default_dir(ctx: AppContext) -> str:
    saved = str(ctx.settings.value("reports/last_dir", "") or "")
    if saved and Path(saved).is_dir():
        return saved
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return docs or str(Path.home())


def _ask_pdf_path(ctx: AppContext, parent: QWidget | None, title: str, name: str) -> Path | None:
    pdf_filter = translate("PlanEditor", "PDF documents (*.pdf)")
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(_default_dir(ctx)) / name),
                                          pdf_filter)
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    ctx.settings.setValue("reports/last_dir", str(target.parent))
    return target


def _pagesize(ctx: AppContext) -> str:
    return "Letter" if str(ctx.settings.value("reports/paper", "A4")) == "Letter" else "A4"


def _render(parent: QWidget | None, work: Callable[[], Any]) -> Any:
    """Run a render with a busy cursor; a disk error is shown, not raised."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return work()
    except OSError as exc:
        QMessageBox.warning(parent, translate("PlanEditor", "Could not write the PDF"),
                            translate("PlanEditor", "The file could not be written:\n%1")
                            .replace("%1", exc.strerror or str(exc)))
        return None
    finally:
        QApplication.restoreOverrideCursor()


def _write_plan(ctx: AppContext, plan_id: int | None, customer_id: int, target: Path) -> int:
    from kamdesk.reports.from_store import plan_document
    from kamdesk.reports.plan_pdf import render_plan_pdf

    doc = ctx.db.read(plan_document, plan_id, customer_id, ctx.lang, ctx.clock.today())
    return render_plan_pdf(doc, target, pagesize=_pagesize(ctx))  # type: ignore[arg-type]


def _customer_label(ctx: AppContext, customer_id: int) -> tuple[str, str]:
    c = ctx.db.read(pick_customer, customer_id)
    return (c.code, c.name) if c is not None else ("?", "?")


def _plan_file(ctx: AppContext, plan_id: int | None, customer_id: int) -> str:
    """``{code}-{name}-{period}.pdf``; a customer without a plan prints this year's draft."""
    from kamdesk.reports.batch import plan_file_name

    detail = ctx.db.read(plan_detail, plan_id) if plan_id else None
    code, name = _customer_label(ctx, customer_id)
    return plan_file_name(code, name, detail.period if detail else str(ctx.clock.today().year))


def export_plan_pdf(ctx: AppContext, plan_id: int | None, customer_id: int,
                    parent: QWidget | None = None) -> Path | None:
    """Save as…, write the plan in the UI language, open it in the system viewer."""
    title = translate("PlanEditor", "Export account plan")
    target = _ask_pdf_path(ctx, parent, title, _plan_file(ctx, plan_id, customer_id))
    if target is None:
        return None
    pages = _render(parent, lambda: _write_plan(ctx, plan_id, customer_id, target))
    if pages is None:
        return None
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
    ctx.status.emit(translate("PlanEditor", "Saved %1 (%2 pages)")
                    .replace("%1", str(target))
                    .replace("%2", str(pages)))
    return target


def print_plan(ctx: AppContext, plan_id: int | None, customer_id: int,
               parent: QWidget | None = None) -> Path | None:
    """Write the plan to a temporary file and open it in the system PDF viewer to print."""
    folder = Path(tempfile.gettempdir()) / "kamdesk-print"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / _plan_file(ctx, plan_id, customer_id)
    pages = _render(parent, lambda: _write_plan(ctx, plan_id, customer_id, target))
    if pages is None:
        return None
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
    ctx.status.emit(translate(
        "PlanEditor", "Opened the plan in your PDF viewer: print it from there."))
    return target


def export_brief_pdf(ctx: AppContext, customer_id: int, parent: QWidget | None = None
                     ) -> Path | None:
    """The one-page pre-visit brief: Save as…, then open it."""
    from kamdesk.reports.batch import sanitize

    code, name = _customer_label(ctx, customer_id)
    today = ctx.clock.today()
    title = translate("PlanEditor", "Export pre-visit brief")
    target = _ask_pdf_path(ctx, parent, title,
                           f"{sanitize(code, 32)}-{sanitize(name)}-brief-{today.isoformat()}.pdf")
    if target is None:
        return None

    def work() -> int:
        from kamdesk.reports.brief_pdf import render_brief_pdf
        from kamdesk.reports.from_store import brief_document

        doc = ctx.db.read(brief_document, customer_id, ctx.lang, today)
        return render_brief_pdf(doc, target, pagesize=_pagesize(ctx))  # type: ignore[arg-type]

    if _render(parent, work) is None:
        return None
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
    ctx.status.emit(translate("PlanEditor", "Saved %1").replace("%1", str(target)))
    return target


def export_review_pdf(ctx: AppContext, period: Period, parent: QWidget | None = None
                      ) -> Path | None:
    """The review of ``period`` (月度复盘) as lived today, in the UI language: Save as…,
    write it, open it in the system viewer."""
    title = translate("ReportsScreen", "Export review PDF")
    name = translate("ReportsScreen", "review-%1.pdf").replace("%1", period.code)
    target = _ask_pdf_path(ctx, parent, title, name)
    if target is None:
        return None

    def work() -> Path:
        from kamdesk.reports.review_pdf import render_review_pdf

        written: Path = ctx.db.read(render_review_pdf, period, ctx.clock.today(), ctx.lang,
                                    target)
        return written

    if _render(parent, work) is None:
        return None
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
    ctx.status.emit(translate("PlanEditor", "Saved %1").replace("%1", str(target)))
    return target
