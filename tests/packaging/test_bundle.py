"""The bundle's packaging files: the menu entry and AppStream metainfo are valid, the
install script puts them where desktops look, and (marked ``slow``, not in the default
CI run) the PyInstaller build runs its frozen ``--version`` and ``--self-test``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / "io.kamdesk.KAMDesk.desktop"
METAINFO = PACKAGING / "io.kamdesk.KAMDesk.metainfo.xml"

pytestmark = pytest.mark.skipif(not PACKAGING.is_dir(),
                                reason="packaging/ is not shipped in an installed wheel")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate not installed (apt-get install "
                           "desktop-file-utils; .ci/run installs it)")
def test_desktop_file_is_valid():
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True,
                          text=True)
    assert done.returncode == 0 and "error" not in done.stdout, done.stdout + done.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstreamcli not installed (apt-get install appstream; "
                           ".ci/run installs it)")
def test_metainfo_is_valid():
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_metainfo_names_the_desktop_file_and_binary():
    text = METAINFO.read_text(encoding="utf-8")
    assert f'<launchable type="desktop-id">{DESKTOP.name}</launchable>' in text
    assert "<binary>kamdesk</binary>" in text
    entry = DESKTOP.read_text(encoding="utf-8")
    assert "Exec=kamdesk\n" in entry and "Icon=kamdesk\n" in entry


def test_spec_ships_what_the_app_reads_and_no_webengine():
    spec = (PACKAGING / "kamdesk.spec").read_text(encoding="utf-8")
    for folder in ('"resources/fonts"', '"resources/icons"', '"resources/translations"',
                   '"kamdesk/store/migrations/versions"'):
        assert folder in spec
    assert '"QtWebEngineCore"' in spec and '"QtWebEngineWidgets"' in spec


@pytest.mark.skipif(sys.platform == "win32", reason="the install script is for Linux")
def test_install_script_adds_the_menu_entry_and_uninstall_removes_it(tmp_path):
    unpacked = tmp_path / "kamdesk-x-linux"
    (unpacked / "kamdesk").mkdir(parents=True)
    fake = unpacked / "kamdesk" / "kamdesk"
    fake.write_text("#!/bin/sh\necho fake\n")
    fake.chmod(0o755)
    for name in ("install.sh", "uninstall.sh"):
        shutil.copy(PACKAGING / "linux" / name, unpacked / name)
    shutil.copy(DESKTOP, unpacked)
    shutil.copy(METAINFO, unpacked)
    shutil.copy(ROOT / "resources" / "icons" / "kamdesk.svg", unpacked)
    home = tmp_path / "home"
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    subprocess.run(["sh", str(unpacked / "install.sh")], env=env, check=True,
                   capture_output=True)
    share = home / ".local" / "share"
    entry = share / "applications" / DESKTOP.name
    app = share / "kamdesk-app" / "app"
    assert f"Exec={app}/kamdesk\n" in entry.read_text(encoding="utf-8")
    assert (share / "metainfo" / METAINFO.name).exists()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "kamdesk.svg").exists()
    assert (home / ".local" / "bin" / "kamdesk").resolve() == (app / "kamdesk").resolve()
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True,
                              text=True)
        assert done.returncode == 0, done.stdout
    subprocess.run(["sh", str(share / "kamdesk-app" / "uninstall.sh")], env=env, check=True,
                   capture_output=True)
    assert not entry.exists() and not app.exists()
    assert not (home / ".local" / "bin" / "kamdesk").exists()


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="builds the Linux bundle")
def test_frozen_bundle_runs_version_and_self_test(tmp_path):
    """Builds with PyInstaller (~2.5 min, ~250 MB) and runs the frozen binary. Slow, so
    not in the default run: ``pytest -m slow tests/packaging`` (needs pyinstaller)."""
    pytest.importorskip("PyInstaller")
    sys.path.insert(0, str(PACKAGING))
    try:
        import build as bundle_build
    finally:
        sys.path.remove(str(PACKAGING))
    app = bundle_build.build_bundle(tmp_path / "dist", tmp_path / "work")
    tarball = bundle_build.linux_tarball(app, tmp_path / "dist")
    assert tarball.stat().st_size > 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)
    exe = str(bundle_build.frozen_binary(app))
    version = subprocess.run([exe, "--version"], env=env, cwd=tmp_path, capture_output=True,
                             text=True, timeout=120)
    assert version.returncode == 0 and version.stdout.startswith("KAMDesk "), version
    done = subprocess.run([exe, "--self-test"], env=env, cwd=tmp_path, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "(frozen," in done.stdout and "self-test passed" in done.stdout
