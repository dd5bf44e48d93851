"""Generators of messy sheets for the reading tests: random tables whose cells hold
delimiters, quotes and line breaks, written in several CSV dialects and encodings."""

from __future__ import annotations

import csv
import io
import random

ALPHABET = "abc 甲乙丙客户公司,;|\t\"'\n-—（）1234567890.万元"
DELIMITERS = (",", ";", "\t", "|")


def random_cell(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.15:
        return ""
    if kind < 0.25:
        return rng.choice(["','", '","', "a,b", "x;y", "p|q", "t\tu", '"quoted"', "line\nbreak"])
    n = rng.randint(1, 12)
    return "".join(rng.choice(ALPHABET) for _ in range(n)).strip() or "x"


def random_table(rng: random.Random) -> list[list[str]]:
    width = rng.randint(2, 8)
    header = [f"列{i}" for i in range(width)]
    rows = [[random_cell(rng) for _ in range(width)] for _ in range(rng.randint(2, 25))]
    # a row that is all blank is not data; keep at least one non-empty cell
    for row in rows:
        if not any(c.strip() for c in row):
            row[0] = "x"
    return [header, *rows]


def write_csv(table: list[list[str]], delimiter: str, lineterminator: str = "\r\n") -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator=lineterminator).writerows(table)
    return buf.getvalue()
