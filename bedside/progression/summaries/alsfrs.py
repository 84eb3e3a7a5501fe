"""ALSFRS-R history in numbers: scores, stages, ΔFS, slope over a window, due day."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from bedside.circles.days import today as circle_today
from bedside.circles.models import Circle, User
from bedside.measures import (
    BANDINGS,
    ALSFRSError,
    Banding,
    Domains,
    Instrument,
    KingsStaging,
    MitosStaging,
    ProgressionError,
    Slope,
    band_delta_fs,
    delta_fs,
    kings,
    mitos,
    slope,
)

from .. import selectors
from ..models import ALSFRSAssessment

# --- ALSFRS-R -----------------------------------------------------------------------------------

# Slope windows offered on the history page: key → months back from today (None = everything).
SLOPE_WINDOWS: dict[str, int | None] = {"3": 3, "6": 6, "12": 12, "all": None}
DEFAULT_WINDOW = "6"


@dataclass(frozen=True)
class AssessmentSummary:
    """One ALSFRS-R record in numbers. Stages and domains are None for a total-only record."""

    pk: int
    day: dt.date
    total: float
    max_total: int
    instrument: str
    items: tuple[int, ...]
    item5_form: str
    domains: Domains | None
    kings: KingsStaging | None
    mitos: MitosStaging | None
    delta_fs: float | None
    delta_fs_band: str | None
    proxy: bool
    by_name: str
    flags: tuple[str, ...]
    created_by_id: int | None
    note: str = ""

    @property
    def has_items(self) -> bool:
        return bool(self.items)

    @property
    def kings_stage(self) -> str | None:
        return self.kings.stage if self.kings else None

    @property
    def mitos_stage(self) -> int | None:
        return self.mitos.stage if self.mitos else None

    @property
    def is_alsfrs_r(self) -> bool:
        return self.instrument == Instrument.ALSFRS_R.value


def summarise_assessment(
    row: ALSFRSAssessment, *, onset: dt.date | None, banding: Banding
) -> AssessmentSummary:
    """Score, stage and rate one row with :mod:`bedside.measures` (pure: no queries)."""
    assessment = row.assessment()
    domains = staging_k = staging_m = None
    if assessment.has_items and assessment.instrument is Instrument.ALSFRS_R:
        domains = assessment.domains()
        staging_k = kings(assessment)
        staging_m = mitos(assessment)
    rate = band = None
    if assessment.instrument is Instrument.ALSFRS_R and onset is not None and row.day > onset:
        try:
            rate = delta_fs(assessment.total, onset, row.day)
            band = band_delta_fs(rate, banding)
        except ProgressionError:
            rate = band = None
    return AssessmentSummary(
        pk=row.pk,
        day=row.day,
        total=assessment.total,
        max_total=assessment.max_total,
        instrument=assessment.instrument.value,
        items=tuple(int(v) for v in assessment.items),
        item5_form=assessment.item5_form or "",
        domains=domains,
        kings=staging_k,
        mitos=staging_m,
        delta_fs=rate,
        delta_fs_band=band,
        proxy=row.proxy,
        by_name=row.by_name,
        flags=tuple(f.value for f in assessment.flags),
        created_by_id=row.created_by_id,
        note=row.note,
    )


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (or earlier), clamped to the month's length.

    >>> add_months(dt.date(2025, 3, 31), -1)
    datetime.date(2025, 2, 28)
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


@dataclass(frozen=True)
class SlopeWindow:
    key: str  # "3", "6", "12", "all"
    months: int | None
    start: dt.date | None  # None: from the first assessment
    end: dt.date


@dataclass(frozen=True)
class StageChange:
    day: dt.date
    previous_day: dt.date
    system: str  # "kings" or "mitos"
    before: str
    after: str


@dataclass(frozen=True)
class ALSFRSDue:
    """When the next ALSFRS-R is due: the last one plus the circle's interval."""

    last_day: dt.date | None
    every_days: int
    next_due: dt.date
    today: dt.date

    @property
    def is_due(self) -> bool:
        return self.next_due <= self.today

    @property
    def days_overdue(self) -> int:
        return max(0, (self.today - self.next_due).days)


