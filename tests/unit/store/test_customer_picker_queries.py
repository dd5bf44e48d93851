"""The one customer picker query (every picker of the app, the CLI's code look-up)."""

import factories as customer_ops
import factories as people_ops

from kamdesk.store.queries.customers import customer_by_code, pick_customer, pick_customers


def test_pick_customers_puts_the_best_match_first(db):
    with db.session() as s:
        names = ["上海昌盛制造", "深圳东方医药", "中国移动", "深圳鑫源食品", "华为技术"]
        ids = {n: customer_ops.create_customer(s, name=n).id for n in names}
        # 上海昌盛 is found for "sz" only through a person's pinyin (宋志…)
        people_ops.create_person(s, ids["上海昌盛制造"], name="宋志", mobile="139 1234 5678")
        customer_ops.create_customer(s, name="深圳旧客户", status="archived")
        s.commit()
        codes = {n: s.get(customer_ops.Customer, i).code for n, i in ids.items()}
    with db.engine.connect() as conn:
        def find(text, **kw):
            return [h.name for h in pick_customers(conn, text, **kw)]

        assert find("zgyd") == ["中国移动"]
        assert find("zhongguo") == ["中国移动"]
        assert find("sz")[:2] == ["深圳东方医药", "深圳鑫源食品"]
        assert find("sz")[-1] == "上海昌盛制造"          # matched via a person: last
        assert "深圳旧客户" not in find("sz")
        assert "深圳旧客户" in find("sz", include_archived=True)
        assert find("深圳", limit=1) == ["深圳东方医药"]
        assert find("13912345") == ["上海昌盛制造"]
        assert find(codes["华为技术"].lower()) == ["华为技术"]
        assert find("s") == []  # one Latin letter is no search
        assert len(find("   ")) == 5  # nothing typed: the first customers by name
        assert find("100%") == []


def test_one_customer_by_id_or_by_code_archived_too(db):
    with db.session() as s:
        live = customer_ops.create_customer(s, name="中国移动", code="C001", owner="李娜")
        gone = customer_ops.create_customer(s, name="深圳旧客户", code="OLD7", status="archived")
        s.commit()
        live_id, gone_id = live.id, gone.id
    with db.engine.connect() as conn:
        c = pick_customer(conn, live_id)
        assert c is not None and (c.code, c.name, c.owner, c.status) == (
            "C001", "中国移动", "李娜", "active")
        assert pick_customer(conn, gone_id).status == "archived"
        assert customer_by_code(conn, " old7 ").id == gone_id  # as typed on a command line
        assert customer_by_code(conn, "c001").id == live_id
        assert customer_by_code(conn, "C00") is None
