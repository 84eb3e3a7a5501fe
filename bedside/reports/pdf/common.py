"""What both clinical reports share: rating and measurement trends, charts, names and numbers.

Trends are computed from plain (day, value) pairs inside the report's period; charts are drawn
by the timeline's pure SVG module (:mod:`bedside.timeline.svg`) with a text alternative, so a
report never needs a plotting library. Every string here is translated at call time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bedside.checkins.catalogue import TRACKABLES
from bedside.checkins.models import Observation, Trackable
from bedside.checkins.selectors import observations_between
from bedside.circles.models import Circle, Membership, User
from bedside.circles.roles import Role
from bedside.timeline import formatting as fmt
from bedside.timeline import series, svg

from .forms import Period

CHART_WIDTH = 720
CHART_PLOT_HEIGHT = 150


def member_name(membership: Membership | None, by_name: str) -> str:
    """Who did it: the member's name, else the name typed or imported, else "someone"."""
    if membership is not None:
        return str(membership.user)
    return by_name or _("someone")


def role_label(membership: Membership | None) -> str:
    return str(Role(membership.role).label) if membership is not None else ""


def person_name(circle: Circle) -> str:
    """The person living with ALS (the first active member with that role), or empty."""
    person = (
        Membership.objects.filter(circle=circle, role=Role.PERSON, revoked_at__isnull=True)
        .select_related("user")
        .order_by("joined_at", "pk")
        .first()
    )
    return str(person.user) if person is not None else ""


def number(value: float | None, decimals: int = 1) -> str:
    """A localized number without useless decimals; an en dash for "no value"."""
    return "–" if value is None else fmt.number(value, decimals)


def in_period(rows: Iterable[Any], period: Period) -> list[Any]:
    """The rows (anything with a ``day``) whose circle day falls inside the period."""
    return [row for row in rows if row.day in period]


def chart_svg(
    *,
    chart_id: str,
    title: str,
    description: str,
    period: Period,
    values: Sequence[series.DayValue],
    lo: float,
    hi: float,
    y_label: str,
    unit: str = "",
) -> SafeString:
    """An SVG chart of daily values over the period, with ``<title>`` and ``<desc>``.

    Days without a value are gaps (never interpolated); the text alternative and the report's
    own tables carry every number, so the picture adds nothing a reader could miss.
    """
    # Four dates fit the page width in both languages without touching each other.
    ticks = series.tick_days(period.start, period.end, 4)
    drawing = svg.Chart(
        chart_id=chart_id,
        title=title,
        description=description,
        start=period.start,
        end=period.end,
        lo=lo,
        hi=hi,
        values=values,
        y_label=y_label,
        x_ticks=[(day, fmt.short_day(day)) for day in ticks],
        number=fmt.number,
        point_label=lambda v: (
            _("%(day)s: %(value)s")
            % {"day": fmt.short_day(v.day), "value": with_unit(v.value, unit)}
        ),
        width=CHART_WIDTH,
        plot_height=CHART_PLOT_HEIGHT,
    )
    return mark_safe(svg.render(drawing))  # noqa: S308 - svg.render escapes every text


def with_unit(value: float, unit: str, decimals: int = 1) -> str:
    """``71.5 kg``, ``35°``, ``4`` (ratings carry no unit: the scale is named elsewhere)."""
    text = fmt.number(value, decimals)
    symbol = fmt.UNIT_SYMBOLS.get(unit, unit)
    if not symbol:
        return text
    return f"{text}{symbol}" if symbol == "°" else f"{text}{fmt.NBSP}{symbol}"


def period_text(period: Period) -> str:
    return _("%(start)s to %(end)s") % {
        "start": fmt.long_day(period.start),
        "end": fmt.long_day(period.end),
    }


def series_summary(
    label: str, unit: str, values: Sequence[series.DayValue], count: int, period: Period
) -> str:
    """A trend in one sentence: first- and last-week averages, range, how many values.

    This is the chart's text alternative, so it must carry the chart's message on its own.
    """
    if not values:
        return _("%(label)s: nothing recorded from %(period)s.") % {
            "label": label,
            "period": period_text(period),
        }
    first, last = series.week_averages(values) or (0.0, 0.0)
    lowest = min(v.value for v in values)
    highest = max(v.value for v in values)
    counted = ngettext(
        "%(count)d value on %(days)d day", "%(count)d values on %(days)d days", count
    ) % {"count": count, "days": len(values)}
    if series.span_days(values) > 7:
        head = _(
            "%(label)s from %(period)s: %(first)s on average in the first week with values, "
            "%(last)s in the last; lowest %(low)s, highest %(high)s"
        ) % {
            "label": label,
            "period": period_text(period),
            "first": with_unit(first, unit),
            "last": with_unit(last, unit),
            "low": with_unit(lowest, unit),
            "high": with_unit(highest, unit),
        }
    else:
        mean = sum(v.value for v in values) / len(values)
        head = _("%(label)s from %(period)s: %(mean)s on average") % {
            "label": label,
            "period": period_text(period),
            "mean": with_unit(mean, unit),
        }
    return _("%(head)s (%(counted)s).") % {"head": head, "counted": counted}


