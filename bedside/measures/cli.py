"""``bedside alsfrs``: score one ALSFRS-R assessment from the command line (no Django).

Usage::

    bedside alsfrs 4 4 3 4 5a=3 4 4 3 3 4 4 4 --format json

Twelve values in item order. The fifth may be written ``5a=N`` or ``5b=N`` (the gastrostomy
form); a plain number there means 5a.

Half points: refused unless ``--half-points`` is given. The scale is administered in whole
points; half points only appear in imported records, so accepting them must be a deliberate
choice. The older 10-item ALSFRS is recognised and refused with its own message: it has no
items 11 and 12, so neither King's nor MiToS can be estimated from it.

Any bad input prints one clear line to stderr and exits with code 2 (as argparse does).
"""

from __future__ import annotations

import argparse
import json
import re
import sys

from .alsfrs import ALSFRSError, Assessment, Flag
from .staging import kings, mitos

EXIT_USAGE = 2
_NUMBER = re.compile(r"-?\d+(\.\d+)?")
_DOMAIN_LINES = (
    ("bulbar", "bulbar (items 1–3)"),
    ("fine_motor", "fine motor (items 4–6)"),
    ("gross_motor", "gross motor (items 7–9)"),
    ("respiratory", "respiratory (items 10–12)"),
)


class _InputError(Exception):
    """Bad command-line input: the message is printed as it is."""


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bedside alsfrs",
        description=(
            "Score one ALSFRS-R assessment: total, domain subscores, King's and MiToS stages."
        ),
        epilog=(
            "Example: bedside alsfrs 4 4 3 4 5a=3 4 4 3 3 4 4 4 --format json. "
            "Item 5 may be written 5a=N or 5b=N (gastrostomy form); a plain number means 5a. "
            "Stages describe function; they are not a diagnosis."
        ),
    )
    parser.add_argument(
        "items",
        nargs="+",
        metavar="ITEM",
        help="the 12 item scores in order, each 0–4 (item 5 as N, 5a=N or 5b=N)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default) explains the result in words; json prints one object",
    )
    parser.add_argument(
        "--half-points",
        action="store_true",
        help="accept x.5 scores, as found in some imported records (refused by default)",
    )
    return parser


def _parse_number(raw: str, label: str) -> float:
    if not _NUMBER.fullmatch(raw.strip()):
        raise _InputError(f"item {label}: {raw!r} is not a number")
    value = float(raw)
    return int(value) if value.is_integer() else value


def _parse_items(tokens: list[str], half_points: bool) -> Assessment:
    """Turn the positional tokens into an assessment, or raise with a message for a person."""
    labels = [t.split("=", 1)[0].strip().lower() for t in tokens if "=" in t]
    if "5a" in labels and "5b" in labels:
        raise _InputError("item 5 was given as both 5a and 5b; give it once, as 5a=N or 5b=N")
    if len(tokens) == 10:
        raise _InputError(
            "got 10 values: that is the older 10-item ALSFRS (0–40), which this command does "
            "not score; give the 12 ALSFRS-R items"
        )
    if len(tokens) != 12:
        raise _InputError(f"expected the 12 ALSFRS-R item scores in order; got {len(tokens)}")
    values: list[float] = []
    item5 = "5a"
    for position, token in enumerate(tokens, start=1):
        label = str(position)
        raw = token
        if "=" in token:
            label, raw = (part.strip() for part in token.split("=", 1))
            label = label.lower()
            if label not in ("5a", "5b"):
                raise _InputError(f"{token!r}: only item 5 can be labelled, as 5a=N or 5b=N")
            if position != 5:
                raise _InputError(
                    f"{token!r} is value number {position}; item 5 must be the fifth value"
                )
            item5 = label
        elif position == 5:
            label = "5a"
        value = _parse_number(raw, label)
        if not half_points and not float(value).is_integer():
            raise _InputError(
                f"item {label}: {raw} is not a whole point; half points are accepted only with "
                "--half-points (they come from imported records)"
            )
        values.append(value)
    return Assessment.from_items(values, item5=item5, half_points_allowed=half_points)


def result(assessment: Assessment) -> dict[str, object]:
    """The JSON object for one scored assessment (also what the text output is built from)."""
    domains = assessment.domains()
    k = kings(assessment)
    m = mitos(assessment)
    return {
        "instrument": str(assessment.instrument),
        "items": list(assessment.items),
        "item5": assessment.item5_form,
        "gastrostomy": assessment.gastrostomy,
        "total": assessment.total,
        "max_total": assessment.max_total,
        "bulbar": domains.bulbar,
        "fine_motor": domains.fine_motor,
        "gross_motor": domains.gross_motor,
        "respiratory": domains.respiratory,
        "kings": k.stage,
        "kings_regions": k.regions,
        "kings_4a": k.nutritional_4a,
        "kings_4b": k.respiratory_4b,
        "kings_explanation": k.explanation,
        "mitos": m.stage,
        "mitos_lost": list(m.lost),
        "flags": [str(flag) for flag in assessment.flags],
    }


def _text(assessment: Assessment) -> str:
    data = result(assessment)
    k = kings(assessment)
    m = mitos(assessment)
    lines = [f"ALSFRS-R total: {data['total']} of {data['max_total']}"]
    width = max(len(label) for _, label in _DOMAIN_LINES)
    lines += [f"  {label:<{width}}  {data[key]} of 12" for key, label in _DOMAIN_LINES]
    if assessment.gastrostomy:
        lines.append("Item 5 was answered as 5b, the form for people with a gastrostomy.")
    else:
        lines.append("Item 5 was answered as 5a (no gastrostomy).")
    if Flag.HALF_POINTS in assessment.flags:
        lines.append("Half points were accepted, as in an imported record.")
    lines.append(f"King's stage {k.explanation}.")
    if k.respiratory_4b and k.nutritional_4a:
        lines.append("  The 4A criterion (gastrostomy form of item 5) is met as well.")
    if m.lost:
        lines.append(
            f"MiToS stage {m.stage}: {m.stage} of 4 functional domains lost ({', '.join(m.lost)})."
        )
    else:
        lines.append("MiToS stage 0: no functional domain lost.")
    lines.append(
        "Stages are estimated from the ALSFRS-R (King's: Roche 2012, mapping by Balendra 2014; "
        "MiToS: Chiò 2015). They describe function, not a diagnosis."
    )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Run ``bedside alsfrs``; returns the exit code (0, or 2 for bad input).

    Examples
    --------
    >>> main(["4", "4", "3", "4", "5a=3", "4", "4", "3", "3", "4", "4", "4", "--format", "json"])
    ... # doctest: +ELLIPSIS
    {
      "instrument": "ALSFRS-R",
    ...
      "total": 44,
    ...
    0
    """
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        # argparse has printed its message (or the help); keep its code.
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    try:
        assessment = _parse_items(list(args.items), half_points=bool(args.half_points))
    except (_InputError, ALSFRSError) as error:
        parser.print_usage(sys.stderr)
        print(f"bedside alsfrs: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        print(json.dumps(result(assessment), indent=2, ensure_ascii=False))
    else:
        print(_text(assessment))
    return 0
