"""In a calendar day the user's own tasks and visits come before key dates (#15)."""

from __future__ import annotations

import datetime as dt

from kamdesk.store.models import KeyDate
from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.tasks import create_task
from kamdesk.store.queries.calendar import calendar_page

DAY = dt.date(2026, 11, 25)


def test_own_task_first_in_the_day(db):
    cid = db.write(create_customer, name="远航物流").value
    with db.session() as s:
        for i in range(3):
            s.add(KeyDate(customer_id=cid, kind="birthday", title=f"生日{i}", calendar="solar",
                          month=11, day=25))
        s.commit()
    db.write(create_task, title="拜访王总", customer_id=cid, kind="visit",
             due_at=dt.datetime(2026, 11, 25, 15, 0))
    page = db.read(calendar_page, DAY, DAY)
    kinds = [e.kind for e in page.entries]
    assert kinds[0] == "visit" and kinds.count("key_date") == 3
