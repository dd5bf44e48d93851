"""Titles and notes of generated tasks, rendered when shown, in the language in use.

A task the app generates (a key-date greeting, "prepare renewal", a snoozed cadence
touch) stores a code (``tasks.title_code``) and the facts its words are made of
(``tasks.title_params``: names, numbers, which anniversary, the tier) — never the
words themselves. Stored words would stay in the language of the session that made
them: a book filled while running in English would greet Chinese users in English.

A task typed by the user has no code; its title and notes are returned as typed.
The ``title`` column of a generated task holds :func:`plain_title`, the facts alone
(names and numbers, no words of any language), for any reader that does not render.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kamdesk.domain.cadence import ACTION_KINDS, action_label
from kamdesk.domain.key_date_text import greeting_notes, occurrence_title, with_company
from kamdesk.domain.vocab import is_zh, label

KEY_DATE = "key_date"
RENEWAL = "renewal"
CADENCE = "cadence"
#: a task made from an account-plan action: the title is the user's action text; only
#: the note naming the plan ("Account plan 2027") is generated
PLAN_ACTION = "plan_action"
#: answer a complaint before its response deadline (a complaint's deadline reminder)
COMPLAINT_RESPONSE = "complaint_response"
#: a pipeline deal's stage target date (issue #12 item 4)
STAGE_TARGET = "stage_target"
TITLE_CODES = (KEY_DATE, RENEWAL, CADENCE, PLAN_ACTION, COMPLAINT_RESPONSE, STAGE_TARGET)

Params = Mapping[str, Any]


def _key_date_title(p: Params, lang: str) -> str:
    title = occurrence_title(p.get("kind", "custom"), lang,
                             who=p.get("person") or p.get("company"), years=p.get("years"),
                             typed_title=p.get("typed_title"))
    return with_company(title, p.get("company"))


def _key_date_notes(p: Params, lang: str) -> str:
    kind = p.get("kind", "custom")
    person = p.get("person") if kind == "birthday" else None
    return greeting_notes(kind, p.get("tier"), lang, person, p.get("company") or "",
                          p.get("years"))


def _renewal_title(p: Params, lang: str) -> str:
    contract, number = p.get("contract", ""), p.get("number", "")
    text = f"准备续签：{contract}（{number}）" if is_zh(lang) else \
        f"Prepare renewal: {contract} ({number})"
    return with_company(text, p.get("company"))


def _renewal_notes(p: Params, lang: str) -> str:
    end, days = p.get("end", ""), p.get("notice_days", 0)
    if is_zh(lang):
        return (f"合同将于{end}到期（提前{days}天启动续签）。建议与客户沟通续签意向、"
                "回顾本期合作成果，并准备续签方案。")
    return (f"The contract ends on {end} ({days} days' notice). Talk to the customer about "
            "renewing, review this term's results and prepare the renewal offer.")


def _cadence_title(p: Params, lang: str) -> str:
    company, action = p.get("company") or "", p.get("action")
    if action not in ACTION_KINDS:
        return company
    label = action_label(action, "zh_CN" if is_zh(lang) else "en")
    return f"{label}: {company}" if company else label


def _complaint_title(p: Params, lang: str) -> str:
    subject = p.get("subject") or ""
    text = f"响应投诉：{subject}" if is_zh(lang) else f"Respond to complaint: {subject}"
    return with_company(text, p.get("company"))


def _complaint_notes(p: Params, lang: str) -> str:
    deadline = str(p["deadline"])[:16].replace("T", " ")
    if is_zh(lang):
        return f"首次响应截止 {deadline}（首问负责制：受理人负责到底，除非正式移交）。"
    return (f"The first response is due by {deadline} (whoever received it owns it until "
            "it is handed over).")


def _stage_target_title(p: Params, lang: str) -> str:
    deal, company = p.get("deal") or "", p.get("company") or ""
    if is_zh(lang):
        return f"阶段目标日：{deal}（{company}）" if company else f"阶段目标日：{deal}"
    return f"Stage target date: {deal} ({company})" if company else f"Stage target date: {deal}"


def _stage_target_notes(p: Params, lang: str) -> str:
    stage, target = label("stage", p.get("stage"), lang), p["target"]
    if is_zh(lang):
        return (f"该商机计划在 {target} 前离开「{stage}」阶段：推进到下一阶段、调整目标日，"
                "或标记为丢单并写明原因。")
    return (f"The deal was to leave the {stage} stage by {target}: advance it, move the "
            "target date, or mark it lost with the reason.")


def render_title(code: str | None, params: Params | None, lang: str, typed: str = "") -> str:
    """The title to show. ``typed`` (the ``title`` column) is returned as it is for a
    task without a code, and is the fallback for a code this build does not know."""
    if not code or params is None:
        return typed
    try:
        if code == KEY_DATE:
            return _key_date_title(params, lang)
        if code == RENEWAL:
            return _renewal_title(params, lang)
        if code == CADENCE:
            return _cadence_title(params, lang)
        if code == COMPLAINT_RESPONSE:
            return _complaint_title(params, lang)
        if code == STAGE_TARGET:
            return _stage_target_title(params, lang)
    except (TypeError, ValueError, KeyError):
        pass  # facts a newer or older build wrote differently: show what is stored
    return typed


def render_notes(code: str | None, params: Params | None, lang: str,
                 typed: str | None = None) -> str | None:
    """The notes to show: generated for a key date or a renewal, else as stored."""
    if not code or params is None:
        return typed
    try:
        if code == KEY_DATE:
            return _key_date_notes(params, lang)
        if code == RENEWAL:
            return _renewal_notes(params, lang)
        if code == COMPLAINT_RESPONSE:
            return _complaint_notes(params, lang)
        if code == STAGE_TARGET:
            return _stage_target_notes(params, lang)
        if code == PLAN_ACTION:
            period = params["period"]
            return f"客户经营计划 {period}" if is_zh(lang) else f"Account plan {period}"
    except (TypeError, ValueError, KeyError):
        pass
    return typed


def plain_title(code: str, params: Params) -> str:
    """The facts of a generated title without words of any language, for the ``title``
    column (readers that do not render still see whose task it is)."""
    company = params.get("company") or ""
    if code == KEY_DATE:
        subject = params.get("typed_title") or params.get("person") or company
        return with_company(str(subject), company)[:300]
    if code == RENEWAL:
        return with_company(f"{params.get('contract', '')} ({params.get('number', '')})",
                            company)[:300]
    if code == COMPLAINT_RESPONSE:
        return with_company(str(params.get("subject") or ""), company)[:300]
    if code == STAGE_TARGET:
        return with_company(str(params.get("deal", "")), company)[:300]
    return str(company)[:300] or code
