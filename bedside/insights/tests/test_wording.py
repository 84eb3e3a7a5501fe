"""Sentences in English and Canadian French: one snapshot per label, and the wording rules."""

from typing import Any

import pytest

from bedside.insights.wording import Say, caveat, number, sentence


def massage(label: str, window: str = "next_day", **rest: Any) -> Say:
    """An evening massage and stiffness (lower is better), with the given result."""
    return Say(label, window, "daily", "Evening massage", "Stiffness", "0-10", "lower", **rest)


CASES = {
    "finding": massage("finding", effect=-1.1, ci=(-1.8, -0.4)),
    "worsens": massage("finding", effect=0.9, ci=(0.3, 1.5)),
    "maybe": massage("maybe", effect=-0.6, ci=(-1.1, -0.1), weeks=5),
    "no_clear": massage("no_clear_effect", effect=-0.3, ci=(-0.9, 0.3), mde=1.5, weeks=6),
    "no_clear_by_chance": massage(
        "no_clear_effect", effect=-0.7, ci=(-1.3, -0.1), mde=1.5, weeks=3
    ),
    "small": massage(
        "no_clear_effect", "rest_of_week", effect=-0.1, ci=(-0.3, 0.01), mde=0.2, weeks=0
    ),
    "too_early": massage(
        "too_early",
        weeks=4,
        days_with=12,
        days_without=20,
        mean_with=4.2,
        mean_without=4.9,
        mde=2.1,
    ),
    "weekday": massage("cant_tell_apart", reasons=("weekday",), weekday=1),
    "immediate": Say(
        "finding",
        "same_evening",
        "before_after",
        "Massage gun",
        "Breathing ease",
        "0-10",
        "higher",
        effect=1.4,
        ci=(0.9, 1.9),
    ),
    "unknown": Say(
        "finding",
        "next_day",
        "daily",
        "Lymphatic drainage",
        "Left calf circumference",
        "cm",
        None,
        effect=-0.8,
        ci=(-1.2, -0.4),
    ),
}

ENGLISH = {
    "finding": "Looks like it helps: stiffness is about 1.1 points lower the day after an evening massage session (likely between 0.4 and 1.8). Keep logging to be sure, or test it with an experiment.",
    "worsens": "Looks like it makes stiffness worse: stiffness is about 0.9 points higher the day after an evening massage session (likely between 0.3 and 1.5). Worth raising with the care team; an experiment would confirm it.",
    "maybe": "Maybe — keep logging: stiffness was about 0.6 points lower the day after an evening massage session (likely between 0.1 and 1.1), but this is not yet clear enough to count on. About 5 more weeks of logging would tell.",
    "no_clear_by_chance": "No clear effect yet of evening massage on stiffness the next day (likely between 0.1 and 1.3 points lower): we would have noticed a change of about 1.5 points. On its own this range leaves out no change, but among all the pairs looked at, a difference like it turns up by chance too often to count on. About 3 more weeks of logging would tell.",
    "no_clear": "No clear effect yet of evening massage on stiffness the next day (likely between 0.9 points lower and 0.3 points higher): we would have noticed a change of about 1.5 points. About 6 more weeks of logging would tell.",
    "small": "No clear effect yet of evening massage on stiffness over the rest of the week: if there is one, it is likely small — likely between 0.3 points lower and 0.01 points higher. Keep logging to sharpen it.",
    "too_early": "Too early to tell: so far stiffness averaged 4.2 the day after an evening massage session and 4.9 on other days (12 days with, 20 without). So far only a change of about 2.1 points would stand out. About 4 more weeks of logging would be enough to start.",
    "weekday": "Can't tell apart from Tuesdays: evening massage sessions almost always fall on a Tuesday, so their effect on stiffness the next day can't be separated from the usual weekly pattern. An experiment that moves some sessions to other days would tell.",
    "immediate": "Looks like it helps: breathing ease is about 1.4 points higher right after a massage gun session than just before (likely between 0.9 and 1.9). Keep logging to be sure, or test it with an experiment.",
    "unknown": "Looks like a real difference: left calf circumference is about 0.8 cm lower the day after a lymphatic drainage session (likely between 0.4 and 1.2). Keep logging, or test it with an experiment.",
}

