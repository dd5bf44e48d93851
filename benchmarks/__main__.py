"""``python -m benchmarks``: see :mod:`benchmarks` and ``benchmarks/README.md``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    from benchmarks.core import FULL_SIZES, GROUPS, QUICK_SIZES
    from benchmarks.runner import (
        default_data_dir,
        default_results,
        parse_groups,
        run_suite,
        stored_table,
    )

    argv = sys.argv[1:] if argv is None else argv
    p = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="KAMDesk benchmarks: speed and memory against the targets, with bounds.",
        epilog="groups: " + "; ".join(f"{k}: {v}" for k, v in GROUPS.items()))
    p.add_argument("--quick", action="store_true",
                   help=f"sizes {', '.join(map(str, QUICK_SIZES))} only")
    p.add_argument("--sizes", metavar="N[,N]",
                   help="customer counts to run (default 1000,10000,100000)")
    p.add_argument("--only", metavar="GROUP[,GROUP]", help="run only these groups")
    p.add_argument("--runs", type=int, default=5, metavar="N",
                   help="timed runs per operation, median reported (default 5; the slowest "
                        "operations at 100k use at most 3)")
    p.add_argument("--data-dir", type=Path, default=None,
                   help="where the cached databases live (default benchmarks/data)")
    p.add_argument("--out", type=Path, default=None,
                   help="results file (default benchmarks/results.json)")
    p.add_argument("--no-save", action="store_true", help="print only, write no results file")
    p.add_argument("--show", action="store_true",
                   help="print the stored results table and exit (with --markdown: as Markdown)")
    p.add_argument("--markdown", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    out = None if args.no_save else (args.out or default_results())
    if args.show:
        print(stored_table(args.out or default_results(), markdown=args.markdown))
        return 0
    try:
        groups = parse_groups(args.only)
    except ValueError as exc:
        p.error(str(exc))
    if args.sizes:
        sizes = [int(s.replace("_", "").replace("k", "000")) for s in args.sizes.split(",")]
    else:
        sizes = list(QUICK_SIZES if args.quick else FULL_SIZES)
    if args.runs < 1:
        p.error("--runs must be at least 1")
    run_suite(sizes, groups, args.runs, args.data_dir or default_data_dir(), out,
              argv=argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
