"""Reading phone-book files as Android, iPhone, Outlook and Google write them."""

from __future__ import annotations

import codecs

import pytest
import vcard_shapes as shapes

from kamdesk.io.vcard_read import parse_vcards

ORGS = ["远航物流有限公司", "Acme Co., Ltd.", "华东（上海）电子股份有限公司"]


def _expected_birthday(shape: str, spec: shapes.Spec):
    if spec.bday is None or (shape == "outlook" and spec.bday[0] is None):
        return None  # Outlook writes no year-less birthdays
    return spec.bday


@pytest.mark.parametrize("shape", sorted(shapes.SHAPES))
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_shape_keeps_names_phones_emails_titles_and_birthdays(shape, seed):
    specs = shapes.random_specs(seed, 40, ORGS)
    contacts, problems = parse_vcards(shapes.SHAPES[shape](specs))
    assert problems == []
    assert [c.card for c in contacts] == list(range(1, 41))
    for spec, c in zip(specs, contacts, strict=True):
        assert c.name == spec.name
        assert (c.org, c.department, c.title) == (spec.org, spec.dept or None,
                                                  spec.title or None)
        assert c.mobiles[0][0] == spec.mobile
        assert [n for n, _ in c.phones] == [n for n in (spec.work, spec.home) if n]
        assert [e for e, _ in c.emails] == spec.emails
        assert (c.note or "") == spec.note
        got = c.birthday and (c.birthday.year, c.birthday.month, c.birthday.day)
        assert got == _expected_birthday(shape, spec)
        assert c.birthday is None or c.birthday.calendar == "solar"


def test_line_ends_bom_and_utf16_do_not_matter():
    specs = shapes.random_specs(7, 5, ORGS)
    crlf = shapes.google(specs)
    lf = crlf.replace(b"\r\n", b"\n")
    utf16 = codecs.BOM_UTF16_LE + crlf[3:].decode("utf-8").encode("utf-16-le")
    first = parse_vcards(crlf)
    assert parse_vcards(lf) == first
    assert parse_vcards(crlf[3:]) == first
    assert parse_vcards(utf16) == first


def test_vcard_4_quoted_params_uri_values_and_birthday_forms():
    data = (
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zeng Wei\r\nN:Zeng;Wei;;;\r\n"
        'TEL;VALUE=uri;TYPE="cell,voice":tel:+86-138-0000-1111\r\n'
        "TEL;TYPE=work;VALUE=uri:tel:+86-10-6000-0000\r\n"
        "EMAIL;TYPE=work:mailto:zeng@example.com\r\nBDAY:--0412\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张 三\r\nN:张;三;;;\r\nBDAY:19800315\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:三 张\r\nN:张;三;;;\r\n"
        "BDAY:1980-03-15T00:00:00Z\r\nEND:VCARD\r\n"
    ).encode()
    contacts, problems = parse_vcards(data)
    assert problems == []
    a, b, c = contacts
    assert a.mobiles == [("+86-138-0000-1111", "cell")]
    assert a.phones == [("+86-10-6000-0000", "work")]
    assert a.emails == [("zeng@example.com", "work")]
    assert (a.birthday.year, a.birthday.month, a.birthday.day) == (None, 4, 12)
    assert b.name == c.name == "张三"  # Chinese order, whatever order FN was typed in
    assert (b.birthday.year, b.birthday.month, b.birthday.day) == (1980, 3, 15)
    assert c.birthday == b.birthday


def test_gbk_without_charset_and_gb18030_charset():
    data = ("BEGIN:VCARD\r\nVERSION:2.1\r\nN:曾;晓东\r\nFN:曾晓东\r\nORG:远航物流有限公司\r\n"
            "TITLE;CHARSET=GB18030:采购经理\r\nEND:VCARD\r\n").encode("gb18030")
    (c,), problems = parse_vcards(data)
    assert (c.name, c.org, c.title) == ("曾晓东", "远航物流有限公司", "采购经理")
    assert problems == []


def test_problems_name_the_card_and_property_and_the_card_is_still_read():
    data = (
        "BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:王五\nBDAY:1980-13-45\nTEL:phone?\n"
        "EMAIL:not-an-address\nTEL;TYPE=CELL:13800001111\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nTEL:13900002222\nEND:VCARD\n"
    ).encode()
    contacts, problems = parse_vcards(data)
    assert {(p.card, p.prop, p.code) for p in problems} == {
        (2, "BDAY", "invalid_date"), (2, "TEL", "invalid_choice"),
        (2, "EMAIL", "invalid_choice"), (3, "FN", "required")}
    assert contacts[1].mobiles == [("13800001111", "cell")]
    assert contacts[2].name == ""


def test_apple_labels_and_untyped_numbers():
    data = (
        "BEGIN:VCARD\nVERSION:3.0\nFN:Li Na\n"
        "item1.TEL:010-88886666\nitem1.X-ABLabel:_$!<Work>!$_\n"
        "item2.TEL:13912345678\nitem2.X-ABLabel:手机\n"
        "TEL:15800001111\nitem3.X-ABDATE:2010-01-01\nitem3.X-ABLabel:_$!<Anniversary>!$_\n"
        "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ\n AAAA\nEND:VCARD\n").encode()
    (c,), problems = parse_vcards(data)
    assert problems == []
    assert c.phones == [("010-88886666", "work")]
    assert c.mobiles == [("13912345678", "手机"), ("15800001111", "")]
    assert c.has_photo and c.birthday is None


def test_a_cut_off_last_card_is_read_and_reported():
    contacts, problems = parse_vcards(b"BEGIN:VCARD\nVERSION:3.0\nFN:Tail\nTEL;CELL:13800")
    assert contacts[0].name == "Tail"
    assert [(p.card, p.prop, p.code) for p in problems] == [(1, "END", "required")]
