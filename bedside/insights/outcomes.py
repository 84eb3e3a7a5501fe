"""Outcomes the engine knows: which direction is better, and how to name their units.

Only known outcomes are ever said to "help" or "worsen"; for any other name the engine says
"higher" or "lower" and nothing more. Names are matched after :func:`normalize` (case, spaces,
hyphens, underscores, a trailing parenthesis such as "Energy (battery)"), in English and in the
Canadian French the app uses.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

Direction = Literal["lower", "higher"]

# Which way is better, for the outcomes the engine knows.
DIRECTIONS: dict[str, Direction] = {
    "stiffness": "lower",
    "pain": "lower",
    "headache": "lower",
    "swelling": "lower",
    "sleep quality": "higher",
    "breathing ease": "higher",
    "voice strength": "higher",
    "energy": "higher",
    "mood": "higher",
}

# Other spellings (normalised) of the same outcomes, including the app's Canadian French labels.
# Adding a synonym here is safe; guessing a direction is not.
SYNONYMS: dict[str, str] = {
    "headaches": "headache",
    "sleep": "sleep quality",
    "ease of breathing": "breathing ease",
    "breathing": "breathing ease",
    "voice": "voice strength",
    "raideur": "stiffness",
    "douleur": "pain",
    "mal de tete": "headache",
    "maux de tete": "headache",
    "enflure": "swelling",
    "oedeme": "swelling",
    "qualite du sommeil": "sleep quality",
    "sommeil": "sleep quality",
    "facilite a respirer": "breathing ease",
    "aisance respiratoire": "breathing ease",
    "force de la voix": "voice strength",
    "voix": "voice strength",
    "energie": "energy",
    "humeur": "mood",
}

_PAREN = re.compile(r"\([^)]*\)")
_SEPARATORS = re.compile(r"[\s_\-]+")


def normalize(name: str) -> str:
    """``"Sleep_Quality (0-10)"`` → ``"sleep quality"``; accents are dropped for matching only.

    Examples
    --------
    >>> normalize("  Breathing-Ease ")
    'breathing ease'
    >>> normalize("Énergie (batterie)")
    'energie'
    """
    text = _PAREN.sub(" ", name).lower()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("œ", "oe")
    return _SEPARATORS.sub(" ", text).strip()


def canonical(name: str) -> str | None:
    """The known outcome a name refers to (``"Raideur"`` → ``"stiffness"``), or ``None``."""
    key = normalize(name)
    key = SYNONYMS.get(key, key)
    return key if key in DIRECTIONS else None


def direction_of(name: str) -> Direction | None:
    """Which way is better for a known outcome; ``None`` when the engine does not know."""
    key = canonical(name)
    return DIRECTIONS[key] if key else None


# Units as words; a rating scale such as "0-10" is counted in points.
_UNITS: dict[str, tuple[str, str, str, str]] = {
    # unit: (English singular, English plural, French singular, French plural)
    "points": ("point", "points", "point", "points"),
    "cm": ("cm", "cm", "cm", "cm"),
    "mm": ("mm", "mm", "mm", "mm"),
    "deg": ("degree", "degrees", "degré", "degrés"),
    "kg": ("kg", "kg", "kg", "kg"),
    "lb": ("lb", "lb", "lb", "lb"),
    "h": ("hour", "hours", "heure", "heures"),
    "min": ("minute", "minutes", "minute", "minutes"),
    "s": ("second", "seconds", "seconde", "secondes"),
    "%": ("percentage point", "percentage points", "point de pourcentage", "points de pourcentage"),
    "l": ("litre", "litres", "litre", "litres"),
}


def unit_words(unit: str, amount: float, language: str) -> str:
    """The unit to write after ``amount`` (already rounded for display).

    English plural for anything but exactly 1; French singular below 2 ("1,5 point").
    """
    key = unit.strip().lower()
    if not key or re.fullmatch(r"-?\d+(\.\d+)?-\d+(\.\d+)?", key):
        key = "points"
    words = _UNITS.get(key)
    if words is None:
        return unit
    if language == "fr":
        return words[2] if abs(amount) < 2 else words[3]
    return words[0] if abs(amount) == 1 else words[1]
