"""The "What helps" analysis of one circle: computed from the log, cached, kept from flapping.

Flow of a page view (:func:`what_helps_for`):

1. :func:`fingerprint` summarises the log (counts, largest ids, sums and latest times of
   sessions, session ratings, missed/skipped occurrences, ratings and measurements, and the
   names of techniques and trackables) together with the current circle week. If the cached
   analysis for the viewer's language has the same fingerprint, it is shown as it is: one small
   query per table and no analysis.
2. Otherwise the circle's events are built by the exporter's own code (no second exporter),
   names are replaced by what the viewer reads (translated catalogue labels), and the engine
   (``bedside.insights.analyze``) runs with ``confirm=True``.
3. The result is recorded as this week's :class:`~bedside.helps.models.WeeklyRun`, and each
   finding is checked against last week's run (see :func:`shown_rows`).

Two guards against flapping, and how they relate:

- The engine's ``confirm=True`` re-analyses *today's* data with the last seven days removed and
  requires a finding to have been one then as well. It sees late entries and corrections.
- The run history here records what the analysis *actually said* each circle week (the latest
  computation of that week). A finding is first shown only if last week's run labelled the same
  technique × outcome × window a finding with the same sign. When nobody opened the page last
  week, last week's run is computed now as of that week's last day (``backfilled``).

Both must agree, so a finding that appears from a burst of days (or from a correction that
flips it back and forth) waits a week, and weekly re-running does not turn into daily peeking.
A finding held back is shown under "maybe — keep logging", worded by the engine's own
"new this week" sentence.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Sum
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bedside.care.models import Occurrence, Session, SessionRating, Technique
from bedside.checkins.models import Observation, Trackable
from bedside.circles.access import require
from bedside.circles.days import today
from bedside.circles.models import Circle, User
from bedside.circles.roles import Action
from bedside.insights import Finding, analyze
from bedside.interchange import Event

from .models import CachedAnalysis, WeeklyRun
from .present import prepare
from .words import lower_first

logger = logging.getLogger(__name__)

# Bump when the page's stored data changes shape or the engine's decisions change, so every
# cache is recomputed once.
VERSION = (
    "3"  # 2: before/after changes tested exactly (sign-flip test); 3: "no clear effect" wording
)
SHOWN_LABELS = ("finding", "maybe", "no_clear_effect", "too_early", "cant_tell_apart")


def engine_language(code: str | None) -> str:
    """The engine speaks ``en`` and ``fr``: ``fr-ca`` → ``fr``."""
    return "fr" if (code or "").lower().startswith("fr") else "en"


def week_of(day: dt.date) -> dt.date:
    """The Monday that starts ``day``'s week."""
    return day - dt.timedelta(days=day.weekday())


# --- the log as events -----------------------------------------------------------------------


def circle_events(circle: Circle) -> list[Event]:
    """The circle's sessions, missed/skipped occurrences, ratings and measurements as events,
    built by the exporter (no second exporter) without its export right check and audit: the
    page's own ``circle_page`` check and read audit cover it.
    """
    from bedside.reports.exporter import circle_events as exported

    return exported(circle, notes=False)


@dataclass
class Names:
    """Stored names ↔ what the viewer reads, and the database rows behind them."""

    display: dict[str, str] = field(default_factory=dict)  # stored name → shown name
    stored: dict[str, str] = field(default_factory=dict)  # shown name → stored name
    technique_ids: dict[str, int] = field(default_factory=dict)  # stored name → id
    trackable_ids: dict[str, int] = field(default_factory=dict)  # stored name → current id


def circle_names(circle: Circle) -> Names:
    names = Names()
    wanted: dict[str, str] = {}
    for t in Technique.objects.filter(circle=circle):
        names.technique_ids[t.name] = t.pk
        wanted[t.name] = lower_first(t.label) if t.is_catalogue else t.name
    for tr in Trackable.objects.filter(circle=circle).order_by("version"):
        names.trackable_ids[tr.name] = tr.pk  # the latest version wins
        wanted.setdefault(tr.name, tr.label)
    counts = Counter(wanted.values())
    for stored, shown in wanted.items():
        # Two things shown alike would merge in the analysis: they keep their stored names.
        unique = counts[shown] == 1 and (shown == stored or shown not in wanted)
        final = shown if unique else stored
        names.display[stored] = final
        names.stored[final] = stored
    return names


def _rename_pairs(text: str, names: Names) -> str:
    """``before``/``after`` extras (``stiffness=6;pain=3``) name trackables too."""
    parts = []
    for part in text.split(";"):
        name, sep, value = part.partition("=")
        parts.append(f"{names.display.get(name.strip(), name.strip())}{sep}{value}")
    return ";".join(parts)


