import codecs

import pytest

from kamdesk.io.sheets.decode import EncodingError, decode_bytes
from kamdesk.io.sheets.reader import SheetError, read_sheet

TEXT = "客户ID,客户名称,联系方式\nC001,华东精密（上海）有限公司,138 0000 0000\n"


@pytest.mark.parametrize(("raw", "encoding"), [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("gb18030"), "gb18030"),
    (TEXT.encode("gbk"), "gb18030"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
    (TEXT.encode("utf-16"), "utf-16-le"),  # Python writes the BOM in native (LE) order
])
def test_each_encoding_decodes_to_the_same_text(raw, encoding):
    decoded = decode_bytes(raw)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


def test_bytes_no_encoding_reads_faithfully_are_refused_not_mangled():
    raw = bytes(range(0x80, 0x100)) * 4
    with pytest.raises(EncodingError):
        decode_bytes(raw)


def test_excel_unicode_text_is_utf16_tab_separated(tmp_path):
    text = "客户ID\t客户名称\t年度贡献值（万元）\r\nC001\t甲公司\t12.5\r\n"
    f = tmp_path / "unicode.txt"
    f.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    sheet = read_sheet(f)
    assert sheet.encoding == "utf-16-le" and sheet.delimiter == "\t"
    assert sheet.headers == ["客户ID", "客户名称", "年度贡献值（万元）"]
    assert sheet.rows == [(2, ["C001", "甲公司", "12.5"])]


def test_nul_bytes_are_removed_and_the_row_noted(tmp_path):
    f = tmp_path / "nul.csv"
    f.write_bytes("客户ID,客户名称\nC1,甲\x00公司\nC2,乙\n".encode())
    sheet = read_sheet(f)
    assert sheet.rows[0] == (2, ["C1", "甲公司"])
    assert [(s.line, s.reason) for s in sheet.skipped] == [(2, "nul_removed")]


def test_an_undecodable_file_is_a_sheet_error(tmp_path):
    f = tmp_path / "bad.csv"
    f.write_bytes(bytes(range(0x80, 0x100)) * 4)
    with pytest.raises(SheetError) as info:
        read_sheet(f)
    assert info.value.code == "encoding"
