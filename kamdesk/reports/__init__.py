"""Printable PDFs (account plan, pre-visit brief) built from plain data.

Kept import-free on purpose: reportlab costs ~150 ms to import, and the app should pay
that only when the user exports, so callers import ``kamdesk.reports.plan_pdf`` etc.
directly.
"""
