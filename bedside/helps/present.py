"""From the cached analysis rows to what the page shows: words, numbers and a small chart."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bedside.interchange import scale_range

from .charts import Row, comparison_svg
from .writeups import num

CHARTED = ("finding", "maybe", "no_clear_effect")


@dataclass
class Item:
    """One result on the page."""

    key: str
    label: str
    sentence: str
    caveats: list[str]
    days_text: str
    chart: str
    chart_text: list[str]  # the chart's numbers as sentences (its visible text alternative)
    experiment_url: str
    held_back: bool
    anchor: str
    subject: str  # "massage gun → stiffness", to tell buttons apart for screen readers


def _scale(unit: str, values: list[float]) -> tuple[float, float]:
    scale = scale_range(unit)
    if scale is not None:
        return scale
    lo, hi = min(values), max(values)
    pad = max((hi - lo) * 0.5, abs(hi) * 0.1, 0.5)
    return (min(0.0, lo - pad) if lo >= 0 else lo - pad, hi + pad)


def _with_without_labels(row: dict[str, Any]) -> tuple[str, str]:
    window = row["window"]
    if window == "next_day":
        return _("The day after a session"), _("The day after none")
    if window == "rest_of_week":
        return _("Days 2 to 7 after a session"), _("Other days")
    return _("Later the same day, after a session"), _("Other days")


def chart_for(row: dict[str, Any], chart_id: str) -> tuple[str, list[str]]:
    """The SVG and its text alternative, or ("", []) when there is nothing to draw."""
    unit = row.get("unit") or ""
    if row.get("method") == "before_after":
        effect, low, high = row.get("effect"), row.get("ci_low"), row.get("ci_high")
        if effect is None:
            return "", []
        n = row.get("days_with") or 0
        text = ngettext(
            "Change from just before to right after a session: %(value)s on average (%(n)d evening).",
            "Change from just before to right after a session: %(value)s on average (%(n)d evenings).",
            n,
        ) % {"value": num(effect), "n": n}
        ends = [abs(v) for v in (effect, low, high) if v is not None]
        m = max([*ends, 1.0]) * 1.2
        rows = [Row(_("Change right after: %(value)s") % {"value": num(effect)}, effect, low, high)]
        svg = comparison_svg(
            chart_id=chart_id,
            title=_("Change right after a session"),
            description=text,
            rows=rows,
            lo=-m,
            hi=m,
            ticks=[(-m, num(-m)), (0.0, "0"), (m, num(m))],
            zero=True,
        )
        return svg, [text]
    mean_with, mean_without = row.get("mean_with"), row.get("mean_without")
    if mean_with is None or mean_without is None:
        return "", []
    label_with, label_without = _with_without_labels(row)
    n_with, n_without = row.get("days_with") or 0, row.get("days_without") or 0
    line_with = _("%(label)s: %(value)s on average (%(n)d days).") % {
        "label": label_with,
        "value": num(mean_with),
        "n": n_with,
    }
    line_without = _("%(label)s: %(value)s on average (%(n)d days).") % {
        "label": label_without,
        "value": num(mean_without),
        "n": n_without,
    }
    lo, hi = _scale(unit, [mean_with, mean_without])
    svg = comparison_svg(
        chart_id=chart_id,
        title=_("%(outcome)s with and without %(technique)s")
        % {"outcome": row["outcome"], "technique": row["intervention"]},
        description=f"{line_with} {line_without}",
        rows=[
            Row(f"{label_with}: {num(mean_with)}", mean_with, shape=3, css="with"),
            Row(f"{label_without}: {num(mean_without)}", mean_without, shape=1, css="without"),
        ],
        lo=lo,
        hi=hi,
        ticks=[(lo, num(lo, 0)), (hi, num(hi, 0))],
    )
    return svg, [line_with, line_without]


def _days_text(row: dict[str, Any]) -> str:
    n_with, n_without = row.get("days_with") or 0, row.get("days_without")
    if row.get("method") == "before_after" or n_without is None:
        return ngettext(
            "%(n)d evening with ratings before and after",
            "%(n)d evenings with ratings before and after",
            n_with,
        ) % {"n": n_with}
    return _("%(with)d days with, %(without)d days without") % {
        "with": n_with,
        "without": n_without,
    }


def experiment_url(slug: str, row: dict[str, Any]) -> str:
    """The wizard, pre-filled from a result (technique, outcome, window, size)."""
    if not row.get("technique_id") or not row.get("trackable_id"):
        return ""
    window = "week" if row.get("window") == "rest_of_week" else "next_day"
    query = {"technique": row["technique_id"], "outcome": row["trackable_id"], "window": window}
    if row.get("effect") is not None:
        query["effect"] = f"{abs(row['effect']):.1f}"
    return f"{reverse('helps:experiment_new', args=[slug])}?{urlencode(query)}"


def prepare(rows: list[dict[str, Any]], slug: str) -> None:
    """Add each row's chart, its text and the wizard link (stored with the cached analysis,
    which is per language, so a page view only reads them)."""
    for i, row in enumerate(rows):
        svg, text = chart_for(row, f"chart-{i}") if row["label"] in CHARTED else ("", [])
        row["chart"], row["chart_text"] = svg, text
        row["days_text"] = _days_text(row)
        row["experiment_url"] = experiment_url(slug, row)


def items(rows: list[dict[str, Any]], slug: str, *, charts: bool = True) -> list[Item]:
    out = []
    for i, row in enumerate(rows):
        if "chart" in row:  # prepared when the analysis was computed
            out.append(
                Item(
                    key=row["key"],
                    label=row["label"],
                    sentence=row["wording"],
                    caveats=list(row.get("caveats") or []),
                    days_text=row["days_text"],
                    chart=row["chart"] if charts else "",
                    chart_text=row["chart_text"] if charts else [],
                    experiment_url=row["experiment_url"],
                    held_back=bool(row.get("held_back")),
                    anchor=f"result-{i}",
                    subject=f"{row['intervention']} → {row['outcome']}",
                )
            )
            continue
        anchor = f"result-{i}"
        # Charts for what was estimated; "too early" and "can't tell apart" rows (hundreds in
        # a long log) keep the page light with their sentence alone.
        drawn = charts and row["label"] in CHARTED
        svg, text = chart_for(row, f"chart-{i}") if drawn else ("", [])
        out.append(
            Item(
                key=row["key"],
                label=row["label"],
                sentence=row["wording"],
                caveats=list(row.get("caveats") or []),
                days_text=_days_text(row),
                chart=svg,
                chart_text=text,
                experiment_url=experiment_url(slug, row),
                held_back=bool(row.get("held_back")),
                anchor=anchor,
                subject=f"{row['intervention']} → {row['outcome']}",
            )
        )
    return out
