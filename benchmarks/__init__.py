"""KAMDesk's benchmark suite: speed and memory against the limits, rerunnable by anyone.

    python -m benchmarks                 # 1k, 10k and 100k customers, every group
    python -m benchmarks --quick         # 1k and 10k only
    python -m benchmarks --only search   # one group (comma-separate for several)

Run from the repository root: the suite lives beside the ``kamdesk`` package, not in
it, so an installed KAMDesk does not ship it.

Deterministic demo databases are built once and cached under ``benchmarks/data/``
(git-ignored); the results table is printed and written to ``benchmarks/results.json``
with the machine, the date, the git commit and the load average, so runs can be
compared. See ``benchmarks/README.md`` for what each figure and each bound means.

Nothing is imported here, so the GUI child processes (:mod:`benchmarks.gui_child`)
start as cheaply as the app itself.
"""