FRENCH = {
    "finding": "Semble aider : environ 1,1 point de moins pour la raideur le lendemain d'une séance d'evening massage (probablement entre 0,4 et 1,8). Continuez à noter pour en être sûr, ou vérifiez-le avec une expérience.",
    "worsens": "Semble nuire : environ 0,9 point de plus pour la raideur le lendemain d'une séance d'evening massage (probablement entre 0,3 et 1,5). Parlez-en avec l'équipe de soins; une expérience le confirmerait.",
    "maybe": "Peut-être — continuez à noter : environ 0,6 point de moins pour la raideur le lendemain d'une séance d'evening massage (probablement entre 0,1 et 1,1), mais ce n'est pas encore assez clair pour s'y fier. Environ 5 semaines de notes de plus permettraient de trancher.",
    "no_clear_by_chance": "Pas d'effet clair pour l'instant des séances d'evening massage sur la raideur le lendemain (probablement entre 0,1 et 1,3 point de moins) : nous aurions remarqué un changement d'environ 1,5 point. Cet intervalle seul exclut l'absence de changement, mais parmi toutes les paires examinées, un écart pareil apparaît trop souvent par hasard pour qu'on s'y fie. Environ 3 semaines de notes de plus permettraient de trancher.",
    "no_clear": "Pas d'effet clair pour l'instant des séances d'evening massage sur la raideur le lendemain (probablement entre 0,9 point de moins et 0,3 point de plus) : nous aurions remarqué un changement d'environ 1,5 point. Environ 6 semaines de notes de plus permettraient de trancher.",
    "small": "Pas d'effet clair pour l'instant des séances d'evening massage sur la raideur le reste de la semaine : s'il y en a un, il est sans doute petit — probablement entre 0,3 point de moins et 0,01 point de plus. Continuez à noter pour préciser.",
    "too_early": "Trop tôt pour le dire : jusqu'ici, la raideur était en moyenne de 4,2 le lendemain d'une séance d'evening massage et de 4,9 les autres jours (12 jours avec, 20 sans). Pour l'instant, seul un changement d'environ 2,1 points ressortirait. Environ 4 semaines de notes de plus suffiraient pour commencer.",
    "weekday": "Impossible à distinguer des mardis : les séances d'evening massage ont presque toujours lieu le mardi, alors leur effet sur la raideur le lendemain ne peut pas être séparé du rythme habituel de la semaine. Une expérience qui déplace certaines séances à d'autres jours permettrait de trancher.",
    "immediate": "Semble aider : environ 1,4 point de plus pour la facilité à respirer juste après une séance de massage gun, comparé à juste avant (probablement entre 0,9 et 1,9). Continuez à noter pour en être sûr, ou vérifiez-le avec une expérience.",
    "unknown": "Semble faire une différence : environ 0,8 cm de moins pour « Left calf circumference » le lendemain d'une séance de lymphatic drainage (probablement entre 0,4 et 1,2). Continuez à noter, ou vérifiez-le avec une expérience.",
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_english_sentences(case: str) -> None:
    assert sentence(CASES[case], "en") == ENGLISH[case]


@pytest.mark.parametrize("case", sorted(CASES))
def test_french_sentences(case: str) -> None:
    assert sentence(CASES[case], "fr-CA") == FRENCH[case]


def test_unknown_outcomes_are_never_said_to_help_or_worsen() -> None:
    for language in ("en", "fr"):
        text = sentence(CASES["unknown"], language).lower()
        for word in ("helps", "worse", "aider", "nuire"):
            assert word not in text


def test_sentences_never_say_causes_nor_show_a_correlation() -> None:
    for case in CASES.values():
        for language in ("en", "fr"):
            text = sentence(case, language).lower()
            for word in ("cause", "r =", "p =", "*", "significant", "corrél", "correlat"):
                assert word not in text


def test_every_sentence_offers_a_next_step() -> None:
    steps = (
        "keep logging",
        "more weeks of logging",
        "experiment",
        "continuez à noter",
        "semaines de notes de plus",
        "expérience",
    )
    for case in CASES.values():
        for language in ("en", "fr"):
            assert any(s in sentence(case, language).lower() for s in steps)


def test_numbers_are_written_for_each_language() -> None:
    assert number(1.25, "en") == "1.2" and number(1.25, "fr") == "1,2"
    assert number(0.004, "en") == "0"
    assert number(-0.03, "fr") == "-0,03"
    assert number(123.4, "en") == "123"


def test_caveats_follow_the_language() -> None:
    say = CASES["weekday"]
    assert caveat("weekday", say, "en") == "can't be told apart from Tuesdays"
    assert caveat("weekday", say, "fr") == "impossible à distinguer des mardis"
