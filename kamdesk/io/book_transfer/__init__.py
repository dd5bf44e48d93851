"""Moving a book into another database, a team's PostgreSQL server above all
(``kamdesk migrate-to URL``, issue #17 item 4): every row, relations kept through an id
map, the attached files' bytes, resumable after an interruption, and a count of rows per
table that must match. No Qt here: the CLI (:mod:`kamdesk.cli.transfer`) drives it.

- :mod:`.plan`: what is copied in which order, and every value that names a row by id;
- :mod:`.ledger`: the progress and the id map, kept in the target while the move runs;
- :mod:`.copier`: the batches; :mod:`.documents`: the files; :mod:`.transfer`: the whole.
"""

from kamdesk.io.book_transfer.copier import TransferFailed
from kamdesk.io.book_transfer.transfer import (
    DONE_KEY,
    TableCount,
    TransferRefused,
    TransferReport,
    source_identity,
    transfer_book,
)

__all__ = ["DONE_KEY", "TableCount", "TransferFailed", "TransferRefused", "TransferReport",
           "source_identity", "transfer_book"]
