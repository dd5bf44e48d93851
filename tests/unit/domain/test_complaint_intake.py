"""A logged contact as the first draft of a complaint."""

from kamdesk.domain.complaint_intake import complaint_channel, complaint_description


def test_the_issue_raised_is_the_description():
    assert complaint_description("Q1 review", "unhappy", " 包装破损 ") == "包装破损"


def test_without_an_issue_topic_and_feedback_describe_it():
    assert complaint_description("交货延迟", "客户很不满意", "") == "交货延迟\n客户很不满意"
    assert complaint_description("交货延迟", None, None) == "交货延迟"
    assert complaint_description(None, None, None) == ""


def test_channel_kept_only_when_complaints_know_it():
    assert complaint_channel("phone", ("phone", "visit")) == "phone"
    assert complaint_channel("fax", ("phone", "visit")) is None
    assert complaint_channel(None, ("phone",)) is None
