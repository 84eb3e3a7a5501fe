"""The technique catalogue: pre-filled, translated, with safety notes shown prominently;
each circle can add its own techniques and its own notes."""

import pytest
from django.urls import reverse
from django.utils import translation

from bedside.care import services
from bedside.care.catalogue import TECHNIQUE_LIST
from bedside.care.models import Technique

from .helpers import technique

pytestmark = pytest.mark.datalayer

REQUIRED = {
    "hand-massage",
    "deep-tissue-massage",
    "range-of-motion",
    "passive-stretching",
    "joint-mobilization",
    "muscle-distraction",
    "neck-stretches",
    "massage-gun",
    "lymphatic-drainage",
    "repositioning",
    "chest-massage-gun",
}


def test_every_new_circle_gets_the_whole_catalogue(personas):
    keys = set(Technique.objects.filter(circle=personas.circle).values_list("key", flat=True))
    assert keys == {t.key for t in TECHNIQUE_LIST}
    assert REQUIRED <= keys


def test_installing_the_catalogue_again_adds_only_what_is_missing(personas):
    Technique.objects.filter(circle=personas.circle, key="repositioning").delete()
    services.catalogue_install(personas.circle)
    services.catalogue_install(personas.circle)
    keys = list(Technique.objects.filter(circle=personas.circle).values_list("key", flat=True))
    assert sorted(keys) == sorted(t.key for t in TECHNIQUE_LIST)


def test_catalogue_techniques_carry_the_clinical_safety_notes(personas):
    gun = technique(personas, "massage-gun")
    safety = " ".join(gun.safety_texts)
    assert "neck" in safety and "implanted" in safety and "rhabdomyolysis" in safety
    assert "blood clot" in safety  # the one-sided swelling warning
    lymph = " ".join(technique(personas, "lymphatic-drainage").safety_texts)
    assert "cellulitis" in lymph and "heart failure" in lymph and "asthma" in lymph
    assert "No randomized trials" in " ".join(technique(personas, "hand-massage").safety_texts)


def test_catalogue_labels_and_notes_follow_the_language(personas):
    gun = technique(personas, "massage-gun")
    with translation.override("fr-ca"):
        assert gun.label == "Pistolet de massage"
        assert "rhabdomyolyse" in " ".join(gun.safety_texts)


def test_technique_page_shows_instructions_and_safety_prominently(personas, client_for):
    text = (
        client_for(personas.caregiver)
        .get(reverse("care:techniques", args=["theo"]))
        .content.decode()
    )
    assert text.count('class="safety"') == len(TECHNIQUE_LIST)
    assert "Lowest setting, keep moving over the muscle belly" in text
    assert reverse("care:technique_new", args=["theo"]) not in text  # caregivers don't plan


def test_a_circle_adds_its_own_technique(personas, client_for):
    response = client_for(personas.therapist).post(
        reverse("care:technique_new", args=["theo"]),
        {
            "name": "Foot bath",
            "instructions": "Warm water, 10 minutes",
            "safety_notes": "Check the temperature with your elbow",
        },
        follow=True,
    )
    own = Technique.objects.get(circle=personas.circle, name="Foot bath")
    assert (own.key, own.label, own.instruction_texts, own.safety_texts) == (
        "",
        "Foot bath",
        ["Warm water, 10 minutes"],
        ["Check the temperature with your elbow"],
    )
    assert "Check the temperature with your elbow" in response.content.decode()
    assert not Technique.objects.filter(circle=personas.other_circle, name="Foot bath").exists()


def test_a_catalogue_technique_keeps_its_name_and_gets_the_circles_notes(personas):
    gun = technique(personas, "massage-gun")
    services.technique_update(
        actor=personas.coordinator,
        technique=gun,
        name="Renamed",
        instructions="Only the Theragun, level 1",
        safety_notes="Never on the left shin (old fracture)",
    )
    gun.refresh_from_db()
    assert gun.name == "massage gun" and gun.label == "Massage gun"
    assert gun.instruction_texts[-1] == "Only the Theragun, level 1"
    assert gun.safety_texts[-1] == "Never on the left shin (old fracture)"
    assert gun.safety_texts[0].startswith("Avoid the front and sides of the neck")


def test_a_retired_technique_is_not_offered_for_new_routines(personas, client_for):
    gun = technique(personas, "massage-gun")
    services.technique_update(actor=personas.coordinator, technique=gun, active=False)
    form = client_for(personas.coordinator).get(reverse("care:routine_new", args=["theo"]))
    assert f'value="{gun.pk}"' not in form.content.decode()
