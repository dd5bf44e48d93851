"""Hypothesis strategies for hostile cell values: what a careless user, a broken export
or an attacker can put in a CSV/XLSX cell or a vCard line."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

#: code points that survive in files and upset readers: NUL and other C0/C1 controls,
#: the non-characters U+FFFE/U+FFFF, the BOM, line/paragraph separators, bidi controls
ODD_CHARS = ("\x00\x01\x08\x0b\x0c\x0d\x1b\x1f\x7f\x85\u00a0\ufffe\uffff\ufeff\u2028\u2029"
             "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
             "\u3000\uff10\uff11\uff0c\uffe5")

NUMBER_WORDS = ("Infinity", "-Infinity", "inf", "NaN", "nan", "sNaN", "1e30", "1e999999",
                "-1e999999", "1E+308", "1e-400", "-0", "-0.0", "0.000", "+0", "00000",
                "99999", "2958465", "2958466", "60", "0x1F", "1_000", "١٢٣", "①②",
                "9" * 20, "1" * 5000, "1," * 300 + "000", "(1,000)", "((1))", "¥-", "万",
                "12.5万元", "1.234,50", "1 234 567", "--5", "－5", "5-", ".5", "5.", ".")

DATE_WORDS = ("0000-01-01", "0001-01-01", "1899-12-31", "1900-01-01", "1900-02-29",
              "2200-12-31", "2201-01-01", "9999-12-31", "99991231", "00000000", "2024-13-01",
              "2024-02-30", "2024年2月29日", "24-3-5", "5/3/2024", "2024-03-05 24:00",
              "2024-03-05T23:59:59.999999999", "2024-03-05 9:61", "2024-03-05 99999999999:00")

odd_text = st.text(alphabet=st.sampled_from(ODD_CHARS + "0123456789.,-+e万元¥() 年月日/:T"),
                   max_size=40)
any_text = st.one_of(st.text(max_size=60), odd_text, st.sampled_from(NUMBER_WORDS),
                     st.sampled_from(DATE_WORDS))
numbers = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.sampled_from([Decimal("1E+999999"), Decimal("-1E+999999"), Decimal("sNaN"),
                     Decimal("-0"), -0.0, 10**400, 2958465.99999999, 1e-300]),
)
#: any value a sheet reader can hand over for a cell
cell_values = st.one_of(st.none(), st.booleans(), any_text, numbers, st.dates(), st.datetimes())

#: a text that could be a name: printable words mixed with odd code points
names = st.text(alphabet=st.one_of(st.sampled_from(ODD_CHARS), st.characters(
    blacklist_categories=("Cs",)), st.sampled_from("张王李赵客户公司 ")), min_size=1,
    max_size=30)
