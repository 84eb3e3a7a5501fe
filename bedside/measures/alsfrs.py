"""ALSFRS-R scoring: one assessment, its total and its four domain subscores.

The revised ALS Functional Rating Scale has 12 items, each scored 0 (no function) to 4
(normal), total 0–48. Item 5 has two forms — 5a without and 5b with a gastrostomy — and exactly
one of them counts; which one was answered is the gastrostomy flag.

Real records are messier than the paper: imported data hold half points, rows with only a total,
and the older 10-item ALSFRS (0–40). An :class:`Assessment` keeps a *source* total (what the
record said) apart from the *computed* one (the sum of the items), and carries :class:`Flag`
values for what is unusual about it. Values that cannot exist raise :class:`ALSFRSError` with a
message naming the item and the allowed range.

Item texts: the published wording's licence is *unverified* (see CLINICAL.md), so only short
paraphrases of our own appear here; records store the numeric codes.

References
----------
.. [1] Cedarbaum JM, Stambler N, Malta E, et al. The ALSFRS-R: a revised ALS functional rating
   scale that incorporates assessments of respiratory function. J Neurol Sci. 1999;169:13–21.
.. [2] The ALS CNTF Treatment Study (ACTS) Phase I-II Study Group. The Amyotrophic Lateral
   Sclerosis Functional Rating Scale. Arch Neurol. 1996;53:141–147 (the older 10-item ALSFRS).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

ITEM_MIN = 0
ITEM_MAX = 4


class ALSFRSError(ValueError):
    """An assessment that cannot exist, or a question it cannot answer.

    The message names the item (number and paraphrase) and the allowed values, so it can be shown
    to a person as it is.
    """


class Instrument(StrEnum):
    """Which rating scale a record uses."""

    ALSFRS_R = "ALSFRS-R"  # Cedarbaum 1999: 12 items, 0–48
    ALSFRS = "ALSFRS"  # ACTS 1996: the older 10 items, 0–40


class Flag(StrEnum):
    """Something unusual about a record, kept with it rather than silently corrected."""

    OLDER_ALSFRS = "older-alsfrs"  # the 10-item ALSFRS: not comparable point for point
    TOTAL_ONLY = "total-only"  # no item scores: no subscores, no staging
    HALF_POINTS = "half-points"  # at least one item scored x.5 (imported data only)
    SOURCE_TOTAL_MISMATCH = "source-total-mismatch"  # the record's total ≠ the sum of its items


ITEM_COUNT: dict[Instrument, int] = {Instrument.ALSFRS_R: 12, Instrument.ALSFRS: 10}
MAX_TOTAL: dict[Instrument, int] = {Instrument.ALSFRS_R: 48, Instrument.ALSFRS: 40}

# Our own short paraphrases (1-based item number → name). Position 5 is 5a or 5b. Items 10–12
# are dyspnea, orthopnea and respiratory insufficiency in the paper's terms.
ITEM_NAMES: tuple[str, ...] = (
    "speech",
    "salivation",
    "swallowing",
    "handwriting",
    "cutting food and handling utensils",
    "dressing and hygiene",
    "turning in bed",
    "walking",
    "climbing stairs",
    "shortness of breath",
    "breathing lying flat",
    "breathing support",
)
# The older ALSFRS shares items 1–9 and has a single breathing item 10.
OLDER_ITEM_NAMES: tuple[str, ...] = (*ITEM_NAMES[:9], "breathing")

# Domain → 1-based item positions (position 5 is whichever of 5a/5b was answered).
DOMAINS: dict[str, tuple[int, ...]] = {
    "bulbar": (1, 2, 3),
    "fine_motor": (4, 5, 6),
    "gross_motor": (7, 8, 9),
    "respiratory": (10, 11, 12),
}


@dataclass(frozen=True)
class Domains:
    """The four domain subscores of one assessment.

    Each ALSFRS-R domain runs 0–12. For the older 10-item ALSFRS the respiratory domain is the
    single breathing item (0–4): ``respiratory_max`` says which.
    """

    bulbar: float
    fine_motor: float
    gross_motor: float
    respiratory: float
    respiratory_max: int = 12

    @property
    def total(self) -> float:
        """The sum of the four domains (always the assessment's computed total)."""
        return self.bulbar + self.fine_motor + self.gross_motor + self.respiratory


def _whole_if_possible(value: float) -> float:
    """Return ``4`` for ``4.0`` so totals and JSON read as whole numbers when they are."""
    return int(value) if float(value).is_integer() else float(value)


def _check_score(value: object, label: str, high: int, half_points_allowed: bool) -> float:
    """Validate one score (an item or a total) and return it normalised."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ALSFRSError(f"{label} is {value!r}, not a number")
    if math.isnan(value) or math.isinf(value):
        raise ALSFRSError(f"{label} is not a number")
    if not ITEM_MIN <= value <= high:
        raise ALSFRSError(f"{label} is {value:g}; it must be between {ITEM_MIN} and {high}")
    if not float(value).is_integer():
        if not (value * 2).is_integer():
            raise ALSFRSError(
                f"{label} is {value:g}; scores are whole points (half points only in imported records)"
            )
        if not half_points_allowed:
            raise ALSFRSError(
                f"{label} is {value:g}; half points are only accepted for imported records"
            )
    return _whole_if_possible(value)


@dataclass(frozen=True)
class Assessment:
    """One ALSFRS-R (or older ALSFRS) assessment, validated when it is made.

    Prefer the constructors :meth:`from_items` and :meth:`from_total`.

    Parameters
    ----------
    items : tuple of float
        Item scores in order 1–12 (10 for the older ALSFRS); position 5 holds 5a or 5b.
        Empty for a total-only record.
    gastrostomy : bool or None
        True when item 5 was answered as 5b (the gastrostomy form). With items and ``None``,
        item 5 is taken as 5a. May stay ``None`` (unknown) on a total-only record.
    instrument : Instrument
        ALSFRS-R (default) or the older 10-item ALSFRS.
    source_total : float or None
        The total written in the source record, kept apart from the computed one.
    half_points_allowed : bool
        Accept x.5 scores (imported data); whole points only otherwise.

    Raises
    ------
    ALSFRSError
        An item outside 0–4, a score that is not a whole or half point, the wrong number of
        items, a total outside the instrument's range, or no items and no total.

    Notes
    -----
    The older ALSFRS is accepted with the same item 5 forms as the ALSFRS-R; that its item 5
    had the same gastrostomy alternative is *unverified*. Its single breathing item (10) makes
    the respiratory domain 0–4, and it cannot be staged.

    References
    ----------
    Cedarbaum et al., J Neurol Sci 1999;169:13–21.

    Examples
    --------
    >>> a = Assessment.from_items([4, 4, 3, 4, 3, 4, 4, 3, 3, 4, 4, 4])
    >>> a.total, a.gastrostomy
    (44, False)
    >>> a.domains()
    Domains(bulbar=11, fine_motor=11, gross_motor=10, respiratory=12, respiratory_max=12)
    >>> Assessment.from_items([4, 4, 4, 4, 5, 4, 4, 4, 4, 4, 4, 4])
    Traceback (most recent call last):
    ...
    bedside.measures.alsfrs.ALSFRSError: item 5a (cutting food and handling utensils) is 5; it must be between 0 and 4
    """

    items: tuple[float, ...] = ()
    gastrostomy: bool | None = None
    instrument: Instrument = Instrument.ALSFRS_R
    source_total: float | None = None
    half_points_allowed: bool = False

    def __post_init__(self) -> None:
        # Normalising inside a frozen dataclass: the values are checked copies of the inputs.
        instrument = Instrument(self.instrument)
        items = tuple(self.items)
        expected = ITEM_COUNT[instrument]
        if items and len(items) != expected:
            raise ALSFRSError(f"an {instrument} assessment has {expected} items; got {len(items)}")
        if not items and self.source_total is None:
            raise ALSFRSError("an assessment needs either item scores or a total")
        gastrostomy = self.gastrostomy
        if items and gastrostomy is None:
            gastrostomy = False  # a plain item 5 is the usual form, 5a
        names = ITEM_NAMES if instrument is Instrument.ALSFRS_R else OLDER_ITEM_NAMES
        checked = tuple(
            _check_score(
                value,
                f"item {_label(position, gastrostomy)} ({names[position - 1]})",
                ITEM_MAX,
                self.half_points_allowed,
            )
            for position, value in enumerate(items, start=1)
        )
        source_total = self.source_total
        if source_total is not None:
            source_total = _check_score(
                source_total,
                f"the {instrument} total",
                MAX_TOTAL[instrument],
                self.half_points_allowed,
            )
        object.__setattr__(self, "instrument", instrument)
        object.__setattr__(self, "items", checked)
        object.__setattr__(self, "gastrostomy", gastrostomy)
        object.__setattr__(self, "source_total", source_total)

    @classmethod
    def from_items(
        cls,
        values: Sequence[float],
        *,
        item5: str = "5a",
        source_total: float | None = None,
        half_points_allowed: bool = False,
    ) -> Assessment:
        """Make an assessment from its item scores; 10 values are the older ALSFRS.

        Parameters
        ----------
        values : sequence of float
            12 ALSFRS-R item scores in order (10 for the older ALSFRS, recognised and flagged).
        item5 : {"5a", "5b"}
            Which form item 5 was answered in; "5b" means a gastrostomy.
        source_total : float, optional
            The total the source record gave, kept apart from the computed one.
        half_points_allowed : bool
            Accept x.5 scores, as found in imported data.

        Examples
        --------
        >>> Assessment.from_items([1, 2, 1, 3, 3, 3, 3, 3, 2, 3, 3, 4], item5="5b").gastrostomy
        True
        >>> older = Assessment.from_items([4] * 10)
        >>> older.instrument, older.total, older.flags
        (<Instrument.ALSFRS: 'ALSFRS'>, 40, (<Flag.OLDER_ALSFRS: 'older-alsfrs'>,))
        """
        if item5 not in ("5a", "5b"):
            raise ALSFRSError(f'item 5 must be answered as "5a" or "5b", not {item5!r}')
        if len(values) == ITEM_COUNT[Instrument.ALSFRS]:
            instrument = Instrument.ALSFRS
        elif len(values) == ITEM_COUNT[Instrument.ALSFRS_R]:
            instrument = Instrument.ALSFRS_R
        else:
            raise ALSFRSError(
                f"an ALSFRS-R assessment has 12 item scores (the older ALSFRS 10); got {len(values)}"
            )
        return cls(
            items=tuple(values),
            gastrostomy=item5 == "5b",
            instrument=instrument,
            source_total=source_total,
            half_points_allowed=half_points_allowed,
        )

    @classmethod
    def from_total(
        cls,
        total: float,
        *,
        instrument: Instrument = Instrument.ALSFRS_R,
        gastrostomy: bool | None = None,
        half_points_allowed: bool = False,
    ) -> Assessment:
        """Make a total-only record (imported data without item scores).

        A total alone cannot say which instrument it came from (30 fits both), so the caller
        names it.

        Examples
        --------
        >>> record = Assessment.from_total(38)
        >>> record.total, record.computed_total, record.flags
        (38, None, (<Flag.TOTAL_ONLY: 'total-only'>,))
        >>> Assessment.from_total(44, instrument=Instrument.ALSFRS)
        Traceback (most recent call last):
        ...
        bedside.measures.alsfrs.ALSFRSError: the ALSFRS total is 44; it must be between 0 and 40
        """
        return cls(
            source_total=total,
            instrument=instrument,
            gastrostomy=gastrostomy,
            half_points_allowed=half_points_allowed,
        )

    @property
    def has_items(self) -> bool:
        """True when item scores are known (not a total-only record)."""
        return bool(self.items)

    @property
    def item5_form(self) -> str | None:
        """``"5a"`` or ``"5b"``, or ``None`` when not known (total-only without the flag)."""
        if self.gastrostomy is None:
            return None
        return "5b" if self.gastrostomy else "5a"

    @property
    def computed_total(self) -> float | None:
        """The sum of the item scores, or ``None`` for a total-only record."""
        if not self.items:
            return None
        return _whole_if_possible(sum(self.items))

    @property
    def total(self) -> float:
        """The total to use: the computed one when items are known, else the source total."""
        computed = self.computed_total
        if computed is not None:
            return computed
        assert self.source_total is not None  # guaranteed by __post_init__
        return self.source_total

    @property
    def max_total(self) -> int:
        """48 for ALSFRS-R, 40 for the older ALSFRS."""
        return MAX_TOTAL[self.instrument]

    @property
    def flags(self) -> tuple[Flag, ...]:
        """What is unusual about this record, in a fixed order.

        Examples
        --------
        >>> Assessment.from_items([4] * 12, source_total=47).flags
        (<Flag.SOURCE_TOTAL_MISMATCH: 'source-total-mismatch'>,)
        """
        flags: list[Flag] = []
        if self.instrument is Instrument.ALSFRS:
            flags.append(Flag.OLDER_ALSFRS)
        if not self.items:
            flags.append(Flag.TOTAL_ONLY)
        if any(not float(value).is_integer() for value in self.items):
            flags.append(Flag.HALF_POINTS)
        computed = self.computed_total
        if computed is not None and self.source_total is not None and computed != self.source_total:
            flags.append(Flag.SOURCE_TOTAL_MISMATCH)
        return tuple(flags)

    def item(self, which: int | str) -> float:
        """One item's score, by number (1–12) or as ``"5a"``/``"5b"``.

        Raises
        ------
        ALSFRSError
            A total-only record, a number out of range, or the item 5 form that was not answered.

        Examples
        --------
        >>> a = Assessment.from_items([4, 4, 4, 4, 2, 4, 4, 4, 4, 4, 4, 4], item5="5b")
        >>> a.item(5), a.item("5b")
        (2, 2)
        >>> a.item("5a")
        Traceback (most recent call last):
        ...
        bedside.measures.alsfrs.ALSFRSError: item 5a was not answered: this assessment used 5b
        """
        if not self.items:
            raise ALSFRSError("this record holds only a total, no item scores")
        if isinstance(which, str):
            if which not in ("5a", "5b"):
                raise ALSFRSError(f'item {which!r} does not exist; item 5 is "5a" or "5b"')
            if which != self.item5_form:
                raise ALSFRSError(
                    f"item {which} was not answered: this assessment used {self.item5_form}"
                )
            return self.items[4]
        if not 1 <= which <= len(self.items):
            raise ALSFRSError(f"item {which} does not exist in the {self.instrument}")
        return self.items[which - 1]

    def domains(self) -> Domains:
        """The four domain subscores (bulbar 1–3, fine motor 4–6, gross motor 7–9, respiratory).

        Raises
        ------
        ALSFRSError
            For a total-only record.
        """
        if not self.items:
            raise ALSFRSError("domain subscores need item scores; this record holds only a total")

        def subtotal(positions: tuple[int, ...]) -> float:
            return _whole_if_possible(
                sum(self.items[p - 1] for p in positions if p <= len(self.items))
            )

        older = self.instrument is Instrument.ALSFRS
        return Domains(
            bulbar=subtotal(DOMAINS["bulbar"]),
            fine_motor=subtotal(DOMAINS["fine_motor"]),
            gross_motor=subtotal(DOMAINS["gross_motor"]),
            respiratory=subtotal(DOMAINS["respiratory"]),
            respiratory_max=4 if older else 12,
        )


def _label(position: int, gastrostomy: bool | None) -> str:
    """``"5a"``/``"5b"`` for position 5, the number otherwise (for messages)."""
    if position == 5:
        return "5b" if gastrostomy else "5a"
    return str(position)
