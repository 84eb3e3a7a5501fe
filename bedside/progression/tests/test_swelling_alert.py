"""One-sided swelling: an alert when one side rises ≥ 2 cm (or ≥ 5 %) more than the other
within 14 days — and none when both sides change together."""

import datetime as dt

import pytest

from bedside.progression import summaries, wording
from bedside.progression.summaries import LimbSite, find_swelling_alerts

from .factories import days_ago, observe, trackable, url

D = dt.date(2025, 5, 1)


def site(left, right):
    return LimbSite(
        "calf",
        "calf",
        tuple((D + dt.timedelta(days=d), v) for d, v in left),
        tuple((D + dt.timedelta(days=d), v) for d, v in right),
    )


def test_a_one_sided_jump_raises_an_alert():
    alerts = find_swelling_alerts(site([(0, 36.0), (7, 38.5)], [(0, 36.2), (7, 36.4)]))
    assert [(a.side, a.day, a.since) for a in alerts] == [("left", D + dt.timedelta(7), D)]
    assert alerts[0].rise_cm == pytest.approx(2.5)
    assert alerts[0].other_rise_cm == pytest.approx(0.2)


def test_a_symmetric_change_raises_none():
    assert find_swelling_alerts(site([(0, 36.0), (7, 38.5)], [(0, 36.0), (7, 38.4)])) == []


def test_five_percent_relative_rise_counts_on_thin_limbs():
    # 1.5 cm on a 25 cm forearm is 6 %: under 2 cm but over 5 points more than the other side.
    alerts = find_swelling_alerts(site([(0, 25.0), (5, 25.1)], [(0, 25.0), (5, 26.5)]))
    assert [a.side for a in alerts] == ["right"]


def test_changes_further_apart_than_fourteen_days_are_not_compared():
    assert find_swelling_alerts(site([(0, 36.0), (15, 39.0)], [(0, 36.0), (15, 36.0)])) == []


def test_the_other_side_settling_is_not_an_alert():
    # The right calf's swelling goes down by 2.5 cm; the left stays the same.
    assert find_swelling_alerts(site([(0, 36.0), (7, 36.2)], [(0, 39.0), (7, 36.5)])) == []


def test_a_small_rise_below_the_rule_is_not_an_alert():
    assert find_swelling_alerts(site([(0, 36.0), (7, 37.5)], [(0, 36.0), (7, 36.0)])) == []


def test_alert_text_carries_the_advice_from_clinical_md():
    alert = find_swelling_alerts(site([(0, 36.0), (7, 38.5)], [(0, 36.2), (7, 36.4)]))[0]
    assert wording.swelling_text(alert) == (
        "Left calf: +2.5 cm (+7%) from May 1 to May 8; right calf +0.2 cm over the same days."
    )
    assert str(wording.SWELLING_ADVICE) == (
        "New one-sided swelling, warmth or pain: get a medical review before any massage of "
        "that limb."
    )


@pytest.mark.datalayer
def test_check_in_calf_measurements_raise_the_alert_on_the_pages(personas, client_for):
    circle = personas.circle
    left = trackable(circle, "left-calf-circumference")
    right = trackable(circle, "right-calf-circumference")
    for back, l_cm, r_cm in ((10, 35.0, 35.5), (2, 37.5, 35.6)):
        observe(circle, left, l_cm, days_ago(circle, back))
        observe(circle, right, r_cm, days_ago(circle, back))
    alerts = summaries.swelling_alerts(circle, personas.viewer)
    assert [(a.site_key, a.side) for a in alerts] == [("calf", "left")]
    client = client_for(personas.caregiver)
    for name in ("overview", "swelling"):
        page = client.get(url(name, circle)).content.decode()
        assert "get a medical review before any massage of that limb" in page
        assert "Left calf: +2.5 cm" in page


@pytest.mark.datalayer
def test_old_alerts_are_not_current(personas):
    circle = personas.circle
    left = trackable(circle, "left-calf-circumference")
    right = trackable(circle, "right-calf-circumference")
    for back, l_cm in ((40, 35.0), (33, 38.0)):
        observe(circle, left, l_cm, days_ago(circle, back))
        observe(circle, right, 35.0, days_ago(circle, back))
    assert summaries.swelling_alerts(circle, personas.viewer) == []


@pytest.mark.datalayer
def test_a_circles_own_sites_pair_by_name_and_unit(personas):
    circle = personas.circle
    left = trackable(circle, "", name="Left thigh circumference", unit="mm")
    right = trackable(circle, "", name="Right thigh circumference", unit="mm")
    for back, l_mm in ((6, 500), (1, 530)):
        observe(circle, left, l_mm, days_ago(circle, back))
        observe(circle, right, 500, days_ago(circle, back))
    sites = summaries.limb_sites(circle, personas.viewer)
    assert [(s.name, s.left[-1][1]) for s in sites] == [("thigh circumference", 53.0)]
    alert = summaries.swelling_alerts(circle, personas.viewer)[0]
    assert alert.side == "left" and alert.rise_cm == pytest.approx(3.0)
