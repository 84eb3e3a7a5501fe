"""An experiment's result in words: one version for the family, one for the therapist.

Built at display time from the stored numbers, in the viewer's language (Django translations),
so the same result reads in English and in Canadian French.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bedside.interchange import scale_range

from .models import Experiment
from .tonight import technique_words

ALPHA = 0.05


def num(value: float, digits: int = 1) -> str:
    """A number in the viewer's format: "1.2", « 1,2 »; never "-0.0"."""
    rounded = round(value, digits)
    if rounded == 0:
        rounded = 0.0
    return formats.number_format(rounded, digits)


def amount(value: float, unit: str) -> str:
    """ "1.2 points", "0.5 cm", "1 point"."""
    shown = num(abs(value))
    if scale_range(unit) is not None or not unit:
        return ngettext("%(n)s point", "%(n)s points", 1 if abs(value) == 1 else 2) % {"n": shown}
    return f"{shown} {unit}"


def p_text(p: float) -> str:
    return f"p < {num(0.001, 3)}" if p < 0.001 else f"p = {num(p, 3)}"


@dataclass
class Writeup:
    """The family's version: a headline, paragraphs; the therapist's: labelled lines."""

    verdict: str  # helped | worsened | different | no_clear | no_data
    headline: str
    family: list[str] = field(default_factory=list)
    therapist: list[tuple[str, str]] = field(default_factory=list)


def _good(effect: float, direction: str) -> bool | None:
    if direction not in ("lower", "higher") or effect == 0:
        return None
    return (effect < 0) == (direction == "lower")


def _verdict(test: dict[str, Any], direction: str) -> str:
    p, effect = test.get("p_value"), test.get("effect")
    if p is None or effect is None:
        return "no_data"
    if p >= ALPHA:
        return "no_clear"
    good = _good(effect, direction)
    return {True: "helped", False: "worsened", None: "different"}[good]


def _units_words(kind: str, n: int) -> str:
    if kind == Experiment.Design.PAIRS:
        return ngettext("%(n)d pair of evenings", "%(n)d pairs of evenings", n) % {"n": n}
    return ngettext("%(n)d two-week block", "%(n)d two-week blocks", n) % {"n": n}


def writeup(experiment: Experiment, result: dict[str, Any]) -> Writeup:
    test: dict[str, Any] = result["test"]
    adherence: dict[str, Any] = result["adherence"]
    unit = result.get("unit") or experiment.outcome.unit
    direction = result.get("direction") or experiment.outcome.direction
    verdict = _verdict(test, direction)
    what = {
        "technique": technique_words(experiment),
        "outcome": experiment.outcome.label.lower()
        if experiment.outcome.default
        else experiment.outcome.label,
    }
    headline = {
        "helped": _("It helped"),
        "worsened": _("It seems to make things worse"),
        "different": _("A clear difference"),
        "no_clear": _("No clear difference"),
        "no_data": _("Not enough ratings to tell"),
    }[verdict]
    out = Writeup(verdict, headline)
    effect, low, high, p = test["effect"], test["ci_low"], test["ci_high"], test["p_value"]
    if effect is not None:
        change = {
            **what,
            "amount": amount(effect, unit),
            "direction": _("higher") if effect > 0 else _("lower"),
        }
        if experiment.window == Experiment.Window.NEXT_DAY:
            sentence = _(
                "On the day after an evening with %(technique)s, %(outcome)s was about "
                "%(amount)s %(direction)s than after an evening without."
            )
        else:
            sentence = _(
                "In the weeks with %(technique)s, %(outcome)s was about %(amount)s "
                "%(direction)s than in the weeks without (second week of each block)."
            )
        out.family.append(sentence % change)
        if low is not None and high is not None:
            out.family.append(_likely_range(low, high, unit))
        else:
            out.family.append(_("There are too few evenings to put a range on it."))
    if verdict in ("helped", "worsened", "different"):
        out.family.append(
            _(
                "Because the evenings were chosen at random, a difference this clear would "
                "rarely happen by chance (%(p)s)."
            )
            % {"p": p_text(p)}
        )
    elif verdict == "no_clear" and not result.get("stopped_early"):
        detectable = result.get("detectable")
        if detectable is not None:
            out.family.append(
                _(
                    "A change of about %(amount)s or more would probably have shown up; a "
                    "smaller one can't be ruled out."
                )
                % {"amount": amount(detectable, unit)}
            )
    if result.get("stopped_early"):
        out.family.append(_early_stop(experiment, result, verdict, unit))
    share = adherence.get("share")
    if share is not None:
        out.family.append(
            _("The schedule was followed on %(percent)s%% of evenings.")
            % {"percent": num(100 * share, 0)}
        )
    out.family.append(_next_step(verdict))
    out.therapist = _therapist(experiment, result, unit)
    return out


def _likely_range(low: float, high: float, unit: str) -> str:
    """ "between 1.0 and 2.3 points lower", or each end with its direction across zero."""
    if low > 0 or high < 0:
        a, b = sorted((abs(low), abs(high)))
        text = (
            _("The true difference is likely between %(a)s and %(b)s higher.")
            if low > 0
            else _("The true difference is likely between %(a)s and %(b)s lower.")
        )
        return text % {"a": num(a), "b": amount(b, unit)}
    return _("The true difference is likely between %(low)s and %(high)s.") % {
        "low": _signed(low, unit),
        "high": _signed(high, unit),
    }


def _signed(value: float, unit: str) -> str:
    words = amount(value, unit)
    if value > 0:
        return _("%(amount)s higher") % {"amount": words}
    if value < 0:
        return _("%(amount)s lower") % {"amount": words}
    return words


