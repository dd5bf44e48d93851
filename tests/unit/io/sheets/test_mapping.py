import json

import pytest

from kamdesk.io.sheets.columns import header_name
from kamdesk.io.sheets.mapping import (
    Mapping,
    MappingError,
    detect_kind,
    guess_mapping,
    load_mappings,
    pick_mapping,
    save_mapping,
)


def _names(*texts):
    return [header_name(t) for t in texts]


def test_guess_gives_meanings_units_and_unmapped_columns():
    names = _names("客户ID", "客户名称", "年度贡献值（万元）", "微信号")
    m = guess_mapping(names)
    assert m.kind == "customers"
    assert m.columns == {"code": 0, "name": 1, "contribution": 2}
    assert m.units == {2: "万元"} and m.unmapped == [3]


@pytest.mark.parametrize(("heads", "kind"), [
    (("客户ID", "沟通时间", "沟通方式", "沟通主题"), "contacts"),
    (("活动名称", "活动时间", "参与客户数量"), "events"),
    (("客户编号", "日期", "金额（万元）", "产品线", "发票号"), "orders"),
    (("Customer Name", "Industry", "Owner"), "customers"),
    (("甲", "乙"), None),
])
def test_kind_from_headings(heads, kind):
    assert detect_kind(_names(*heads)) == kind


def test_saved_mappings_round_trip_and_are_picked_by_shape(tmp_path):
    names = _names("编号", "公司", "电话")
    m = guess_mapping(names, "customers")
    m.columns["name"] = 1  # the user says 公司 is the name
    f = tmp_path / "m.json"
    save_mapping(f, m)
    other = guess_mapping(_names("客户名称", "行业"), "customers")
    save_mapping(f, other)
    loaded = load_mappings(f)
    assert len(loaded) == 2
    picked = pick_mapping(loaded, _names(" 编号", "公司", "电话 "))
    assert picked is not None and picked.columns["name"] == 1 and picked.fits(names)
    assert pick_mapping(loaded, _names("x", "y")) is None
    assert json.loads(f.read_text(encoding="utf-8"))[0]["version"] == 1


@pytest.mark.parametrize("data", [
    {"kind": "planets", "columns": {}}, {"kind": "customers", "columns": {"shoe": 1}},
    {"kind": "customers", "shape": ["a"], "columns": {"name": 3}}, [1],
])
def test_bad_mapping_files_are_refused(data):
    with pytest.raises(MappingError):
        Mapping.from_json(data[0] if isinstance(data, list) else data)