def renamed(events: Iterable[Event], names: Names) -> list[Event]:
    out = []
    for e in events:
        extra = dict(e.extra)
        for key in ("before", "after"):
            if extra.get(key):
                extra[key] = _rename_pairs(extra[key], names)
        out.append(replace(e, name=names.display.get(e.name, e.name), extra=extra))
    return out


# --- fingerprint -----------------------------------------------------------------------------


def fingerprint(circle: Circle, week: dt.date) -> str:
    """A digest of everything the analysis reads, plus the week (runs are weekly)."""
    parts: list[Any] = [VERSION, week.isoformat(), circle.slug, circle.day_boundary.isoformat()]
    parts.append(
        Session.objects.filter(circle=circle).aggregate(
            n=Count("id"), m=Max("id"), s=Sum("minutes"), t=Max("performed_at"), d=Max("day")
        )
    )
    parts.append(
        SessionRating.objects.filter(circle=circle).aggregate(
            n=Count("id"), m=Max("id"), s=Sum("value")
        )
    )
    parts.append(
        Occurrence.objects.filter(
            circle=circle, status__in=[Occurrence.Status.MISSED, Occurrence.Status.SKIPPED]
        ).aggregate(n=Count("id"), m=Max("id"), t=Max("changed_at"))
    )
    parts.append(
        Observation.objects.filter(circle=circle).aggregate(
            n=Count("id"), m=Max("id"), s=Sum("value"), t=Max("recorded_at")
        )
    )
    parts.append(sorted(Technique.objects.filter(circle=circle).values_list("pk", "name", "key")))
    parts.append(
        sorted(Trackable.objects.filter(circle=circle).values_list("pk", "name", "unit", "key"))
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


# --- weekly runs and what is shown -----------------------------------------------------------


def finding_key(f: Finding, names: Names) -> str:
    """Language-free: the stored names, the window and the method."""
    technique = names.stored.get(f.intervention, f.intervention)
    outcome = names.stored.get(f.outcome, f.outcome)
    return f"{technique}|{outcome}|{f.window}|{f.method}"


def run_labels(findings: Iterable[Finding], names: Names) -> dict[str, str]:
    out = {}
    for f in findings:
        sign = "+" if (f.effect or 0) > 0 else "-" if (f.effect or 0) < 0 else "0"
        out[finding_key(f, names)] = f"{f.label}:{sign}"
    return out


def held_last_week(key: str, label: str, previous: dict[str, str] | None) -> bool:
    """Was this finding (same sign) a finding on last week's run too?"""
    if previous is None:
        return False
    return previous.get(key) == label


def _demoted_wording(f: Finding, language: str) -> tuple[str, list[str]]:
    """The engine's "maybe, new this week" sentence for a finding held back by the run history."""
    from bedside.insights.wording import Say, caveat, sentence

    say = Say(
        label="maybe",
        window=f.window,
        method=f.method,
        technique=f.intervention,
        outcome=f.outcome,
        unit=f.unit,
        direction=f.better,  # type: ignore[arg-type]
        effect=f.effect,
        ci=(f.ci_low, f.ci_high) if f.ci_low is not None and f.ci_high is not None else None,
        mde=f.mde,
        weeks=f.weeks_more,
        days_with=f.days_with,
        days_without=f.days_without or 0,
        mean_with=f.mean_with,
        mean_without=f.mean_without,
        new_this_week=True,
    )
    try:
        return sentence(say, language), [caveat("new_this_week", say, language)]
    except Exception:  # the engine's wording changed shape: keep its own sentence
        return f.wording, list(f.caveats)


def shown_rows(
    findings: Iterable[Finding], names: Names, previous: dict[str, str] | None, language: str
) -> list[dict[str, Any]]:
    """The page's rows: the engine's findings, with findings not yet held for two weekly runs
    moved to "maybe" (``held_back``)."""
    rows = []
    for f in findings:
        row = f.to_dict()
        key = finding_key(f, names)
        row["key"] = key
        technique, outcome = names.stored.get(f.intervention), names.stored.get(f.outcome)
        row["technique_id"] = names.technique_ids.get(technique or f.intervention)
        row["trackable_id"] = names.trackable_ids.get(outcome or f.outcome)
        row["held_back"] = False
        row["engine_label"] = f.label
        if f.label == "finding" and not held_last_week(key, run_labels([f], names)[key], previous):
            row["label"] = "maybe"
            row["finding"] = False
            row["held_back"] = True
            row["wording"], row["caveats"] = _demoted_wording(f, language)
        rows.append(row)
    order = {label: i for i, label in enumerate(SHOWN_LABELS)}
    rows.sort(key=lambda r: (order.get(r["label"], 9), r["held_back"]))
    return rows


def _record_run(
    circle: Circle, week: dt.date, labels: dict[str, str], as_of: dt.date | None, backfilled: bool
) -> None:
    try:
        with transaction.atomic():
            WeeklyRun.objects.update_or_create(
                circle=circle,
                week=week,
                defaults={
                    "labels": labels,
                    "as_of": as_of,
                    "computed_at": timezone.now(),
                    "backfilled": backfilled,
                },
            )
    except IntegrityError:  # another request recorded it at the same moment
        pass


def previous_run(
    circle: Circle, week: dt.date, events: list[Event], names: Names, boundary: dt.time
) -> dict[str, str] | None:
    """Last week's run; computed now, as of last week's end, when nobody opened the page then."""
    last_week = week - dt.timedelta(days=7)
    run = WeeklyRun.objects.filter(circle=circle, week=last_week).first()
    if run is not None:
        labels: dict[str, str] = run.labels
        return labels
    end = week - dt.timedelta(days=1)
    if not events or events[0].date > end:
        return None
    past = analyze(events, day_boundary=boundary, language="en", as_of=end, confirm=True)
    labels = run_labels(past.findings, names)
    _record_run(circle, last_week, labels, past.last_day, backfilled=True)
    return labels


# --- the page's data -------------------------------------------------------------------------


@dataclass
class WhatHelps:
    """What the page shows: rows in order, and how the analysis went."""

    rows: list[dict[str, Any]]
    first_day: dt.date | None
    last_day: dt.date | None
    reason: str | None
    computed_at: dt.datetime
    seconds: float
    from_cache: bool
    language: str

    def labelled(self, *labels: str) -> list[dict[str, Any]]:
        return [r for r in self.rows if r["label"] in labels]

    @property
    def days_logged(self) -> int:
        if self.first_day is None or self.last_day is None:
            return 0
        return (self.last_day - self.first_day).days + 1

    @property
    def anything_estimated(self) -> bool:
        return any(r["label"] in ("finding", "maybe", "no_clear_effect") for r in self.rows)


def _from_data(data: dict[str, Any], cache: CachedAnalysis, from_cache: bool) -> WhatHelps:
    def day(value: str | None) -> dt.date | None:
        return dt.date.fromisoformat(value) if value else None

    return WhatHelps(
        rows=data.get("rows", []),
        first_day=day(data.get("first_day")),
        last_day=day(data.get("last_day")),
        reason=data.get("reason"),
        computed_at=cache.computed_at,
        seconds=cache.seconds,
        from_cache=from_cache,
        language=cache.language,
    )


def compute(circle: Circle, language: str, week: dt.date) -> dict[str, Any]:
    """Run the engine on the circle's log and decide what is shown (no caching)."""
    with translation.override("fr-ca" if language == "fr" else "en"):
        names = circle_names(circle)  # translated labels, in the analysis' language
    events = renamed(circle_events(circle), names)
    boundary = circle.day_boundary
    result = analyze(events, day_boundary=boundary, language=language, confirm=True)
    previous = previous_run(circle, week, events, names, boundary)
    _record_run(circle, week, run_labels(result.findings, names), result.last_day, False)
    data = result.to_dict()
    data.pop("findings")
    data["rows"] = shown_rows(result.findings, names, previous, language)
    data["week"] = week.isoformat()
    with translation.override("fr-ca" if language == "fr" else "en"):
        prepare(data["rows"], circle.slug)
    return data


def what_helps_for(
    *, circle: Circle, viewer: User, language: str, now: dt.datetime | None = None
) -> WhatHelps:
    """The page's analysis for ``viewer``: cached, recomputed when the log changed."""
    require(viewer, circle, Action.READ)
    now = now or timezone.now()
    language = engine_language(language)
    week = week_of(today(circle, now))
    digest = fingerprint(circle, week)
    cache = CachedAnalysis.objects.filter(circle=circle, language=language).first()
    if cache is not None and cache.fingerprint == digest:
        return _from_data(cache.data, cache, True)
    started = time.perf_counter()
    try:
        data = compute(circle, language, week)
    except Exception:  # the page must still open; the error goes to the server log
        logger.exception("What helps: the analysis of circle %s failed", circle.pk)
        with translation.override("fr-ca" if language == "fr" else "en"):
            reason = _("The analysis could not be run just now; the log itself is safe.")
        failed = CachedAnalysis(circle=circle, language=language, computed_at=now)
        return _from_data({"rows": [], "reason": reason}, failed, False)
    seconds = time.perf_counter() - started
    try:
        with transaction.atomic():
            cache, _created = CachedAnalysis.objects.update_or_create(
                circle=circle,
                language=language,
                defaults={
                    "fingerprint": digest,
                    "data": data,
                    "computed_at": now,
                    "seconds": seconds,
                },
            )
    except IntegrityError:  # a simultaneous first view stored it: show ours, uncached
        cache = CachedAnalysis(
            circle=circle, language=language, data=data, computed_at=now, seconds=seconds
        )
    return _from_data(data, cache, False)
