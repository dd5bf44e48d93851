"""The one vocabulary words every code the model can store, in both languages.

A code added to a model (a CHECK constraint, a CHANNELS/STAGES… tuple) or to a domain
rule without its English and Chinese words fails here, before a screen shows a raw key.
"""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

from kamdesk.domain import vocab

CJK = re.compile(r"[\u3400-\u9fff]")

# Which vocabulary kind words each coded column of the schema.
COLUMN_KINDS = {
    "account_plans.status": "plan_status",
    "complaints.severity": "severity",
    "complaints.status": "complaint_status",
    "import_batch_rows.action": "import_action",
    "change_history.action": "history_action",
    "complaints.channel": "channel",
    "contracts.status": "contract_status",
    "customers.status": "customer_status",
    "customers.potential": "potential",
    "events.kind": "event_kind",
    "interactions.channel": "channel",
    "key_dates.kind": "key_date_kind",
    "key_dates.calendar": "calendar_kind",
    "key_dates.recurrence": "recurrence",
    "opportunities.stage": "stage",
    "people.decision_role": "decision_role",
    "people.attitude": "attitude",
    "people.preferred_channel": "channel",
    "plan_actions.status": "plan_action_status",
    "plan_risks.kind": "risk_kind",
    "plan_risks.level": "level",
    "tasks.source": "task_source",
    "tasks.kind": "task_kind",
    # numbers with words: 1–5 satisfaction, 1–3 priority
    "interactions.satisfaction": "satisfaction",
    "event_attendance.satisfaction": "satisfaction",
    "complaints.satisfaction_after": "satisfaction",
    "tasks.priority": "priority",
}
# Ranges that are shown as numbers, not words.
NUMERIC_RANGES = {"events.satisfaction",  # an event's average score, e.g. 4.2
                  "key_dates.month", "key_dates.day", "people.relationship_strength",
                  "survey_responses.csat", "survey_responses.nps", "opportunities.probability"}

# The code tuples of kamdesk.store.models, by module attribute.
MODEL_TUPLES = {
    "SEVERITIES": "severity",
    "COMPLAINT_STATUSES": "complaint_status",
    "CONTRACT_STATUSES": "contract_status",
    "CUSTOMER_STATUSES": "customer_status",
    "POTENTIALS": "potential",
    "EVENT_KINDS": "event_kind",
    "CHANNELS": "channel",
    "KEY_DATE_KINDS": "key_date_kind",
    "STAGES": "stage",
    "DECISION_ROLES": "decision_role",
    "ATTITUDES": "attitude",
    "ACTION_STATUSES": "plan_action_status",
    "RISK_KINDS": "risk_kind",
    "LEVELS": "level",
    "TASK_SOURCES": "task_source",
    "TASK_KINDS": "task_kind",
    "TRADE_KINDS": "trade_kind",
    "BATCH_ROW_ACTIONS": "import_action",
    "HISTORY_ACTIONS": "history_action",
    "TIER_SOURCES": "tier_source",
}


def _assert_worded(kind: str, codes: object, where: str) -> None:
    assert kind in vocab.KINDS, f"{where}: no vocabulary kind {kind!r}"
    known = vocab.codes(kind)
    missing = [c for c in codes if str(c) not in known]  # type: ignore[attr-defined]
    assert not missing, f"{where}: codes {missing} have no words in vocab kind {kind!r}"


def _model_modules():
    import kamdesk.store.models as models

    for info in pkgutil.iter_modules(models.__path__):
        yield importlib.import_module(f"{models.__name__}.{info.name}")


def test_every_code_tuple_of_the_models_is_worded() -> None:
    seen = set()
    for module in _model_modules():
        for name, value in vars(module).items():
            if not (name.isupper() and isinstance(value, tuple) and value
                    and all(isinstance(v, str) for v in value)):
                continue
            assert name in MODEL_TUPLES, (
                f"{module.__name__}.{name} looks like a list of codes: add it to the "
                f"vocabulary (kamdesk/domain/vocab_tables.py) and to MODEL_TUPLES here")
            _assert_worded(MODEL_TUPLES[name], value, f"{module.__name__}.{name}")
            seen.add(name)
    assert seen == set(MODEL_TUPLES)


def _check_constraints():
    from sqlalchemy import CheckConstraint

    from kamdesk.store.models.base import Base

    for table in Base.metadata.tables.values():
        for constraint in table.constraints:
            if isinstance(constraint, CheckConstraint):
                yield table.name, str(constraint.sqltext)


def test_every_coded_column_of_the_schema_is_worded() -> None:
    found: dict[str, set[str]] = {}
    for table, sql in _check_constraints():
        for column, listed in re.findall(r"(\w+) IN \(([^)]*)\)", sql):
            found.setdefault(f"{table}.{column}", set()).update(re.findall(r"'([^']*)'", listed))
        for column, low, high in re.findall(r"(\w+) BETWEEN (\d+) AND (\d+)", sql):
            key = f"{table}.{column}"
            if key not in NUMERIC_RANGES:
                found.setdefault(key, set()).update(str(n) for n in range(int(low), int(high) + 1))
    assert found, "no CHECK constraints found"
    for column, codes in sorted(found.items()):
        assert column in COLUMN_KINDS, (
            f"{column} holds codes {sorted(codes)}: word them in the vocabulary and map the "
            f"column in COLUMN_KINDS (or list it in NUMERIC_RANGES if it is shown as a number)")
        _assert_worded(COLUMN_KINDS[column], codes, column)


