"""Build the KAMDesk bundle from ``packaging/kamdesk.spec`` (and, on Linux, the tarball).

    python packaging/build.py            # one-folder app in dist/kamdesk/
    python packaging/build.py --check    # ... then run the frozen --version and --self-test

Needs PyInstaller in the same environment (``pip install "pyinstaller>=6.3"``). The
one-folder app lands in ``dist/kamdesk/`` (``dist/KAMDesk.app`` on macOS); on Linux
also ``dist/kamdesk-<version>-linux-<arch>.tar.gz``: that folder plus ``install.sh``
(menu entry, icon, AppStream metainfo, a ``kamdesk`` command in ~/.local/bin) and
``uninstall.sh``. Prints the build time and the bundle size.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "kamdesk.spec"
DESKTOP = PACKAGING / "io.kamdesk.KAMDesk.desktop"
METAINFO = PACKAGING / "io.kamdesk.KAMDesk.metainfo.xml"
ICON = ROOT / "resources" / "icons" / "kamdesk.svg"
LINUX_SCRIPTS = (PACKAGING / "linux" / "install.sh", PACKAGING / "linux" / "uninstall.sh")


def version() -> str:
    text = (ROOT / "kamdesk" / "__init__.py").read_text(encoding="utf-8")
    return text.split('__version__ = "', 1)[1].split('"', 1)[0]


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build_bundle(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; returns the one-folder app."""
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work),
                    str(SPEC)], cwd=ROOT, check=True)
    return dist / "kamdesk"


def linux_tarball(app: Path, dist: Path) -> Path:
    """The downloadable artefact: the app folder and what installs it into the menu."""
    name = f"kamdesk-{version()}-linux-{platform.machine()}"
    out = dist / f"{name}.tar.gz"

    def executable(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(out, "w:gz") as tar:
        tar.add(app, arcname=f"{name}/kamdesk", filter=executable)
        for extra in (*LINUX_SCRIPTS, DESKTOP, METAINFO, ICON):
            tar.add(extra, arcname=f"{name}/{extra.name}", filter=executable)
    return out


def frozen_binary(app: Path) -> Path:
    """The console launcher of a built app (for --version / --self-test)."""
    exe = "kamdesk-cli.exe" if sys.platform == "win32" else "kamdesk-cli"
    return app / exe


def check_bundle(app: Path) -> float:
    """Run the frozen ``--version`` and ``--self-test``; returns the self-test seconds."""
    exe = frozen_binary(app)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PYTHONPATH", None)  # the bundle must not lean on a source tree
    subprocess.run([str(exe), "--version"], check=True, env=env)
    t0 = time.perf_counter()
    subprocess.run([str(exe), "--self-test"], check=True, env=env)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    p.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    p.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                   help="PyInstaller's scratch folder")
    p.add_argument("--check", action="store_true",
                   help="run the frozen --version and --self-test after building")
    args = p.parse_args(argv)

    t0 = time.perf_counter()
    app = build_bundle(args.dist.resolve(), args.work.resolve())
    built_s = time.perf_counter() - t0
    print(f"bundle: {app} ({folder_size(app) / 2**20:.0f} MB) built in {built_s:.0f} s")
    if sys.platform.startswith("linux"):
        tarball = linux_tarball(app, args.dist.resolve())
        print(f"tarball: {tarball} ({tarball.stat().st_size / 2**20:.0f} MB)")
    if args.check:
        print(f"frozen self-test took {check_bundle(app):.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
