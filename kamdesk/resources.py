"""One resolver for bundled files (fonts, icons, translations).

The same file lives in a different place depending on how KAMDesk runs: from a source
checkout it is under ``<repo>/resources``; an installed wheel carries that folder as the
``kamdesk._resources`` package (see ``pyproject.toml``); a PyInstaller build unpacks to
``sys._MEIPASS``, where the spec may have collected either layout. Callers should not
care, so they all go through :func:`resource_path`.

Nothing is resolved at import time, so tests can monkeypatch ``sys._MEIPASS`` and the
search order is evaluated per call.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resource_roots() -> list[Path]:
    """Candidate folders, most specific first.

    The packaged copy wins over the source tree so that an installed app always uses the
    files it shipped with, never whatever a nearby checkout happens to hold.
    """
    roots: list[Path] = []
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        base = Path(frozen_base)
        roots += [base / "kamdesk" / "_resources", base / "resources"]
    roots += [_PACKAGE_DIR / "_resources", _PACKAGE_DIR.parent / "resources"]
    # De-duplicate while keeping order: in a onedir bundle __file__ already points
    # inside _MEIPASS, so the frozen and package candidates can coincide.
    seen: set[Path] = set()
    unique: list[Path] = []
    for root in roots:
        if root not in seen:
            seen.add(root)
            unique.append(root)
    return unique


def resource_path(*parts: str) -> Path:
    """Absolute path of a bundled resource, e.g. ``resource_path("fonts", "x.ttc")``.

    Raises ``FileNotFoundError`` naming every place searched: a missing font found late
    (as an empty box in a customer's PDF) is much worse than a clear error now.
    """
    roots = resource_roots()
    for root in roots:
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    wanted = "/".join(parts) or "."
    searched = ", ".join(str(r) for r in roots)
    raise FileNotFoundError(f"resource {wanted!r} not found; searched: {searched}")
