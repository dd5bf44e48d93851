"""The fast path of clean_text/clean_line (printable text returned as it is) gives
exactly what the two regex passes give, for any text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from kamdesk.domain import text_clean
from kamdesk.domain.text_clean import clean_line, clean_text

_TRICKY = "\x00\r\n\t\x85\u2028\u2029\ufeff\ufffe\uffff\u202e\u2066 \u3000\xa0a中"


def _slow_text(text: str) -> str:
    return text_clean._DROPPED.sub("", text_clean._LINE_BREAKS.sub("\n", text))


def _slow_line(text: str) -> str:
    return text_clean._WHITE.sub(" ", _slow_text(text)).strip()


@settings(max_examples=400)
@given(st.text(alphabet=st.one_of(st.characters(), st.sampled_from(_TRICKY))))
def test_fast_path_equals_the_full_cleaning(text):
    assert clean_text(text) == _slow_text(text)
    assert clean_line(text) == _slow_line(text)


def test_the_cases_people_meet():
    assert clean_line("  华星 科技\u3000有限公司 ") == "华星 科技 有限公司"
    assert clean_text("a\r\nb\rc\x00d\ufeff") == "a\nb\ncd"
    assert clean_line("公司\u202e甲") == "公司甲"
