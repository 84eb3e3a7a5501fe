"""Joint range trends read as sentences: "Left elbow lacks 20° of extension, was 35° in March." """

import datetime as dt

import pytest
from django.utils import translation

from bedside.progression import services, summaries, wording
from bedside.progression.summaries import JointRangeTrend, RangePoint

from .factories import url

pytestmark = pytest.mark.datalayer


def point(day, start, end):
    return RangePoint(0, day, start, end, "sitting", "Priya", "", False, None)


def trend(joint, motion, side, *points, method="passive"):
    from bedside.progression.joints import norm_for

    return JointRangeTrend(joint, motion, side, method, tuple(points), norm_for(joint, motion))


def test_lack_of_extension_compared_with_an_earlier_month():
    t = trend(
        "elbow",
        "flexion",
        "left",
        point(dt.date(2025, 3, 10), 35, 130),
        point(dt.date(2025, 6, 2), 20, 140),
    )
    assert wording.rom_text(t) == "Left elbow lacks 20° of extension, was 35° in March."


def test_same_month_names_the_day_and_another_year_names_the_year():
    same = trend(
        "knee",
        "flexion",
        "right",
        point(dt.date(2025, 6, 2), 10, 120),
        point(dt.date(2025, 6, 20), 15, 118),
    )
    assert wording.rom_text(same) == "Right knee lacks 15° of extension, was 10° on June 2."
    older = trend(
        "knee",
        "flexion",
        "right",
        point(dt.date(2024, 11, 2), 5, 120),
        point(dt.date(2025, 2, 1), 15, 118),
    )
    assert wording.rom_text(older) == "Right knee lacks 15° of extension, was 5° in November 2024."


def test_full_extension_is_said_in_words():
    first = trend("elbow", "flexion", "right", point(dt.date(2025, 1, 5), 0, 150))
    assert wording.rom_text(first) == "Right elbow reaches full extension."
    lost = trend(
        "elbow",
        "flexion",
        "right",
        point(dt.date(2025, 1, 5), 0, 150),
        point(dt.date(2025, 4, 5), 10, 145),
    )
    assert (
        wording.rom_text(lost)
        == "Right elbow lacks 10° of extension; it reached full extension in January."
    )
    regained = trend(
        "elbow",
        "flexion",
        "right",
        point(dt.date(2025, 1, 5), 10, 150),
        point(dt.date(2025, 4, 5), -5, 145),
    )
    assert (
        wording.rom_text(regained)
        == "Right elbow reaches full extension; it lacked 10° in January."
    )


def test_other_movements_give_the_range_then_and_now():
    t = trend(
        "ankle",
        "dorsiflexion",
        "left",
        point(dt.date(2025, 3, 1), 0, 15),
        point(dt.date(2025, 5, 1), 0, 5),
    )
    assert wording.rom_text(t) == "Left ankle dorsiflexion: 0–5°, was 0–15° in March."
    assert wording.norm_text(t.norm, t) == "AAOS norm: 0–20°."


def test_elbow_norm_mentions_full_extension_at_zero():
    t = trend("elbow", "flexion", "left", point(dt.date(2025, 3, 1), 20, 140))
    assert wording.norm_text(t.norm, t) == "AAOS norm: 0–150°, full extension at 0°."


def test_french_wording_agrees_with_the_joint():
    t = trend(
        "elbow",
        "flexion",
        "left",
        point(dt.date(2025, 3, 10), 35, 130),
        point(dt.date(2025, 6, 2), 20, 140),
    )
    s = trend(
        "shoulder",
        "flexion",
        "right",
        point(dt.date(2025, 3, 10), 0, 150),
        point(dt.date(2025, 6, 2), 0, 120.5),
    )
    with translation.override("fr-ca"):
        assert (
            wording.rom_text(t)
            == "Coude gauche\u00a0: il manque 20° d’extension, contre 35° en mars."
        )
        assert (
            wording.rom_text(s) == "Épaule droite, flexion\u00a0: 0–120,5°, contre 0–150° en mars."
        )


def test_passive_series_come_first_and_are_marked_as_tracking_contracture(personas):
    circle = personas.circle
    base = dict(
        actor=personas.therapist,
        circle=circle,
        joint="knee",
        motion="flexion",
        side="left",
        position="lying_back",
        end_deg=120,
    )
    services.joint_range_record(day=None, method="active", start_deg=5, **base)
    services.joint_range_record(day=None, method="passive", start_deg=10, **base)
    trends = summaries.joint_range_trends(circle, personas.viewer)
    assert [t.method for t in trends] == ["passive", "active"]
    assert trends[0].tracks_contracture and not trends[1].tracks_contracture


def test_joint_page_shows_the_sentence_and_the_norm(personas, client_for):
    circle = personas.circle
    from .factories import days_ago

    for back, start in ((90, 35), (3, 20)):
        services.joint_range_record(
            actor=personas.therapist,
            circle=circle,
            day=days_ago(circle, back),
            joint="elbow",
            motion="flexion",
            side="left",
            method="passive",
            position="sitting",
            start_deg=start,
            end_deg=140,
        )
    page = client_for(personas.viewer).get(url("joints", circle)).content.decode()
    assert "Left elbow lacks 20° of extension, was 35°" in page
    assert "AAOS norm: 0–150°" in page
    assert "Passive range: this is what tracks contracture." in page
    assert "Record a measurement" not in page  # the viewer only reads
