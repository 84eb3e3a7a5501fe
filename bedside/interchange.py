"""The CSV interchange format (ARCHITECTURE.md): one row per event.

Pure Python, no Django: ``bedside analyze`` reads files with it without a database, and the
importer (``bedside.reports``) validates the same rows before touching one. A file with any
invalid row is refused as a whole: :func:`read_events` raises :class:`InterchangeError` listing
every bad row with its line number and the reason.

Columns: ``date, time, kind, name, value, unit, by, note``; any extra columns are kept in
``Event.extra``. Extras Bedside itself writes for sessions: ``regions`` (``;``-separated keys),
``pressure``, ``tolerance``, ``before`` and ``after`` (``trackable=value;...``); for ratings and
measurements: ``proxy`` (``yes`` when someone answered for the person); for skipped: the reason is
the ``note``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import IO

COLUMNS = ("date", "time", "kind", "name", "value", "unit", "by", "note")
REQUIRED = ("date", "kind", "name", "value")
KINDS = ("session", "missed", "skipped", "rating", "measurement", "note")
RATING_UNIT = "0-10"
MAX_SESSION_MINUTES = 600
_SCALE = re.compile(r"^(-?\d+(?:\.\d+)?)-(-?\d+(?:\.\d+)?)$")


@dataclass(frozen=True)
class Event:
    """One row of the interchange format, parsed and checked."""

    line: int
    date: dt.date
    time: dt.time | None
    kind: str
    name: str
    value: float | None
    unit: str = ""
    by: str = ""
    note: str = ""
    extra: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class InterchangeError(ValueError):
    """The file cannot be used; ``errors`` names every bad row."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


def scale_range(unit: str) -> tuple[float, float] | None:
    """``"0-10"`` → ``(0.0, 10.0)``; ``None`` when the unit is not a rating scale."""
    match = _SCALE.match(unit.strip())
    if not match:
        return None
    low, high = float(match.group(1)), float(match.group(2))
    return (low, high) if low < high else None


def _parse_row(line: int, row: Mapping[str, str]) -> Event:
    """Parse one row or raise ValueError with a reason a person understands."""
    get = {k: (row.get(k) or "").strip() for k in COLUMNS}
    reasons: list[str] = []
    try:
        date = dt.date.fromisoformat(get["date"])
        if len(get["date"]) != 10:
            raise ValueError
    except ValueError:
        reasons.append(f"date {get['date']!r} is not a date like 2026-03-14")
        date = dt.date.min
    time: dt.time | None = None
    if get["time"]:
        try:
            time = dt.time.fromisoformat(get["time"])
            if len(get["time"]) != 5:
                raise ValueError
        except ValueError:
            reasons.append(f"time {get['time']!r} is not a time like 21:30")
    kind = get["kind"].lower()
    if kind not in KINDS:
        reasons.append(f"unknown kind {get['kind']!r} (use one of: {', '.join(KINDS)})")
    name = get["name"]
    if not name and kind != "note":
        reasons.append("name is empty")
    value: float | None = None
    if get["value"]:
        try:
            value = float(get["value"])
            if not math.isfinite(value):
                raise ValueError
        except ValueError:
            reasons.append(f"value {get['value']!r} is not a number (use a dot: 3.5)")
    unit = get["unit"]
    if value is not None and not reasons:
        reasons.extend(_value_problems(kind, value, unit))
    elif value is None and kind in ("rating", "measurement") and not get["value"]:
        reasons.append(f"a {kind} needs a value")
    if kind == "note" and not get["note"]:
        reasons.append("a note row needs text in the note column")
    if reasons:
        raise ValueError("; ".join(reasons))
    extra = {k: (v or "").strip() for k, v in row.items() if k and k not in COLUMNS}
    return Event(line, date, time, kind, name, value, unit, get["by"], get["note"], extra)


def _value_problems(kind: str, value: float, unit: str) -> list[str]:
    if kind == "session":
        if not 0 < value <= MAX_SESSION_MINUTES:
            return [f"minutes {value:g} out of range (1–{MAX_SESSION_MINUTES})"]
        if unit not in ("", "min"):
            return [f"a session's value is minutes: unit {unit!r} should be 'min'"]
    elif kind == "rating":
        low, high = scale_range(unit or RATING_UNIT) or (None, None)
        if low is None or high is None:
            return [f"a rating's unit must be a scale like 0-10, not {unit!r}"]
        if not low <= value <= high:
            return [f"rating {value:g} out of range ({low:g}–{high:g})"]
    elif kind == "measurement" and not unit:
        return ["a measurement needs a unit (cm, deg, kg, h, %, s …)"]
    elif kind in ("missed", "skipped", "note"):
        return [f"a {kind} row has no value (found {value:g})"]
    return []


def read_events(source: str | IO[str]) -> list[Event]:
    """Parse and check a whole file; raise :class:`InterchangeError` naming every bad row.

    ``source`` is the CSV text or an open text file. Line numbers count the header as line 1.
    """
    text = source if isinstance(source, str) else source.read()
    text = text.removeprefix("\ufeff")  # spreadsheets often add a byte-order mark
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InterchangeError(
            [
                RowError(
                    1,
                    f"the header must name the columns {', '.join(COLUMNS)}; "
                    f"missing: {', '.join(missing)}",
                )
            ]
        )
    reader.fieldnames = header
    events: list[Event] = []
    errors: list[RowError] = []
    for row in reader:
        line = reader.line_num
        if None in row:
            errors.append(RowError(line, "more cells than columns in the header"))
            continue
        if not any((v or "").strip() for v in row.values()):
            continue  # blank line
        try:
            events.append(_parse_row(line, row))
        except ValueError as problem:
            errors.append(RowError(line, str(problem)))
    if errors:
        raise InterchangeError(errors)
    if not events:
        raise InterchangeError([RowError(1, "the file has a header but no events")])
    return events


def _cell(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}" if value != int(value) else str(int(value))


def write_events(events: Iterable[Event], out: IO[str]) -> None:
    """Write events in the interchange format (the header, then one row per event)."""
    events = list(events)
    extras = sorted({k for e in events for k in e.extra})
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*COLUMNS, *extras])
    for e in events:
        writer.writerow(
            [
                e.date.isoformat(),
                e.time.strftime("%H:%M") if e.time else "",
                e.kind,
                e.name,
                _cell(e.value),
                e.unit,
                e.by,
                e.note,
                *(e.extra.get(k, "") for k in extras),
            ]
        )
