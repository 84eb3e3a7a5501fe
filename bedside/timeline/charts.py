"""A trackable's chart: the SVG, its text alternative, the legend and the data table.

Glue between the models and the pure modules: :mod:`.series` aggregates, :mod:`.svg` draws,
and this module supplies the translated words and localized numbers.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bedside.care.models import Session, Technique
from bedside.checkins.models import Observation, Trackable

from . import formatting as fmt
from . import series, svg

DAY_CHOICES = (30, 90, 180, 365)
DEFAULT_DAYS = 90


@dataclass(frozen=True)
class LegendItem:
    kind: int
    label: str
    count: int
    swatch: SafeString


@dataclass(frozen=True)
class TableRow:
    day: dt.date
    label: str
    value: str
    count: int
    sessions: tuple[str, ...]


@dataclass(frozen=True)
class ChartView:
    trackable: Trackable
    title: str
    summary: str
    svg: SafeString
    legend: tuple[LegendItem, ...]
    rows: tuple[TableRow, ...]
    values: int  # how many observations

    @property
    def empty(self) -> bool:
        return self.values == 0


def count_words(trackable: Trackable, count: int) -> str:
    if trackable.kind == Trackable.Kind.MEASUREMENT:
        return ngettext("%(count)d measurement", "%(count)d measurements", count) % {"count": count}
    return ngettext("%(count)d rating", "%(count)d ratings", count) % {"count": count}


def summary_text(
    trackable: Trackable,
    days: int,
    values: Sequence[series.DayValue],
    observations: int,
    technique_counts: Sequence[tuple[str, int]],
) -> str:
    """The chart's text alternative, e.g. "Stiffness over the last 90 days: from 4.2 (first
    week average) to 5.1 (last week average); 62 ratings; Evening massage: 80 sessions."
    """
    label = trackable.label
    averages = series.week_averages(values)
    if averages is None:
        parts = [
            ngettext(
                "%(label)s: nothing logged in the last %(days)d day",
                "%(label)s: nothing logged in the last %(days)d days",
                days,
            )
            % {"label": label, "days": days}
        ]
    else:
        first, last = averages
        if series.span_days(values) > 7:
            head = ngettext(
                "%(label)s over the last %(days)d day: from %(first)s (first week average) to %(last)s (last week average)",
                "%(label)s over the last %(days)d days: from %(first)s (first week average) to %(last)s (last week average)",
                days,
            ) % {
                "label": label,
                "days": days,
                "first": fmt.with_unit(first, trackable, 1),
                "last": fmt.with_unit(last, trackable, 1),
            }
        else:
            mean = sum(v.value for v in values) / len(values)
            head = ngettext(
                "%(label)s over the last %(days)d day: average %(mean)s",
                "%(label)s over the last %(days)d days: average %(mean)s",
                days,
            ) % {"label": label, "days": days, "mean": fmt.with_unit(mean, trackable, 1)}
        parts = [head, count_words(trackable, observations)]
    for technique, count in technique_counts:
        parts.append(
            ngettext("%(technique)s: %(count)d session", "%(technique)s: %(count)d sessions", count)
            % {"technique": technique, "count": count}
        )
    return _("; ").join(parts) + "."


def _session_words(session: Session) -> str:
    if session.minutes:
        return _("%(technique)s, %(minutes)d min") % {
            "technique": session.technique.label,
            "minutes": session.minutes,
        }
    return session.technique.label


def _value_words(value: series.DayValue, trackable: Trackable) -> str:
    # A day's single value as entered; an average of several to one decimal.
    text = fmt.with_unit(value.value, trackable, 1 if value.count > 1 else 2)
    if value.count > 1:
        return _("%(value)s (average of %(count)d)") % {"value": text, "count": value.count}
    return text


def build_chart(
    *,
    trackable: Trackable,
    observations: Sequence[Observation],
    sessions: Sequence[Session],
    start: dt.date,
    end: dt.date,
    shown: Sequence[Technique] | None = None,
    compact: bool = False,
) -> ChartView:
    """Draw ``trackable`` over ``start``…``end`` with markers for the ``shown`` techniques.

    ``shown=None`` means every technique that has sessions in the range; an empty sequence
    means no markers. ``observations`` must belong to ``trackable``.
    """
    days = (end - start).days + 1
    obs = [o for o in observations if o.trackable_id == trackable.pk]
    values = series.daily_values(((o.day, o.value) for o in obs), start, end)
    lo, hi = series.scale_for(
        (v.value for v in values),
        trackable.min_value,
        trackable.max_value,
        fixed=trackable.kind == Trackable.Kind.RATING,
    )

    in_range = [s for s in sessions if start <= s.day <= end]
    techniques = sorted({s.technique for s in in_range}, key=lambda t: (t.label.casefold(), t.pk))
    if shown is not None:
        wanted = {t.pk for t in shown}
        techniques = [t for t in techniques if t.pk in wanted]
    kind_of = {t.pk: i for i, t in enumerate(techniques)}
    per_day_kind: Counter[tuple[dt.date, int]] = Counter(
        (s.day, kind_of[s.technique_id]) for s in in_range if s.technique_id in kind_of
    )
    per_kind: Counter[int] = Counter()
    for (_day, kind), n in per_day_kind.items():
        per_kind[kind] += n
    markers = [
        svg.Marker(
            day=day,
            kind=kind,
            count=n,
            label=_("%(day)s: %(technique)s × %(count)d")
            % {"day": fmt.short_day(day), "technique": techniques[kind].label, "count": n},
        )
        for (day, kind), n in sorted(per_day_kind.items())
    ]
    technique_counts = [(t.label, per_kind[i]) for i, t in enumerate(techniques)]

    title = ngettext("%(label)s, last %(days)d day", "%(label)s, last %(days)d days", days) % {
        "label": trackable.label,
        "days": days,
    }
    summary = summary_text(trackable, days, values, len(obs), technique_counts)
    ticks = series.tick_days(start, end, 2 if compact else 5)
    drawing = svg.Chart(
        chart_id=f"chart-{trackable.pk}",
        title=title,
        description=summary,
        start=start,
        end=end,
        lo=lo,
        hi=hi,
        values=values,
        y_label=fmt.axis_label(trackable),
        x_ticks=[(d, fmt.short_day(d)) for d in ticks],
        markers=[] if compact else markers,
        kinds=[] if compact else [t.label for t in techniques],
        number=fmt.number,
        point_label=lambda v: (
            _("%(day)s: %(value)s")
            % {"day": fmt.short_day(v.day), "value": _value_words(v, trackable)}
        ),
        width=360 if compact else 720,
        plot_height=90 if compact else 220,
        compact=compact,
    )
    legend = tuple(
        LegendItem(kind=i, label=t.label, count=per_kind[i], swatch=mark_safe(svg.swatch(i)))  # noqa: S308 - built and escaped by svg
        for i, t in enumerate(techniques)
    )

    sessions_by_day: dict[dt.date, list[str]] = defaultdict(list)
    for s in in_range:
        sessions_by_day[s.day].append(_session_words(s))
    value_of = {v.day: v for v in values}
    rows = tuple(
        TableRow(
            day=day,
            label=fmt.long_day(day),
            value=_value_words(value_of[day], trackable) if day in value_of else "",
            count=value_of[day].count if day in value_of else 0,
            sessions=tuple(sessions_by_day.get(day, ())),
        )
        for day in sorted(set(value_of) | set(sessions_by_day))
    )
    return ChartView(
        trackable=trackable,
        title=title,
        summary=summary,
        svg=mark_safe(svg.render(drawing)),  # noqa: S308 - every text in it is escaped by svg
        legend=legend if not compact else (),
        rows=rows,
        values=len(obs),
    )
