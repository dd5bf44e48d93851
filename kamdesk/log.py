"""Logging to a rotating file in the platform log dir — never with customer data in it.

An unexpected error must leave a trace the user can send us, without a traceback
ever being shown to them. That trace goes to support, so it must not carry the book:
the engine hides SQL parameters (``hide_parameters=True`` in
:mod:`kamdesk.store.engine`), and :class:`RedactCustomerData` on the file handler is the
safety net: it strips SQLAlchemy's ``[parameters: …]`` block and the quoted literals of
an ``[SQL: …]`` block from every message and traceback before it is written. The log
folder is 0700 and the files 0600 (:mod:`kamdesk.privacy`).
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

from kamdesk.privacy import private_dir, private_file

LOG_FILENAME = "kamdesk.log"
BACKUP_COUNT = 5
_configured: Path | None = None

_PARAMETERS = re.compile(r"\[parameters: .*?\](?=\n\(Background|\n\n|\n\[|\Z)", re.DOTALL)
_SQL_BLOCK = re.compile(r"\[SQL: (.*?)\](?=\n|\Z)", re.DOTALL)
_QUOTED = re.compile(r"'(?:[^']|'')*'")
#: PostgreSQL's DETAIL line repeats the row's values ("Key (code)=(C-77) already exists")
_DETAIL = re.compile(r"^(\s*DETAIL:).*$", re.MULTILINE)
REDACTED = "[parameters redacted]"


def redact(text: str) -> str:
    """``text`` without SQL parameters, quoted SQL literals or PostgreSQL's DETAIL
    lines (any of which may hold names)."""
    if "DETAIL:" in text:
        text = _DETAIL.sub(r"\1 [redacted]", text)
    if "[parameters: " in text:
        text = _PARAMETERS.sub(REDACTED, text)
    if "[SQL: " in text:
        text = _SQL_BLOCK.sub(lambda m: "[SQL: " + _QUOTED.sub("'…'", m.group(1)) + "]", text)
    return text


class RedactCustomerData(logging.Filter):
    """Rewrites a record's message and traceback through :func:`redact` before any
    formatter sees them."""

    _tracebacks = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._tracebacks.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    global _configured
    private_dir(log_dir)
    path = log_dir / LOG_FILENAME
    if _configured == path:
        return path
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=BACKUP_COUNT, encoding="utf-8"
    )
    for name in [LOG_FILENAME, *(f"{LOG_FILENAME}.{n}" for n in range(1, BACKUP_COUNT + 1))]:
        private_file(log_dir / name)
    handler.addFilter(RedactCustomerData())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    # SQLAlchemy logs statements with their parameters at INFO: never into this file.
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    _configured = path
    return path


def log_path() -> Path | None:
    return _configured
