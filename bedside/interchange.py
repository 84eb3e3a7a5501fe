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


# What can be wrong with a row, as English templates. Each problem keeps its code and values so
# that the web app can show it translated (``bedside/reports/interchange_text.py``).
MESSAGES: dict[str, str] = {
    "header": "the header must name the columns %(columns)s; missing: %(missing)s",
    "empty_file": "the file has a header but no events",
    "extra_cells": "more cells than columns in the header",
    "date": "date %(value)r is not a date like 2026-03-14",
    "time": "time %(value)r is not a time like 21:30",
    "kind": "unknown kind %(value)r (use one of: %(kinds)s)",
    "name": "name is empty",
    "number": "value %(value)r is not a number (use a dot: 3.5)",
    "needs_value": "a %(kind)s needs a value",
    "note_text": "a note row needs text in the note column",
    "minutes": "minutes %(value)s out of range (1–%(max)s)",
    "session_unit": "a session's value is minutes: unit %(unit)r should be 'min'",
    "rating_unit": "a rating's unit must be a scale like 0-10, not %(unit)r",
    "rating_range": "rating %(value)s out of range (%(low)s–%(high)s)",
    "measurement_unit": "a measurement needs a unit (cm, deg, kg, h, %%, s …)",
    "no_value": "a %(kind)s row has no value (found %(value)s)",
    "pair_format": "%(column)s: %(part)r is not written like 'breathing ease=4'",
    "pair_value": "%(column)s: the value %(value)r for %(name)s is not a number",
}


@dataclass(frozen=True)
class Problem:
    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return MESSAGES[self.code] % dict(self.params)


@dataclass(frozen=True)
class RowError:
    """Everything wrong with one row. ``problems`` is empty for messages made elsewhere."""

    line: int
    message: str
    problems: tuple[Problem, ...] = ()

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


def row_error(line: int, *problems: Problem) -> RowError:
    return RowError(line, "; ".join(str(p) for p in problems), problems)


class InterchangeError(ValueError):
    """The file cannot be used; ``errors`` names every bad row.

    ``events`` holds the rows that were fine on their own, so a caller can check those
    against more rules (e.g. a circle's techniques) and report everything at once.
    """

    def __init__(self, errors: list[RowError], events: list[Event] | None = None) -> None:
        self.errors = errors
        self.events = events or []
        super().__init__("\n".join(str(e) for e in errors))


def scale_range(unit: str) -> tuple[float, float] | None:
    """``"0-10"`` → ``(0.0, 10.0)``; ``None`` when the unit is not a rating scale."""
    match = _SCALE.match(unit.strip())
    if not match:
        return None
    low, high = float(match.group(1)), float(match.group(2))
    return (low, high) if low < high else None


RATING_COLUMNS = ("before", "after")


def parse_ratings(
    text: str, column: str = "before"
) -> tuple[list[tuple[str, float]], list[Problem]]:
    """Read a ``before``/``after`` cell: ``"breathing ease=4;pain=2"`` → name/value pairs.

    Returns the pairs that read well and a problem for each part that does not.
    """
    pairs: list[tuple[str, float]] = []
    problems: list[Problem] = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        name, sep, raw = part.rpartition("=")
        name, raw = name.strip(), raw.strip()
        if not sep or not name:
            problems.append(Problem("pair_format", {"column": column, "part": part}))
            continue
        try:
            value = float(raw)
            if not math.isfinite(value):
                raise ValueError
        except ValueError:
            problems.append(Problem("pair_value", {"column": column, "value": raw, "name": name}))
            continue
        pairs.append((name, value))
    return pairs, problems


def format_ratings(pairs: Iterable[tuple[str, float]]) -> str:
    """The inverse of :func:`parse_ratings`, sorted by name."""
    return ";".join(f"{name}={_cell(value)}" for name, value in sorted(pairs))


