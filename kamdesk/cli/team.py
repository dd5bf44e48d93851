"""``kamdesk team …``: the administrator sets up a team on a PostgreSQL book and adds or
removes its people (issue #17).

``team init`` secures the book (row-level security: a manager sees their own accounts, a
lead all); ``team add-member ROLE [--lead]`` lets a person in (creating their LOGIN role
when missing); ``team remove-member ROLE`` takes them out; ``team list`` shows who is in.
Run against the team database with the administrator's role, e.g.
``kamdesk --db postgresql+psycopg://admin@server/sales team init``. A refusal is one
sentence in the run's language, never a traceback.
"""

from __future__ import annotations

import argparse
import sys

from kamdesk.cli.common import EXIT_ERROR, EXIT_OK, language
from kamdesk.domain.vocab import pick

#: code -> (English, Chinese); ``{x}`` is the refusal's detail
REFUSALS: dict[str, tuple[str, str]] = {
    "not_postgres": ("team commands need a PostgreSQL book (--db postgresql+psycopg://"
                     "ROLE@HOST/DATABASE); this book is a file on this computer.",
                     "团队命令需要 PostgreSQL 数据库（--db postgresql+psycopg://角色@主机/数据库）；"
                     "当前是本机上的文件。"),
    "no_book": ("this database has no KAMDesk book yet: open it once with "
                "kamdesk --db URL (as the administrator) to create it, then run team init.",
                "该数据库中还没有 KAMDesk 客户档案："
                "请先以管理员身份用 kamdesk --db URL 打开一次以创建，"
                "再运行 team init。"),
    "not_team": ("this book is not set up for a team yet: run kamdesk team init first.",
                 "该档案尚未设置团队：请先运行 kamdesk team init。"),
    "may_not_create_roles": ("the role {x} may not create roles: run this as a superuser or "
                             "a role with CREATEROLE.",
                             "角色 {x} 无权创建角色："
                             "请以超级用户或具有 CREATEROLE 权限的角色运行。"),
    "not_owner": ("only the owner of the book's tables ({x}) or a superuser may set up the "
                  "team.", "只有档案数据表的所有者（{x}）或超级用户可以设置团队。"),
    "bad_role": ("{x!r} is not a usable role name (letters, digits, _ . - ; at most 63 bytes).",
                 "“{x}”不是可用的角色名（字母、数字、_ . -，最多 63 个字符）。"),
    "no_such_role": ("there is no role {x} on this server.", "服务器上没有角色 {x}。"),
    "refused": ("the server refused: {x}", "服务器拒绝了操作：{x}"),
    "wrong_password": ("the server refused the password of this role (save it with "
                       "Settings ▸ Connect to a team database, or put it in the URL).",
                       "服务器拒绝了该角色的密码"
                       "（请在 设置 ▸ 连接团队数据库 中保存，或写在 URL 中）。"),
    "no_role": ("the server has no such role (ask your administrator for kamdesk team "
                "add-member).", "服务器上没有该角色（请管理员运行 kamdesk team add-member）。"),
    "no_database": ("the server has no such database.", "服务器上没有该数据库。"),
    "unreachable": ("the server cannot be reached (check the host, the port and the "
                    "network).", "无法连接服务器（请检查主机、端口和网络）。"),
    "other": ("cannot connect: {x}", "无法连接：{x}"),
}


def add_team_arguments(t: argparse.ArgumentParser) -> None:
    sub = t.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    init = sub.add_parser("init", help="set up the team on this PostgreSQL book "
                                       "(roles, grants, row-level security); idempotent")
    init.add_argument("--group", default=None, metavar="G",
                      help="the members' group role (default kamdesk_team)")
    init.add_argument("--leads", default=None, metavar="L",
                      help="the team leads' role (default kamdesk_leads)")
    add = sub.add_parser("add-member", help="let a person in (creates their LOGIN role "
                                            "when missing)")
    add.add_argument("role", metavar="ROLE")
    add.add_argument("--lead", action="store_true", help="a team lead: sees every account")
    remove = sub.add_parser("remove-member", help="take a person out of the team")
    remove.add_argument("role", metavar="ROLE")
    sub.add_parser("list", help="who is in the team (role, lead, customers owned)")


def refusal_text(code: str, detail: str, lang: str) -> str:
    en, zh = REFUSALS.get(code, REFUSALS["refused"])
    return "kamdesk team: " + pick(lang, en, zh).format(x=detail)


def run_team(args: argparse.Namespace) -> int:
    from sqlalchemy import create_engine
    from sqlalchemy.exc import DBAPIError

    from kamdesk.paths import resolve_db
    from kamdesk.store.team import admin
    from kamdesk.store.team.credentials import (
        connection_problem,
        is_postgres_url,
        use_keyring_passwords,
    )
    from kamdesk.store.team.policies import DEFAULT_GROUP, DEFAULT_LEADS

    lang = language(args)
    location = resolve_db(args.db)
    if not is_postgres_url(location):
        print(refusal_text("not_postgres", "", lang), file=sys.stderr)
        return EXIT_ERROR
    use_keyring_passwords()
    engine = create_engine(location, hide_parameters=True)
    try:
        with engine.begin() as conn:
            action = args.team_command
            if action == "init":
                setup = admin.init_team(conn, args.group or DEFAULT_GROUP,
                                        args.leads or DEFAULT_LEADS)
                print(pick(lang, f"team ready: members in {setup.group}, leads in "
                                 f"{setup.leads}; {setup.tables_secured} tables under "
                                 "row-level security",
                           f"团队已就绪：成员角色 {setup.group}，主管角色 {setup.leads}；"
                           f"{setup.tables_secured} 张表已启用行级安全"))
            elif action == "add-member":
                created = admin.add_member(conn, args.role, lead=args.lead)
                what = pick(lang, "lead" if args.lead else "member",
                            "主管" if args.lead else "成员")
                print(pick(lang, f"{args.role} added as {what}", f"已添加 {args.role}（{what}）"))
                if created:
                    print(pick(lang, f"the role {args.role} was created without a password: "
                                     f"set one with  ALTER ROLE \"{args.role}\" PASSWORD '…'  "
                                     "(or psql's \\password)",
                               f"已创建角色 {args.role}，尚无密码："
                               f"请用  ALTER ROLE \"{args.role}\" "
                               "PASSWORD '…'  设置（或 psql 的 \\password）"))
            elif action == "remove-member":
                owned = admin.remove_member(conn, args.role)
                print(pick(lang, f"{args.role} removed from the team",
                           f"已将 {args.role} 移出团队"))
                if owned:
                    print(pick(lang, f"{owned} customer(s) still owned by {args.role}: only "
                                     "leads see them until reassigned",
                               f"{args.role} 仍负责 {owned} 个客户：重新分配之前只有主管可见"))
            else:
                for m in admin.list_members(conn):
                    role = pick(lang, "lead", "主管") if m.lead else pick(lang, "member", "成员")
                    login = ("" if m.can_log_in
                             else pick(lang, "\t(cannot log in)", "\t（不能登录）"))
                    print(f"{m.role}\t{role}\t{m.customers}{login}")
    except admin.TeamError as exc:
        print(refusal_text(exc.code, exc.detail, lang), file=sys.stderr)
        return EXIT_ERROR
    except DBAPIError as exc:
        code = connection_problem(exc)
        print(refusal_text(code, admin.first_line(exc), lang), file=sys.stderr)
        return EXIT_ERROR
    finally:
        engine.dispose()
    return EXIT_OK