def _early_stop(experiment: Experiment, result: dict[str, Any], verdict: str, unit: str) -> str:
    done, planned = result["units_completed"], result["units_planned"]
    kind = experiment.design
    if result["test"]["p_value"] is None:
        return _(
            "The experiment was stopped before enough evenings had ratings: nothing can be "
            "concluded from it."
        )
    counts = {
        "done": done,
        "planned": _units_words(kind, planned),
    }
    text = _("It was stopped early, after %(done)s of %(planned)s.") % counts
    detectable = result.get("detectable")
    if verdict == "no_clear" and detectable is None:
        text += " " + _(
            "With so few, no difference could have shown up clearly, however large: nothing "
            "can be concluded yet either way."
        )
    elif verdict == "no_clear":
        text += " " + _(
            "With so few, only a large change (about %(amount)s or more) could have shown up; "
            "a smaller effect can't be ruled out."
        ) % {"amount": amount(detectable, unit)}
    elif verdict in ("helped", "worsened", "different"):
        text += " " + _(
            "The difference was clear even so, but a result read early tends to look bigger "
            "than it is."
        )
    return text


def _next_step(verdict: str) -> str:
    if verdict == "helped":
        return _(
            "Not medical advice: share this with your care team before changing the care plan."
        )
    if verdict == "worsened":
        return _("Not medical advice: talk to your care team about it.")
    return _(
        "Not medical advice: you can keep things as they were, or run a longer experiment; "
        "your care team can help decide."
    )


def _therapist(experiment: Experiment, result: dict[str, Any], unit: str) -> list[tuple[str, str]]:
    test: dict[str, Any] = result["test"]
    adherence: dict[str, Any] = result["adherence"]
    kind = experiment.design
    period = _("%(start)s to %(end)s") % {
        "start": formats.date_format(experiment.start_date, "SHORT_DATE_FORMAT"),
        "end": formats.date_format(experiment.end_date, "SHORT_DATE_FORMAT"),
    }
    if kind == Experiment.Design.PAIRS:
        design = _(
            "Randomized n-of-1, %(units)s: within each pair of consecutive evenings one ON and "
            "one OFF, order randomized (seed %(seed)s). Outcome rated the next day."
        ) % {"units": _units_words(kind, experiment.units), "seed": experiment.seed}
        analysis = _(
            "Randomization test: mean ON − OFF difference over complete pairs, referred to "
            "every sign flip of the pairs (%(how)s); two-sided; intention-to-treat by the "
            "schedule. Range by test inversion."
        )
    else:
        design = _(
            "Randomized n-of-1, %(units)s (half ON, assignment randomized among all balanced "
            "ones; seed %(seed)s); ON blocks: a session every %(every)s day(s). First "
            "%(washout)s days of each block treated as wash-out."
        ) % {
            "units": _units_words(kind, experiment.units),
            "seed": experiment.seed,
            "every": experiment.every_days,
            "washout": experiment.washout_days,
        }
        analysis = _(
            "Randomization test: ON − OFF difference of the daily ratings after removing a "
            "linear trend, referred to every balanced assignment of the blocks with data "
            "(%(how)s); two-sided; intention-to-treat by the schedule. Range by test inversion."
        )
    how = (
        ngettext("exact, %(n)d assignment", "exact, %(n)d assignments", test["reference_size"])
        if test.get("exact")
        else _("Monte Carlo, %(n)d random assignments")
    ) % {"n": test.get("reference_size", 0)}
    lines = [
        (_("Question"), experiment.question or str(experiment)),
        (_("Design"), design),
        (_("Period"), period),
        (_("Outcome"), f"{experiment.outcome.label} ({unit})"),
        (_("Analysis"), analysis % {"how": how}),
        (
            _("Units analysed"),
            _("%(used)s of %(planned)s planned (%(on)s ON and %(off)s OFF rated days)")
            % {
                "used": test["units_used"],
                "planned": test["units_planned"],
                "on": test["days_on"],
                "off": test["days_off"],
            },
        ),
        (
            _("Adherence"),
            _(
                "ON evenings done: %(on_done)s of %(on)s; OFF evenings left alone: %(off_left)s of %(off)s"
            )
            % {
                "on_done": adherence["on_done"],
                "on": adherence["on_planned"],
                "off_left": adherence["off_left"],
                "off": adherence["off_planned"],
            },
        ),
    ]
    if test.get("effect") is not None:
        estimate = num(test["effect"], 2)
        if test.get("ci_low") is not None and test.get("ci_high") is not None:
            estimate = _("%(effect)s (95%% range %(low)s to %(high)s)") % {
                "effect": estimate,
                "low": num(test["ci_low"], 2),
                "high": num(test["ci_high"], 2),
            }
        shown_unit = _("points") if scale_range(unit) is not None or not unit else unit
        lines.append((_("Estimate, ON − OFF"), f"{estimate} {shown_unit}"))
    if test.get("p_value") is not None:
        lines.append((_("p-value"), p_text(test["p_value"])))
    caveats = [
        _("one person, not blinded: expectation may play a part"),
        _("carry-over between adjacent evenings would shrink the difference")
        if kind == Experiment.Design.PAIRS
        else _("effects lasting longer than the wash-out would shrink the difference"),
    ]
    if result.get("stopped_early"):
        caveats.append(
            _("stopped early after %(done)s of %(planned)s units")
            % {"done": result["units_completed"], "planned": result["units_planned"]}
        )
    if result.get("detectable") is not None and (test.get("p_value") or 1) >= ALPHA:
        caveats.append(
            _("80%% power only for effects of about %(amount)s or more")
            % {"amount": amount(result["detectable"], unit)}
        )
    lines.append((_("Caveats"), "; ".join(str(c) for c in caveats)))
    return lines
