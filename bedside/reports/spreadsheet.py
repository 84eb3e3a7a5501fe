"""Keep exported CSV files safe to open in a spreadsheet (OWASP "CSV injection").

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return can run as a
formula when the file is opened in a spreadsheet. Free-text cells (name, by, note and the
extras) that start so are written with a leading apostrophe, which spreadsheets show as plain
text; the importer removes that apostrophe again, so an export still imports to the same rows.
Numbers (``value``) are never touched: ``-12.5`` stays a number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from bedside.interchange import Event

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _guard_text(text: str) -> str:
    return "'" + text if text.startswith(TRIGGERS) else text


def _unguard_text(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(TRIGGERS) else text


def _apply(event: Event, change: Callable[[str], str]) -> Event:
    return replace(
        event,
        name=change(event.name),
        by=change(event.by),
        note=change(event.note),
        extra={key: change(value) for key, value in event.extra.items()},
    )


def guard(events: Iterable[Event]) -> list[Event]:
    """The events as they should be written to a file."""
    return [_apply(e, _guard_text) for e in events]


def unguard(events: Iterable[Event]) -> list[Event]:
    """The events as they were before :func:`guard`."""
    return [_apply(e, _unguard_text) for e in events]