def _parse_row(line: int, row: Mapping[str, str]) -> Event | list[Problem]:
    """Parse one row, or return every problem with it."""
    get = {k: unguard((row.get(k) or "").strip()) for k in COLUMNS}
    problems: list[Problem] = []
    try:
        date = dt.date.fromisoformat(get["date"])
        if len(get["date"]) != 10:
            raise ValueError
    except ValueError:
        problems.append(Problem("date", {"value": get["date"]}))
        date = dt.date.min
    time: dt.time | None = None
    if get["time"]:
        try:
            time = dt.time.fromisoformat(get["time"])
            if len(get["time"]) != 5:
                raise ValueError
        except ValueError:
            problems.append(Problem("time", {"value": get["time"]}))
    kind = get["kind"].lower()
    if kind not in KINDS:
        problems.append(Problem("kind", {"value": get["kind"], "kinds": ", ".join(KINDS)}))
    name = get["name"]
    if not name and kind != "note":
        problems.append(Problem("name"))
    value: float | None = None
    if get["value"]:
        try:
            value = float(get["value"])
            if not math.isfinite(value):
                raise ValueError
        except ValueError:
            problems.append(Problem("number", {"value": get["value"]}))
    unit = get["unit"]
    if value is not None and not problems:
        problems.extend(_value_problems(kind, value, unit))
    elif value is None and kind in ("rating", "measurement") and not get["value"]:
        problems.append(Problem("needs_value", {"kind": kind}))
    if kind == "note" and not get["note"]:
        problems.append(Problem("note_text"))
    extra = {k: unguard((v or "").strip()) for k, v in row.items() if k and k not in COLUMNS}
    if kind == "session":
        for column in RATING_COLUMNS:
            problems.extend(parse_ratings(extra.get(column, ""), column)[1])
    if problems:
        return problems
    return Event(line, date, time, kind, name, value, unit, get["by"], get["note"], extra)


def _value_problems(kind: str, value: float, unit: str) -> list[Problem]:
    if kind == "session":
        if not 0 < value <= MAX_SESSION_MINUTES:
            return [Problem("minutes", {"value": f"{value:g}", "max": MAX_SESSION_MINUTES})]
        if unit not in ("", "min"):
            return [Problem("session_unit", {"unit": unit})]
    elif kind == "rating":
        low, high = scale_range(unit or RATING_UNIT) or (None, None)
        if low is None or high is None:
            return [Problem("rating_unit", {"unit": unit})]
        if not low <= value <= high:
            return [
                Problem(
                    "rating_range", {"value": f"{value:g}", "low": f"{low:g}", "high": f"{high:g}"}
                )
            ]
    elif kind == "measurement" and not unit:
        return [Problem("measurement_unit")]
    elif kind in ("missed", "skipped", "note"):
        return [Problem("no_value", {"kind": kind, "value": f"{value:g}"})]
    return []


# Spreadsheets run cells that start with these as formulas (OWASP "CSV injection"): writing
# prefixes such free-text cells with an apostrophe (shown as plain text) and reading removes it,
# so an export still reads back to the same rows. Numbers are never touched: -12.5 stays a number.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard(text: str) -> str:
    """Make a free-text cell safe to open in a spreadsheet."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unguard(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


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
                row_error(
                    1,
                    Problem(
                        "header", {"columns": ", ".join(COLUMNS), "missing": ", ".join(missing)}
                    ),
                )
            ]
        )
    reader.fieldnames = header
    events: list[Event] = []
    errors: list[RowError] = []
    for row in reader:
        line = reader.line_num
        if None in row:
            errors.append(row_error(line, Problem("extra_cells")))
            continue
        if not any((v or "").strip() for v in row.values()):
            continue  # blank line
        parsed = _parse_row(line, row)
        if isinstance(parsed, Event):
            events.append(parsed)
        else:
            errors.append(row_error(line, *parsed))
    if errors:
        raise InterchangeError(errors, events)
    if not events:
        raise InterchangeError([row_error(1, Problem("empty_file"))])
    return events


def _cell(value: float | None) -> str:
    if value is None:
        return ""
    # Integers without ".0"; other numbers with every significant digit they have.
    return str(int(value)) if value == int(value) else repr(value)


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
                guard(e.name),
                _cell(e.value),
                e.unit,
                guard(e.by),
                guard(e.note),
                *(guard(e.extra.get(k, "")) for k in extras),
            ]
        )