def test_every_code_of_the_domain_rules_is_worded() -> None:
    from kamdesk.domain import activity, cadence, rfm, value_tier

    _assert_worded("value_tier", value_tier.VALUE_TIERS, "domain.value_tier.VALUE_TIERS")
    _assert_worded("activity", activity.ACTIVITIES, "domain.activity.ACTIVITIES")
    _assert_worded("cadence_action", cadence.ACTION_KINDS, "domain.cadence.ACTION_KINDS")
    _assert_worded("rfm_segment", rfm.SEGMENTS, "domain.rfm.SEGMENTS")
    every_segment = {rfm.segment_for(r, f, m)
                     for r in range(1, 6) for f in range(1, 6) for m in range(1, 6)}
    _assert_worded("rfm_segment", every_segment, "domain.rfm.segment_for")


def test_objective_statuses_are_worded() -> None:
    # Plan objectives have no CHECK constraint; their codes live with the plan code,
    # which is being reorganised, so look for them where they may be.
    places = ("kamdesk.store.plans", "kamdesk.store.models.plan", "kamdesk.domain.plans",
              "kamdesk.store.ops.plans", "kamdesk.store.queries.plans")
    found = []
    for name in places:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if hasattr(module, "OBJECTIVE_STATUSES"):
            found.append(module.OBJECTIVE_STATUSES)
    assert found, "OBJECTIVE_STATUSES not found; update the places listed in this test"
    for codes in found:
        _assert_worded("objective_status", codes, "OBJECTIVE_STATUSES")


@pytest.mark.parametrize("kind", vocab.KINDS)
def test_every_kind_has_both_languages(kind: str) -> None:
    zh_words = vocab.labels(kind, "zh_CN")
    en_words = vocab.labels(kind, "en")
    assert list(zh_words) == list(en_words) == list(vocab.codes(kind)) and zh_words
    for code in vocab.codes(kind):
        zh, en = vocab.label(kind, code, "zh_CN"), vocab.label(kind, code, "en")
        assert CJK.search(zh), f"{kind}.{code}: Chinese word {zh!r} has no Chinese"
        assert en.strip() and not CJK.search(en), f"{kind}.{code}: English word {en!r}"
        assert vocab.label(kind, code, "zh-Hans") == vocab.label(kind, code, "zh") == zh
        assert vocab.label(kind, code, "en_US") == vocab.label(kind, code, None) == en
    if kind != "field":  # several plan fields are all called "Status"
        assert len(set(zh_words.values())) == len(zh_words), f"{kind}: two codes share a word"
        assert len(set(en_words.values())) == len(en_words), f"{kind}: two codes share a word"


def test_label_passes_unknown_codes_through() -> None:
    assert vocab.label("channel", "carrier_pigeon", "zh_CN") == "carrier_pigeon"
    assert vocab.label("channel", None, "zh_CN") == ""
    assert vocab.label("priority", 1, "zh_CN") == "高"
    assert vocab.label("satisfaction", 3, "en") == "Neutral"
    with pytest.raises(KeyError):
        vocab.label("no_such_kind", "x", "en")


def test_the_video_channel_is_worded_everywhere() -> None:
    """The pre-visit brief used to print the raw key 'video'."""
    from kamdesk.reports import labels as report_labels

    assert vocab.label("channel", "video", "zh_CN") == "视频通话"
    assert report_labels.term("video", "zh_CN", report_labels.CHANNELS) == "视频通话"
    assert report_labels.term("video", "en", report_labels.CHANNELS) == "Video call"


def test_reports_print_the_vocabulary_words() -> None:
    from kamdesk.reports import labels as report_labels

    for kind, group in (("decision_role", report_labels.DECISION_ROLES),
                        ("attitude", report_labels.ATTITUDES),
                        ("channel", report_labels.CHANNELS),
                        ("activity", report_labels.ACTIVITIES),
                        ("risk_kind", report_labels.RISK_KINDS),
                        ("level", report_labels.LEVELS)):
        for code in vocab.codes(kind):
            for lang in ("en", "zh_CN"):
                assert report_labels.term(code, lang, group) == vocab.label(kind, code, lang)
    assert report_labels.term("high", "zh_CN", report_labels.VALUE_TIERS) == "高价值"
    # earlier wordings are still recognised when typed in
    assert report_labels.canonical("预算审批人", report_labels.DECISION_ROLES) == "economic_buyer"
    assert report_labels.canonical("上门拜访", report_labels.CHANNELS) == "visit"


def test_is_zh_and_pick() -> None:
    assert vocab.is_zh("zh_CN") and vocab.is_zh("zh-Hans") and vocab.is_zh("ZH")
    assert not vocab.is_zh("en") and not vocab.is_zh("") and not vocab.is_zh(None)
    assert vocab.pick("zh_CN", "Yes", "是") == "是"
    assert vocab.pick("en_GB", "Yes", "是") == "Yes"


def test_a_decision_maker_never_contacted_is_said_in_words():
    from kamdesk.domain.health import NEVER_CONTACTED_DAYS, HealthReason, describe

    never = HealthReason("decision_maker_not_contacted", 15, {"days": NEVER_CONTACTED_DAYS})
    assert describe(never, "en") == "the decision maker was never contacted"
    assert describe(never, "zh_CN") == "从未与决策者联系"
    assert "9999" not in describe(never, "en")
    later = HealthReason("decision_maker_not_contacted", 10, {"days": 75})
    assert "75" in describe(later, "en")
