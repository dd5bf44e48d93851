"""Which column of a file fills which field — guessed, editable, saved and reused.

A :class:`Mapping` says, for one *file shape* (the normalised header list), the kind
of table, ``{meaning: column index}``, the unit of each column and which columns mean
nothing known. :func:`guess_mapping` builds one from the headers; a user (the wizard,
or a JSON file given to ``kamdesk import --mapping M.json``) may change it. A JSON
file holds one mapping or a list of them; :func:`pick_mapping` takes the one saved
for the file's shape, so a sheet exported every month maps itself. The format is
documented in ``docs/import.md``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from kamdesk.io.sheets.columns import KIND_COLUMNS, HeaderName, kind_scores, match_meanings

__all__ = ["MAPPING_VERSION", "Mapping", "MappingError", "detect_kind", "guess_mapping",
           "load_mappings", "pick_mapping", "save_mapping", "shape_of"]

MAPPING_VERSION = 1


class MappingError(ValueError):
    """A mapping file that cannot be used (bad JSON, unknown kind or meaning)."""


def shape_of(names: list[HeaderName]) -> list[str]:
    """The file shape: each heading normalised (case, spaces, full-width brackets)."""
    return [n.key for n in names]


@dataclass
class Mapping:
    kind: str
    shape: list[str]
    columns: dict[str, int]                              # meaning -> column index
    units: dict[int, str] = field(default_factory=dict)  # column index -> unit as written
    unmapped: list[int] = field(default_factory=list)    # columns with no meaning

    @property
    def signature(self) -> str:
        """A short stable id of the shape (for file names and settings keys)."""
        return hashlib.sha1("\x1f".join(self.shape).encode()).hexdigest()[:12]

    def fits(self, names: list[HeaderName]) -> bool:
        return self.shape == shape_of(names)

    def to_json(self) -> dict[str, object]:
        return {"version": MAPPING_VERSION, "kind": self.kind, "shape": self.shape,
                "columns": dict(self.columns),
                "units": {str(i): u for i, u in sorted(self.units.items())}}

    @classmethod
    def from_json(cls, data: object) -> Mapping:
        if not isinstance(data, dict):
            raise MappingError("a mapping is a JSON object")
        kind = data.get("kind")
        if kind not in KIND_COLUMNS:
            raise MappingError(f"unknown kind {kind!r} (one of {', '.join(KIND_COLUMNS)})")
        shape = data.get("shape", [])
        columns = data.get("columns", {})
        if not isinstance(shape, list) or not isinstance(columns, dict):
            raise MappingError("'shape' must be a list and 'columns' an object")
        known = KIND_COLUMNS[kind]
        out: dict[str, int] = {}
        for meaning, index in columns.items():
            if meaning not in known:
                raise MappingError(f"{kind} has no field {meaning!r} "
                                   f"(fields: {', '.join(known)})")
            if not isinstance(index, int) or index < 0 or (shape and index >= len(shape)):
                raise MappingError(f"column of {meaning!r} must be an index into 'shape'")
            out[meaning] = index
        units = {int(i): str(u) for i, u in dict(data.get("units", {})).items()}
        used = set(out.values())
        unmapped = [i for i in range(len(shape)) if i not in used]
        return cls(kind, [str(s) for s in shape], out, units, unmapped)


def detect_kind(names: list[HeaderName]) -> str | None:
    """The kind whose meanings the headings carry most (at least two); an orders sheet
    wins only when it has an amount and more of its own columns."""
    scores = kind_scores(names)
    orders = scores.pop("orders")
    best = max(scores, key=lambda k: scores[k])
    order_cols = match_meanings(names, KIND_COLUMNS["orders"])
    if ("amount" in order_cols and "date" in order_cols
            and ("code" in order_cols or "customer" in order_cols)
            and orders > max(scores[best], 2)):
        return "orders"
    return best if scores[best] >= 2 else None


def guess_mapping(names: list[HeaderName], kind: str | None = None) -> Mapping | None:
    """The mapping the headings suggest (None when the kind cannot be told)."""
    kind = kind or detect_kind(names)
    if kind is None:
        return None
    columns = match_meanings(names, KIND_COLUMNS[kind])
    units = {i: n.unit for i, n in enumerate(names) if n.unit}
    used = set(columns.values())
    return Mapping(kind, shape_of(names), columns, units,  # type: ignore[arg-type]
                   [i for i in range(len(names)) if i not in used])


def load_mappings(path: str | Path) -> list[Mapping]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise MappingError(f"{path}: {exc}") from None
    items = data if isinstance(data, list) else [data]
    return [Mapping.from_json(item) for item in items]


def pick_mapping(mappings: list[Mapping], names: list[HeaderName],
                 kind: str | None = None) -> Mapping | None:
    """The mapping saved for this file's shape (and kind, when given). A file holding
    a single mapping without a shape applies to any file."""
    shape = shape_of(names)
    for m in mappings:
        if (not m.shape or m.shape == shape) and (kind is None or m.kind == kind):
            return m
    return None


def save_mapping(path: str | Path, mapping: Mapping) -> None:
    """Add ``mapping`` to the JSON file at ``path``, replacing the one for its shape."""
    p = Path(path)
    existing = load_mappings(p) if p.exists() else []
    kept = [m for m in existing if m.shape != mapping.shape]
    data = [m.to_json() for m in [*kept, mapping]]
    p.write_text(json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2),
                 encoding="utf-8")
