"""``python -m kamdesk`` and the ``kamdesk`` launcher."""

from __future__ import annotations

import sys


def main() -> int:
    # A frozen build's worker processes (kamdesk.store.readings_pool) start this same
    # executable; this hands them to multiprocessing instead of starting the app.
    import multiprocessing

    multiprocessing.freeze_support()
    from kamdesk.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
