"""Start KAMDesk at login, so reminders run without the manager remembering to open it.

One small file per platform, each the platform's own documented mechanism:

* Linux and other XDG desktops: ``$XDG_CONFIG_HOME/autostart/kamdesk.desktop``
  (``~/.config`` when the variable is unset);
* Windows: a value in ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``
  (no admin rights, no COM needed for a shortcut);
* macOS: a LaunchAgent ``~/Library/LaunchAgents/app.kamdesk.KAMDesk.plist``.

No Qt here, so it is testable headless; the settings dialog calls these functions.
"""

from __future__ import annotations

import os
import plistlib
import shlex
import sys
from pathlib import Path

APP_ID = "kamdesk"
MAC_LABEL = "app.kamdesk.KAMDesk"
WINDOWS_RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
WINDOWS_VALUE = "KAMDesk"


def launch_command() -> list[str]:
    """How to start this installation: the frozen executable, the ``kamdesk``
    launcher next to this Python, or ``python -m kamdesk``."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    launcher = Path(sys.executable).with_name("kamdesk.exe" if os.name == "nt" else "kamdesk")
    if launcher.exists():
        return [str(launcher)]
    return [sys.executable, "-m", "kamdesk"]


def _platform(platform: str | None) -> str:
    p = platform or sys.platform
    if p.startswith("win"):
        return "windows"
    if p == "darwin":
        return "mac"
    return "xdg"


def xdg_autostart_file() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "autostart" / f"{APP_ID}.desktop"


def mac_agent_file() -> Path:
    return Path.home() / "Library" / "LaunchAgents" / f"{MAC_LABEL}.plist"


def _desktop_exec(command: list[str]) -> str:
    # The Desktop Entry spec quotes arguments with double quotes and escapes \ " ` $.
    def quote(arg: str) -> str:
        if arg and not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`'):
            return arg
        escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`")
        return '"' + escaped.replace("$", "\\$") + '"'

    return " ".join(quote(a) for a in command)


def desktop_entry(command: list[str]) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=KAMDesk\n"
        "Comment=Key-account reminders and customer care\n"
        f"Exec={_desktop_exec(command)}\n"
        "Icon=kamdesk\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def enable(command: list[str] | None = None, platform: str | None = None) -> None:
    """Start at login with ``command`` (default: :func:`launch_command`)."""
    cmd = command or launch_command()
    kind = _platform(platform)
    if kind == "xdg":
        path = xdg_autostart_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(desktop_entry(cmd), encoding="utf-8")
        os.replace(tmp, path)
    elif kind == "mac":
        path = mac_agent_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(plistlib.dumps({
            "Label": MAC_LABEL, "ProgramArguments": cmd, "RunAtLoad": True,
            "ProcessType": "Interactive",
        }))
    else:
        import winreg  # type: ignore[import-not-found]

        value = " ".join(f'"{a}"' if " " in a else a for a in cmd)
        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY) as key:
            winreg.SetValueEx(key, WINDOWS_VALUE, 0, winreg.REG_SZ, value)


def disable(platform: str | None = None) -> None:
    kind = _platform(platform)
    if kind in ("xdg", "mac"):
        path = xdg_autostart_file() if kind == "xdg" else mac_agent_file()
        path.unlink(missing_ok=True)
        return
    import winreg  # type: ignore[import-not-found]

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY, 0,
                            winreg.KEY_SET_VALUE) as key:
            winreg.DeleteValue(key, WINDOWS_VALUE)
    except FileNotFoundError:
        pass


def is_enabled(platform: str | None = None) -> bool:
    kind = _platform(platform)
    if kind == "xdg":
        path = xdg_autostart_file()
        if not path.exists():
            return False
        # A user can switch an entry off without deleting it (GNOME Tweaks does).
        text = path.read_text(encoding="utf-8", errors="replace")
        lines = {ln.strip().lower() for ln in text.splitlines()}
        return "hidden=true" not in lines and "x-gnome-autostart-enabled=false" not in lines
    if kind == "mac":
        return mac_agent_file().exists()
    import winreg  # type: ignore[import-not-found]

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY) as key:
            winreg.QueryValueEx(key, WINDOWS_VALUE)
        return True
    except FileNotFoundError:
        return False


def command_of_entry(path: Path | None = None) -> list[str] | None:
    """The command an XDG autostart entry runs (for display and tests)."""
    target = path or xdg_autostart_file()
    if not target.exists():
        return None
    for line in target.read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            return shlex.split(line[len("Exec="):])
    return None
