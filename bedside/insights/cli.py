"""``bedside analyze FILE.csv --format json|text``: the engine on an interchange file.

No database and no server. Exit codes: 0 — analysed (every pair examined is listed, even when all
of them are "too early"); 1 — a valid file the engine cannot use (no ratings or no techniques):
the reason goes to stderr and, with ``--format json``, a JSON object with an empty ``findings``
list and that ``reason`` still goes to stdout; 2 — a file that cannot be read or has bad rows
(every bad row is named on stderr, with its line number).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from bedside.interchange import InterchangeError, read_events

from .engine import LABEL_ORDER, Analysis, analyze
from .wording import lang

HEADINGS = {
    "en": {
        "finding": "Looks like it helps or worsens",
        "maybe": "Maybe — keep logging",
        "no_clear_effect": "No clear effect yet",
        "too_early": "Too early to tell",
        "cant_tell_apart": "Can't tell apart",
    },
    "fr": {
        "finding": "Semble aider ou nuire",
        "maybe": "Peut-être — continuez à noter",
        "no_clear_effect": "Pas d'effet clair pour l'instant",
        "too_early": "Trop tôt pour le dire",
        "cant_tell_apart": "Impossible à distinguer",
    },
}
INTRO = {
    "en": "What helps, from {first} to {last}: {n} technique × outcome × window pairs examined.",
    "fr": "Ce qui aide, du {first} au {last} : {n} paires technique × mesure × période examinées.",
}


def _time(text: str) -> dt.time:
    try:
        return dt.time.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time like 04:00")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bedside analyze",
        description="What helps: analyse an interchange CSV file (no database needed).",
    )
    parser.add_argument("file", help="interchange CSV file, or - for standard input")
    parser.add_argument("--format", choices=("json", "text"), default="text")
    parser.add_argument("--day-boundary", type=_time, default=dt.time(4, 0), metavar="HH:MM")
    parser.add_argument("--language", choices=("en", "fr"), default="en")
    parser.add_argument(
        "--one-look",
        action="store_true",
        help="a single analysis: do not require a finding to have held on the log as it stood "
        "a week earlier too (the What helps page requires it, because it is re-run every week)",
    )
    return parser


def text_report(analysis: Analysis) -> str:
    language = lang(analysis.language)
    lines = [
        INTRO[language].format(
            first=analysis.first_day, last=analysis.last_day, n=len(analysis.findings)
        )
    ]
    for label in LABEL_ORDER:
        group = [f for f in analysis.findings if f.label == label]
        if not group:
            continue
        lines += ["", f"{HEADINGS[language][label]} ({len(group)})"]
        for f in group:
            lines.append(f"- {f.intervention} → {f.outcome}: {f.wording}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.file == "-":
            events = read_events(sys.stdin)
        else:
            with open(args.file, encoding="utf-8", newline="") as handle:
                events = read_events(handle)
    except OSError as problem:
        print(f"bedside analyze: cannot read {args.file}: {problem.strerror}", file=sys.stderr)
        return 2
    except UnicodeDecodeError:
        print(f"bedside analyze: {args.file} is not UTF-8 text", file=sys.stderr)
        return 2
    except InterchangeError as problem:
        print(f"bedside analyze: {args.file} cannot be used:", file=sys.stderr)
        for error in problem.errors:
            print(f"  {error}", file=sys.stderr)
        return 2
    analysis = analyze(
        events, day_boundary=args.day_boundary, language=args.language, confirm=not args.one_look
    )
    if args.format == "json":
        print(analysis.to_json())
    if analysis.reason:
        print(f"bedside analyze: {analysis.reason}", file=sys.stderr)
        return 1
    if args.format == "text":
        print(text_report(analysis), end="")
    return 0
