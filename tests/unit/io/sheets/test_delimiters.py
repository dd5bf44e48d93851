import csv
import io
import random

import pytest

from kamdesk.io.sheets.delimiters import detect_delimiter, dialect_for

from .sheet_gen import DELIMITERS, random_table, write_csv


@pytest.mark.parametrize("seed", range(400))
def test_detects_the_dialect_used_and_reads_rows_back(seed):
    rng = random.Random(seed)
    table = random_table(rng)
    delimiter = DELIMITERS[seed % len(DELIMITERS)]
    text = write_csv(table, delimiter, rng.choice(["\r\n", "\n"]))
    assert detect_delimiter(text) == delimiter
    back = list(csv.reader(io.StringIO(text), dialect_for(delimiter)))
    assert back == table


def test_a_cell_holding_a_quoted_comma_does_not_fool_it():
    text = "名称;备注;金额\n甲;\"','\";1\n乙;\",\";2\n丙;a,b,c;3\n"
    assert detect_delimiter(text) == ";"


def test_ties_go_to_the_comma_and_one_column_is_a_comma_file():
    assert detect_delimiter("a\nb\nc\n") == ","
    assert detect_delimiter("a,b;c\nd,e;f\n") == ","


def test_a_title_row_does_not_change_the_choice():
    assert detect_delimiter("客户清单\n客户ID\t名称\nC1\t甲\nC2\t乙\n") == "\t"
