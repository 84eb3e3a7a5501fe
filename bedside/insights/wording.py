"""Plain sentences for results, in English and Canadian French.

The rules (STATISTICS.md): effects in the outcome's own units with a range; three labels a
family can act on — "looks like it helps/worsens", "maybe — keep logging", "no clear effect
yet" — plus "too early to tell" and "can't tell apart"; "helps" only for an outcome whose better
direction is known; never "causes", never a correlation coefficient or stars; every sentence ends
with a next step (keep logging, or test it with an experiment).

The catalogue is a plain dict rather than gettext so that the engine stays free of Django; the
web pages pass ``language`` through.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .outcomes import Direction, canonical, unit_words

LANGUAGES = ("en", "fr")
FAR_WEEKS = 104  # beyond two years, logging alone is not a plan

WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}

# Known outcomes in each language: the English noun, the French noun with its article.
OUTCOME_NAMES: dict[str, tuple[str, str]] = {
    "stiffness": ("stiffness", "la raideur"),
    "pain": ("pain", "la douleur"),
    "headache": ("headache", "le mal de tête"),
    "swelling": ("swelling", "l'enflure"),
    "sleep quality": ("sleep quality", "la qualité du sommeil"),
    "breathing ease": ("breathing ease", "la facilité à respirer"),
    "voice strength": ("voice strength", "la force de la voix"),
    "energy": ("energy", "l'énergie"),
    "mood": ("mood", "l'humeur"),
}

CAVEATS: dict[str, tuple[str, str]] = {
    "too_few_days": ("too few days", "trop peu de jours"),
    "columns": (
        "too many techniques for the days logged",
        "trop de techniques pour le nombre de jours notés",
    ),
    "weekday": ("can't be told apart from {weekdays}", "impossible à distinguer des {weekdays}"),
    "trend": (
        "can't be told apart from the slow change over time",
        "impossible à distinguer de l'évolution lente",
    ),
    "technique": (
        "can't be told apart from {partner}",
        "impossible à distinguer de « {partner} »",
    ),
    "schedule": (
        "sessions too regular to see a week-long effect",
        "séances trop régulières pour voir un effet d'une semaine",
    ),
    "reverse_causation": (
        "same-day ratings may reflect why the session was given",
        "les notes du même jour peuvent refléter la raison de la séance",
    ),
    "new_this_week": (
        "new this week: it must hold next week too",
        "nouveau cette semaine : doit se maintenir la semaine prochaine",
    ),
    "small": ("smaller than a change that matters", "plus petit qu'un changement qui compte"),
    "dose": (
        "per typical {minutes}-minute session (minutes vary)",
        "par séance typique de {minutes} minutes (la durée varie)",
    ),
    "partway": (
        "mostly compares the time before it started (or stopped) with the time after",
        "compare surtout la période avant son début (ou sa fin) à la période après",
    ),
    "before_after": (
        "compares just before with just after; expectation may play a part",
        "compare juste avant et juste après; l'attente peut jouer un rôle",
    ),
    "unknown_direction": (
        "which direction is better is not known",
        "on ne sait pas quel sens est le meilleur",
    ),
}


@dataclass(frozen=True)
class Say:
    """Everything a sentence needs; built by the engine from an estimate."""

    label: str  # finding | maybe | no_clear_effect | too_early | cant_tell_apart
    window: str  # same_evening | next_day | rest_of_week
    method: str  # daily | before_after
    technique: str
    outcome: str
    unit: str
    direction: Direction | None
    effect: float | None = None
    ci: tuple[float, float] | None = None
    mde: float | None = None
    weeks: int | None = None  # more weeks of logging that would tell; None: not by logging
    days_with: int = 0
    days_without: int = 0
    mean_with: float | None = None
    mean_without: float | None = None
    reasons: tuple[str, ...] = ()
    weekday: int | None = None
    partner: str | None = None
    typical_minutes: float | None = None
    new_this_week: bool = False
    caveats: tuple[str, ...] = field(default_factory=tuple)


def lang(language: str) -> str:
    """``"fr-CA"``, ``"fr_CA"``, ``"fr"`` → ``"fr"``; anything else English."""
    return "fr" if language.lower().replace("_", "-").split("-")[0] == "fr" else "en"


def number(x: float, language: str) -> str:
    """One decimal (none from 100), a decimal comma in French; never "-0.0"."""
    digits = 0 if abs(x) >= 100 else 1
    if 0 < abs(x) < 0.05:
        digits = 2
    text = f"{abs(x):.{digits}f}"
    if float(text) == 0:
        return "0"
    if x < 0:
        text = "-" + text
    return text.replace(".", ",") if language == "fr" else text


def _amount(x: float, unit: str, language: str) -> str:
    shown = number(abs(x), language)
    return f"{shown} {unit_words(unit, float(shown.replace(',', '.')), language)}"


def _lower_first(name: str) -> str:
    name = name.strip()
    if len(name) > 1 and name[0].isupper() and not name[1].isupper():
        return name[0].lower() + name[1:]
    return name


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def outcome_name(name: str, language: str) -> str:
    """English: the name as a noun ("sleep quality"). French: with its article ("la raideur")."""
    key = canonical(name)
    if key is not None and key in OUTCOME_NAMES:
        return OUTCOME_NAMES[key][1 if language == "fr" else 0]
    return f"« {name.strip()} »" if language == "fr" else _lower_first(name)


def _de(phrase: str) -> str:
    """French "de" before a phrase: du, des, d', de (a name's capital is dropped)."""
    phrase = _lower_first(phrase)
    for article, contracted in (("le ", "du "), ("les ", "des ")):
        if phrase.startswith(article):
            return contracted + phrase[len(article) :]
    if phrase[:1].lower() in "aeiouyhàâéèêëîïôöùûü":
        return "d'" + phrase
    return "de " + phrase


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _session(tech: str, minutes: float | None, language: str) -> str:
    """English "an evening massage session"; French "une séance de massage du soir"."""
    if language == "fr":
        typical = f" typique de {minutes:.0f} minutes" if minutes else ""
        return f"une séance{typical} {_de(tech)}"
    name = _lower_first(tech)
    if minutes:
        return f"a typical {minutes:.0f}-minute {name} session"
    return f"{_article(name)} {name} session"


def _window(s: Say, language: str) -> str:
    """When the effect is seen, relative to one session."""
    session = _session(s.technique, s.typical_minutes, language)
    if language == "fr":
        return {
            "next_day": f"le lendemain d'{session}",
            "rest_of_week": f"chacun des jours 2 à 7 après {session}",
            "same_evening": f"plus tard le même jour après {session}",
            "before_after": f"juste après {session}, comparé à juste avant",
        }[_key(s)]
    return {
        "next_day": f"the day after {session}",
        "rest_of_week": f"on each of days 2 to 7 after {session}",
        "same_evening": f"later the same day after {session}",
        "before_after": f"right after {session} than just before",
    }[_key(s)]


def _when(s: Say, language: str) -> str:
    if language == "fr":
        return {
            "next_day": "le lendemain",
            "rest_of_week": "le reste de la semaine",
            "same_evening": "plus tard le même jour",
            "before_after": "juste après une séance",
        }[_key(s)]
    return {
        "next_day": "the next day",
        "rest_of_week": "over the rest of the week",
        "same_evening": "later the same day",
        "before_after": "right after a session",
    }[_key(s)]


def _key(s: Say) -> str:
    return "before_after" if s.method == "before_after" else s.window


def _range(s: Say, language: str, *, signed: bool = False) -> str:
    """ "0.4 and 1.8" when the interval keeps one sign (with ``signed``, "0.4 and 1.8 points
    lower", for a sentence that does not say the direction itself); otherwise each end with its
    direction."""
    assert s.ci is not None
    lo, hi = s.ci
    fr = language == "fr"
    if lo > 0 or hi < 0:
        a, b = sorted((abs(lo), abs(hi)))
        if signed:
            word = ("de plus" if fr else "higher") if lo > 0 else ("de moins" if fr else "lower")
            return f"{number(a, language)} {'et' if fr else 'and'} {_amount(b, s.unit, language)} {word}"
        return f"{number(a, language)} {'et' if fr else 'and'} {number(b, language)}"
    ends = []
    for value, word in ((lo, "de moins" if fr else "lower"), (hi, "de plus" if fr else "higher")):
        if number(value, language) == "0":
            ends.append("aucun changement" if fr else "no change")
        else:
            ends.append(f"{_amount(value, s.unit, language)} {word}")
    if ends[0] == ends[1]:
        return ends[0]
    return f"{ends[0]} {'et' if fr else 'and'} {ends[1]}"


def _how_much(s: Say, language: str) -> str:
    """English "about 1.1 points lower"; French "environ 1,1 point de moins"."""
    assert s.effect is not None
    amount = _amount(s.effect, s.unit, language)
    if language == "fr":
        return f"environ {amount} de {'plus' if s.effect > 0 else 'moins'}"
    return f"about {amount} {'higher' if s.effect > 0 else 'lower'}"


def _good(s: Say) -> bool | None:
    if s.direction is None or s.effect is None:
        return None
    return (s.effect < 0) == (s.direction == "lower")


def _weeks(s: Say, language: str, *, start: bool = False) -> str:
    """The next step that logging offers, or the experiment when logging would take too long."""
    fr = language == "fr"
    if s.weeks is None or s.weeks > FAR_WEEKS:
        return (
            "Il faudrait plus de deux ans de notes pour trancher; une expérience irait plus vite."
            if fr
            else "Logging alone would take more than two years to tell; an experiment would be faster."
        )
    weeks = max(s.weeks, 1)
    if start:
        if fr:
            return f"Environ {weeks} semaine{'s' if weeks > 1 else ''} de notes de plus suffirai{'en' if weeks > 1 else ''}t pour commencer."
        return f"About {weeks} more week{'s' if weeks > 1 else ''} of logging would be enough to start."
    if fr:
        return f"Environ {weeks} semaine{'s' if weeks > 1 else ''} de notes de plus permettrai{'en' if weeks > 1 else ''}t de trancher."
    return f"About {weeks} more week{'s' if weeks > 1 else ''} of logging would tell."


def sentence(s: Say, language: str = "en") -> str:
    """The one plain sentence (or two) shown for a result."""
    language = lang(language)
    return {
        "finding": _finding,
        "maybe": _maybe,
        "no_clear_effect": _no_clear,
        "too_early": _too_early,
        "cant_tell_apart": _cant_tell,
    }[s.label](s, language)


def _finding(s: Say, language: str) -> str:
    out, rng, win = outcome_name(s.outcome, language), _range(s, language), _window(s, language)
    how = _how_much(s, language)
    good = _good(s)
    if language == "fr":
        body = f"{how} pour {out} {win} (probablement entre {rng})"
        if good is True:
            return f"Semble aider : {body}. Continuez à noter pour en être sûr, ou vérifiez-le avec une expérience."
        if good is False:
            return f"Semble nuire : {body}. Parlez-en avec l'équipe de soins; une expérience le confirmerait."
        return f"Semble faire une différence : {body}. Continuez à noter, ou vérifiez-le avec une expérience."
    body = f"{out} is {how} {win} (likely between {rng})"
    if good is True:
        return (
            f"Looks like it helps: {body}. Keep logging to be sure, or test it with an experiment."
        )
    if good is False:
        return f"Looks like it makes {outcome_name(s.outcome, language)} worse: {body}. Worth raising with the care team; an experiment would confirm it."
    return f"Looks like a real difference: {body}. Keep logging, or test it with an experiment."


def _maybe(s: Say, language: str) -> str:
    out, rng, win = outcome_name(s.outcome, language), _range(s, language), _window(s, language)
    how = _how_much(s, language)
    if language == "fr":
        if s.new_this_week:
            step = "C'est apparu cette semaine; si ça se maintient la semaine prochaine, ce sera présenté comme un résultat."
        else:
            step = _weeks(s, language)
        return f"Peut-être — continuez à noter : {how} pour {out} {win} (probablement entre {rng}), mais ce n'est pas encore assez clair pour s'y fier. {step}"
    if s.new_this_week:
        step = "It appeared this week; if it still holds next week it will be shown as a finding."
    else:
        step = _weeks(s, language)
    return f"Maybe — keep logging: {out} was {how} {win} (likely between {rng}), but this is not yet clear enough to count on. {step}"


def _no_clear(s: Say, language: str) -> str:
    out, when = outcome_name(s.outcome, language), _when(s, language)
    assert s.mde is not None
    mde = _amount(s.mde, s.unit, language)
    rng = _range(s, language, signed=True)
    tech = s.technique.strip()
    # A range that leaves out "no change" under a "no clear effect" label: the range is this
    # pair's alone, the label comes after the false-discovery control over every pair. Say so,
    # or the family reads a contradiction.
    by_chance = s.ci is not None and (s.ci[0] > 0 or s.ci[1] < 0)
    if language == "fr":
        head = f"Pas d'effet clair pour l'instant des séances {_de(tech)} sur {out} {when}"
        chance = (
            " Cet intervalle seul exclut l'absence de changement, mais parmi toutes les paires examinées, un écart pareil apparaît trop souvent par hasard pour qu'on s'y fie."
            if by_chance
            else ""
        )
        if s.weeks == 0:
            return f"{head} : s'il y en a un, il est sans doute petit — probablement entre {rng}.{chance} Continuez à noter pour préciser."
        return f"{head} (probablement entre {rng}) : nous aurions remarqué un changement d'environ {mde}.{chance} {_weeks(s, language)}"
    head = f"No clear effect yet of {_lower_first(tech)} on {out} {when}"
    chance = (
        " On its own this range leaves out no change, but among all the pairs looked at, a difference like it turns up by chance too often to count on."
        if by_chance
        else ""
    )
    if s.weeks == 0:
        return f"{head}: if there is one, it is likely small — likely between {rng}.{chance} Keep logging to sharpen it."
    return f"{head} (likely between {rng}): we would have noticed a change of about {mde}.{chance} {_weeks(s, language)}"


def _too_early(s: Say, language: str) -> str:
    out = outcome_name(s.outcome, language)
    tech = s.technique.strip()
    fr = language == "fr"
    if s.days_with == 0:
        step = (
            f"Notez les séances {_de(tech)} pour le savoir."
            if fr
            else f"Log {_lower_first(tech)} sessions to find out."
        )
    elif s.method != "before_after" and s.days_without < 14 and s.weeks is None:
        step = (
            f"Les séances {_de(tech)} ne sont presque jamais omises, il n'y a donc rien à comparer; une expérience le dirait."
            if fr
            else f"Sessions of {_lower_first(tech)} are almost never left out, so there is nothing to compare with; an experiment would tell."
        )
    else:
        step = _weeks(s, language, start=True)
    if s.mde is not None and s.days_with > 0 and number(s.mde, language) != "0":
        mde = _amount(s.mde, s.unit, language)
        noticed = (
            f"Pour l'instant, seul un changement d'environ {mde} ressortirait."
            if fr
            else f"So far only a change of about {mde} would stand out."
        )
        step = f"{noticed} {step}"
    if s.method == "before_after":
        if s.mean_with is None:
            return (
                f"Trop tôt pour le dire : notez {out} juste avant et juste après les séances {_de(tech)}. {step}"
                if fr
                else f"Too early to tell: rate {out} just before and just after {_lower_first(tech)} sessions. {step}"
            )
        change = number(s.mean_with, language)
        if fr:
            return f"Trop tôt pour le dire : {out} a changé en moyenne de {change} entre juste avant et juste après une séance {_de(tech)} ({s.days_with} jours notés avant et après). {step}"
        return f"Too early to tell: {out} changed by {change} on average from just before to just after {_session(tech, None, language)} ({s.days_with} days rated before and after). {step}"
    if s.mean_with is None or s.mean_without is None:
        if fr:
            return f"Trop tôt pour dire si les séances {_de(tech)} changent {out} {_when(s, language)} : {s.days_with} jours avec et {s.days_without} sans jusqu'ici. {step}"
        return f"Too early to tell what {_lower_first(tech)} does to {out} {_when(s, language)}: {s.days_with} days with and {s.days_without} without so far. {step}"
    mw, mwo = number(s.mean_with, language), number(s.mean_without, language)
    session = _session(tech, None, language)
    if fr:
        rel = {
            "next_day": f"le lendemain d'{session}",
            "rest_of_week": f"dans la semaine suivant {session}",
            "same_evening": f"après {session} le même jour",
        }[s.window]
        return f"Trop tôt pour le dire : jusqu'ici, {out} était en moyenne de {mw} {rel} et de {mwo} les autres jours ({s.days_with} jours avec, {s.days_without} sans). {step}"
    rel = {
        "next_day": f"the day after {session}",
        "rest_of_week": f"in the week after {session}",
        "same_evening": f"after {session} the same day",
    }[s.window]
    return f"Too early to tell: so far {out} averaged {mw} {rel} and {mwo} on other days ({s.days_with} days with, {s.days_without} without). {step}"


def _cant_tell(s: Say, language: str) -> str:
    out, when = outcome_name(s.outcome, language), _when(s, language)
    tech = s.technique.strip()
    fr = language == "fr"
    reason = next(
        (
            r
            for r in ("reverse_causation", "weekday", "technique", "schedule", "trend")
            if r in s.reasons
        ),
        "trend",
    )
    if reason == "weekday":
        day = WEEKDAYS[language][s.weekday or 0]
        if fr:
            return f"Impossible à distinguer des {day}s : les séances {_de(tech)} ont presque toujours lieu le {day}, alors leur effet sur {out} {when} ne peut pas être séparé du rythme habituel de la semaine. Une expérience qui déplace certaines séances à d'autres jours permettrait de trancher."
        return f"Can't tell apart from {day}s: {_lower_first(tech)} sessions almost always fall on a {day}, so their effect on {out} {when} can't be separated from the usual weekly pattern. An experiment that moves some sessions to other days would tell."
    if reason == "technique":
        partner = (s.partner or "").strip()
        if fr:
            return f"Impossible à distinguer des séances {_de(partner)} : les séances {_de(tech)} et {_de(partner)} se font presque toujours les mêmes jours, alors leurs effets sur {out} {when} ne peuvent pas être séparés. Une expérience qui fait parfois l'une sans l'autre permettrait de trancher."
        return f"Can't tell apart from {_lower_first(partner)}: {_lower_first(tech)} and {_lower_first(partner)} are almost always done on the same days, so their effects on {out} {when} can't be separated. An experiment that sometimes does one without the other would tell."
    if reason == "schedule":
        if fr:
            return f"Impossible de voir un effet d'une semaine : les séances {_de(tech)} reviennent à intervalles réguliers, alors un effet sur {out} qui durerait le reste de la semaine ne peut pas être séparé du niveau habituel. Une expérience de deux semaines avec et deux semaines sans permettrait de trancher."
        return f"Can't tell a week-long effect apart: {_lower_first(tech)} sessions come at regular intervals, so an effect on {out} lasting the rest of the week can't be separated from the usual level. An experiment with two weeks on and two weeks off would tell."
    if reason == "reverse_causation":
        seen = ""
        if s.effect is not None:
            how = _how_much(s, language)
            seen = (
                f"on notait {how} pour {out} plus tard les jours avec séance, mais "
                if fr
                else f"{out} was {how} later on days with a session, but "
            )
        if fr:
            return f"Impossible de dire pour l'instant si les séances {_de(tech)} changent {out} le soir même : {seen}les séances ont peut-être été données à cause de la façon dont la journée se passait. Noter {out} juste avant et juste après la séance permettrait de trancher."
        return f"Can't tell yet whether sessions of {_lower_first(tech)} change {out} the same evening: {seen}sessions may have been given because of how the day was going. Rating {out} just before and just after the session would tell."
    if fr:
        return f"Impossible à distinguer de l'évolution lente : les séances {_de(tech)} ont commencé ou cessé à un moment et sont restées ainsi, alors leur effet sur {out} {when} ne peut pas être séparé de l'évolution {_de(out)} au fil des mois. Une expérience avec des séances certains jours et pas d'autres permettrait de trancher."
    return f"Can't tell apart from the slow change over time: {_lower_first(tech)} started or stopped at one point and stayed that way, so its effect on {out} {when} can't be separated from how {out} changes over the months. An experiment with sessions on some days and not others would tell."


def caveat(code: str, s: Say, language: str = "en") -> str:
    """A short caveat in the language of the analysis."""
    language = lang(language)
    text = CAVEATS[code][1 if language == "fr" else 0]
    weekday = WEEKDAYS[language][s.weekday or 0] + "s"
    minutes = f"{s.typical_minutes:.0f}" if s.typical_minutes else ""
    return text.format(weekdays=weekday, partner=(s.partner or "").strip(), minutes=minutes)
