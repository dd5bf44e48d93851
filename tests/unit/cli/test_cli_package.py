"""The CLI package's shape and its behaviour in a pipeline.

- A reader that stops early (``kamdesk search x | head -1``) must not get a traceback
  from the writer: that is the normal end of a pipeline, not an error.
- Commands are an explicit list (no registration by import side effect), and command
  modules share only public names.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

import kamdesk
import kamdesk.cli
from kamdesk.cli import COMMANDS, build_parser, offered_commands

CLI_DIR = Path(kamdesk.cli.__file__).parent


def _env() -> dict[str, str]:
    # The child must import the same kamdesk as this test (a work tree or the installed one).
    env = dict(os.environ)
    root = str(Path(kamdesk.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


@pytest.mark.parametrize("command", [
    ["search", "C0", "--limit", "50"],
    ["tiers", "--csv", "--today", "2026-11-23"],
    ["tiers", "--today", "2026-11-23"],
])
def test_closed_pipe_exits_quietly(demo_db, command):
    proc = subprocess.Popen(
        [sys.executable, "-m", "kamdesk", "--db", demo_db.location, *command],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
    # Close our end before the child (still importing) writes a byte: every write
    # it makes then fails with EPIPE, as with `| head -1` after its first line.
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    code = proc.wait(timeout=120)
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err
    assert code == 0, err


def test_open_pipe_still_gets_everything(demo_db):
    done = subprocess.run(
        [sys.executable, "-m", "kamdesk", "--db", demo_db.location, "tiers", "--csv",
         "--today", "2026-11-23"], capture_output=True, env=_env(), timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.decode("utf-8").splitlines()
    assert lines[0].startswith("code,name,value_tier")
    assert len(lines) > 100


def test_every_command_listed_once_and_parsed():
    names = [c.name for c in COMMANDS]
    assert len(names) == len(set(names))
    assert names == ["demo", "doctor", "search", "import", "imports", "undo-import",
                     "duplicates", "export", "vcard", "backup", "backups", "restore",
                     "encrypt", "decrypt", "rekey", "due",
                     "ical", "orders", "tiers", "contracts", "kpis", "plan", "brief", "team",
                     "migrate-to"]
    parser = build_parser()
    for name in [c.name for c in offered_commands()]:  # encryption ones need the binding
        # Each command's parser is reachable (argparse exits 0 for --help).
        with pytest.raises(SystemExit) as exc:
            parser.parse_args([name, "--help"])
        assert exc.value.code == 0


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def test_cli_modules_import_no_private_names():
    offenders = []
    for path in sorted(CLI_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and "kamdesk" in node.module:
                offenders += [f"{path.name}: {node.module}.{a.name}" for a in node.names
                              if _private(a.name)]
            if isinstance(node, ast.Attribute) and _private(node.attr) \
                    and isinstance(node.value, ast.Name) and node.value.id in {"cli", "common"}:
                offenders.append(f"{path.name}: {node.value.id}.{node.attr}")
    assert not offenders, offenders