def value_trend(
    *,
    key: str,
    label: str,
    unit: str,
    points: Sequence[tuple[dt.date, float]],
    period: Period,
    scale: tuple[float, float] | None = None,
    chart: bool = True,
) -> dict[str, Any]:
    """Numbers (and a chart) for one series of dated values inside the period.

    ``scale`` fixes the chart's range (0–10 for ratings); without it the data's range is
    rounded out so that a 1 cm change stays visible.
    """
    inside = [(day, value) for day, value in points if day in period]
    values = series.daily_values(inside, period.start, period.end)
    averages = series.week_averages(values)
    summary = series_summary(label, unit, values, len(inside), period)
    drawing: SafeString | str = ""
    if chart and values:
        if scale is not None:
            lo, hi = series.scale_for((v.value for v in values), scale[0], scale[1], fixed=True)
        else:
            lo, hi = series.scale_for((v.value for v in values), 0, 1, fixed=False)
        symbol = fmt.UNIT_SYMBOLS.get(unit, unit)
        if scale is not None and not unit:
            symbol = f"{fmt.number(scale[0])}–{fmt.number(scale[1])}"
        drawing = chart_svg(
            chart_id=f"chart-{key}",
            title=label,
            description=summary,
            period=period,
            values=values,
            lo=lo,
            hi=hi,
            # The axis names the scale; the figure's caption names the series (a long name
            # would not fit along a short axis).
            y_label=symbol,
            unit=unit,
        )
    return {
        "key": key,
        "label": label,
        "unit": unit,
        "count": len(inside),
        "days": len(values),
        "first_week": averages[0] if averages else None,
        "last_week": averages[1] if averages else None,
        "change": (averages[1] - averages[0]) if averages else None,
        "mean": sum(v.value for v in values) / len(values) if values else None,
        "lowest": min((v.value for v in values), default=None),
        "highest": max((v.value for v in values), default=None),
        "latest": values[-1].value if values else None,
        "latest_day": values[-1].day if values else None,
        "points": sorted(inside),
        "summary": summary,
        "chart": drawing,
    }


def observations_of(
    circle: Circle, viewer: User, period: Period, *, keys: Sequence[str] = (), kind: str = ""
) -> list[Observation]:
    """Check-in observations inside the period, of built-in trackables ``keys`` or of ``kind``."""
    rows = observations_between(circle=circle, viewer=viewer, start=period.start, end=period.end)
    if keys:
        rows = rows.filter(trackable__key__in=keys)
    if kind:
        rows = rows.filter(trackable__kind=kind)
    return list(rows)


def trackable_trends(
    observations: Sequence[Observation], period: Period, *, chart: bool = True
) -> list[dict[str, Any]]:
    """One trend per trackable version that has values in the period, in the circle's order.

    Versions of a rescaled question are kept apart (never mixed silently); the older one is
    labelled with its scale.
    """
    by_trackable: dict[int, list[Observation]] = {}
    trackables: dict[int, Trackable] = {}
    for o in observations:
        by_trackable.setdefault(o.trackable_id, []).append(o)
        trackables[o.trackable_id] = o.trackable
    names = [t.name for t in trackables.values()]
    trends = []
    for pk, trackable in sorted(trackables.items(), key=lambda kv: (kv[1].position, kv[0])):
        label = trackable.label
        if names.count(trackable.name) > 1:
            label = _("%(label)s (scale %(scale)s)") % {
                "label": label,
                "scale": fmt.scale_label(trackable),
            }
        rating = trackable.kind == Trackable.Kind.RATING
        trend = value_trend(
            key=f"t{pk}",
            label=label,
            unit="" if rating else trackable.unit,
            points=[(o.day, o.value) for o in by_trackable[pk]],
            period=period,
            scale=(trackable.min_value, trackable.max_value) if rating else None,
            chart=chart,
        )
        trend["trackable_key"] = trackable.key
        trend["scale"] = fmt.scale_label(trackable)
        trend["direction"] = trackable.direction
        trends.append(trend)
    return trends


def trend_for(trends: Sequence[dict[str, Any]], key: str) -> dict[str, Any] | None:
    """The trend of the built-in trackable ``key`` (its newest version with values)."""
    found = [t for t in trends if t.get("trackable_key") == key]
    return found[-1] if found else None


def trends_for_keys(
    trends: Sequence[dict[str, Any]], keys: Sequence[str], period: Period
) -> list[dict[str, Any]]:
    """The trend of each built-in ``key`` in order; one saying "nothing recorded" when absent,
    so the report states what it looked for."""
    found = []
    for key in keys:
        trend = trend_for(trends, key)
        if trend is None:
            label = str(TRACKABLES[key].label) if key in TRACKABLES else key
            trend = value_trend(key=key, label=label, unit="", points=[], period=period)
            trend["trackable_key"] = key
        found.append(trend)
    return found