@dataclass(frozen=True)
class ALSFRSHistory:
    rows: tuple[AssessmentSummary, ...]  # oldest first
    window: SlopeWindow
    slope: Slope | None  # None: fewer than 2 ALSFRS-R assessments in the window
    in_window: int
    onset: dt.date | None
    banding: Banding
    due: ALSFRSDue
    stage_changes: tuple[StageChange, ...] = field(default=())

    @property
    def latest(self) -> AssessmentSummary | None:
        return self.rows[-1] if self.rows else None

    @property
    def previous(self) -> AssessmentSummary | None:
        return self.rows[-2] if len(self.rows) > 1 else None

    @property
    def latest_staged(self) -> AssessmentSummary | None:
        """The latest record with items (stages and domains need them)."""
        for row in reversed(self.rows):
            if row.kings is not None:
                return row
        return None

    @property
    def latest_rate(self) -> AssessmentSummary | None:
        """The latest record with a ΔFS."""
        for row in reversed(self.rows):
            if row.delta_fs is not None:
                return row
        return None


def due_from(last_day: dt.date | None, every_days: int, today: dt.date) -> ALSFRSDue:
    """Pure: the next due day is the last assessment plus the interval; today if none yet."""
    next_due = today if last_day is None else last_day + dt.timedelta(days=every_days)
    return ALSFRSDue(last_day=last_day, every_days=every_days, next_due=next_due, today=today)


def stage_changes(rows: Sequence[AssessmentSummary]) -> list[StageChange]:
    """Where King's or MiToS stage differs from the previous staged record (pure)."""
    changes: list[StageChange] = []
    staged = [r for r in rows if r.kings is not None and r.mitos is not None]
    for before, after in zip(staged, staged[1:], strict=False):
        for system, old, new in (
            ("kings", before.kings_stage, after.kings_stage),
            ("mitos", str(before.mitos_stage), str(after.mitos_stage)),
        ):
            if old != new:
                changes.append(StageChange(after.day, before.day, system, str(old), str(new)))
    return changes


def slope_in_window(
    rows: Sequence[AssessmentSummary], window: SlopeWindow
) -> tuple[Slope | None, int]:
    """Least-squares slope of ALSFRS-R totals inside the window, and how many fell in it."""
    points = [
        (r.day, float(r.total))
        for r in rows
        if r.is_alsfrs_r and (window.start is None or r.day >= window.start) and r.day <= window.end
    ]
    try:
        return slope(points, start=window.start, end=window.end), len(points)
    except ProgressionError:
        return None, len(points)


def alsfrs_due(circle: Circle, viewer: User, *, today: dt.date | None = None) -> ALSFRSDue:
    settings = selectors.settings_for(circle=circle, viewer=viewer)
    rows = selectors.assessments_for(circle=circle, viewer=viewer)
    today = today or circle_today(circle)
    return due_from(rows[-1].day if rows else None, settings.alsfrs_every_days, today)


def alsfrs_history(
    circle: Circle, viewer: User, *, window: str = DEFAULT_WINDOW, today: dt.date | None = None
) -> ALSFRSHistory:
    """Every ALSFRS-R record of the circle in numbers, with the slope over ``window``."""
    settings = selectors.settings_for(circle=circle, viewer=viewer)
    banding = BANDINGS.get(settings.delta_fs_banding, BANDINGS["kimura2006"])
    onset = circle.symptom_onset
    rows: list[AssessmentSummary] = []
    for row in selectors.assessments_for(circle=circle, viewer=viewer):
        try:
            rows.append(summarise_assessment(row, onset=onset, banding=banding))
        except ALSFRSError:
            continue  # a row the database allowed but the scale cannot score: not shown
    today = today or circle_today(circle)
    key = window if window in SLOPE_WINDOWS else DEFAULT_WINDOW
    months = SLOPE_WINDOWS[key]
    span = SlopeWindow(
        key=key, months=months, start=add_months(today, -months) if months else None, end=today
    )
    fitted, count = slope_in_window(rows, span)
    if span.start is None and fitted is not None:
        span = SlopeWindow(key=key, months=None, start=fitted.start, end=today)
    return ALSFRSHistory(
        rows=tuple(rows),
        window=span,
        slope=fitted,
        in_window=count,
        onset=onset,
        banding=banding,
        due=due_from(rows[-1].day if rows else None, settings.alsfrs_every_days, today),
        stage_changes=tuple(stage_changes(rows)),
    )
