"""The technique catalogue every circle starts with.

Instructions are our own short summaries; safety notes follow ``CLINICAL.md`` (sources there).
No randomized trials of massage in ALS exist; the notes say so rather than promise benefits.
Each entry also names the check-in trackables worth rating just before and after a session
(keys of :mod:`bedside.checkins.catalogue`), so the adjust form offers the relevant ones first.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class CatalogueTechnique:
    key: str
    name: str  # the stable English name used in exports and the interchange format
    label: Promise
    instructions: Promise
    safety: Promise
    ratings: tuple[str, ...] = ("stiffness", "pain")


NO_TRIALS = _(
    "No randomized trials of massage in ALS have been published; families and therapists report "
    "comfort. Stop if it hurts."
)
CLOT = _(
    "New swelling, warmth or pain in one calf or leg can mean a blood clot: get a medical review "
    "before any massage of that limb."
)
THERAPIST_ONLY = _(
    "A therapist's technique: caregivers should only do what the therapist has shown them."
)
GUN = _(
    "Avoid the front and sides of the neck, bony points and joints, broken or fragile skin and "
    "pressure areas, recent fractures or surgery, severe osteoporosis, blood thinners and implanted "
    "devices, and any limb with a suspected clot. Wasted muscle has little padding: lowest setting, "
    "short time. A case of muscle breakdown (rhabdomyolysis) after massage-gun use has been reported."
)

TECHNIQUE_LIST: tuple[CatalogueTechnique, ...] = (
    CatalogueTechnique(
        "hand-massage",
        "hand massage",
        _("Hand massage"),
        _("Warm the hands, then knead palm, thumb base and each finger gently toward the wrist."),
        NO_TRIALS,
    ),
    CatalogueTechnique(
        "deep-tissue-massage",
        "deep-tissue massage",
        _("Deep-tissue massage"),
        _("Slow, firm strokes across tight muscle, by a trained massage therapist."),
        _(
            "Firm pressure on wasted muscle can bruise: ask for less pressure over thin muscle. "
            "No randomized trials of massage in ALS have been published."
        ),
    ),
    CatalogueTechnique(
        "range-of-motion",
        "range-of-motion exercises",
        _("Range-of-motion exercises"),
        _("Move each joint slowly through its comfortable range, several times, without forcing."),
        _(
            "Stretching and range of motion to prevent stiffness and pain are standard supportive "
            "care by consensus; trials of exercise in ALS are too small to conclude. Never force a "
            "joint past resistance or pain."
        ),
    ),
    CatalogueTechnique(
        "passive-stretching",
        "passive stretching",
        _("Passive stretching"),
        _(
            "Hold each stretch gently for 30 seconds while the person relaxes; breathe; release slowly."
        ),
        _(
            "Stretch to mild tension, never pain. Support the limb fully; weak joints (shoulder) can "
            "be injured by pulling."
        ),
    ),
    CatalogueTechnique(
        "joint-mobilization",
        "joint mobilization",
        _("Joint mobilization"),
        _("Small, controlled glides of a joint, as taught by the physical therapist."),
        THERAPIST_ONLY,
    ),
    CatalogueTechnique(
        "muscle-distraction",
        "muscle distraction",
        _("Muscle distraction"),
        _(
            "Gentle, sustained traction along a limb to ease a tight muscle, as the therapist taught."
        ),
        THERAPIST_ONLY,
    ),
    CatalogueTechnique(
        "neck-stretches",
        "neck stretches",
        _("Neck stretches"),
        _(
            "Slow side-bending and rotation away from the pull, held gently, with the head supported."
        ),
        _("Support the head's weight throughout; stop at dizziness, tingling or pain."),
        ratings=("headache", "pain"),
    ),
    CatalogueTechnique(
        "massage-gun",
        "massage gun",
        _("Massage gun"),
        _("Lowest setting, keep moving over the muscle belly, about a minute per area."),
        GUN,
    ),
    CatalogueTechnique(
        "chest-massage-gun",
        "chest massage gun",
        _("Chest and rib massage gun (breathing)"),
        _(
            "Lowest setting over the chest and rib muscles, avoiding the breastbone and ribs' bony "
            "edges; stop if breathing gets harder."
        ),
        GUN,
        ratings=("breathing-ease", "voice-strength"),
    ),
    CatalogueTechnique(
        "lymphatic-drainage",
        "lymphatic drainage",
        _("Lymphatic drainage"),
        _(
            "Very light, slow skin strokes toward the trunk, by a therapist trained in the technique."
        ),
        _(
            "Do not use with an acute infection or cellulitis, an acute blood clot, or uncontrolled "
            "heart failure; take care with kidney disease, low blood pressure and asthma."
        ),
        ratings=("swelling",),
    ),
    CatalogueTechnique(
        "repositioning",
        "repositioning",
        _("Repositioning (turning in bed)"),
        _(
            "Turn with a draw sheet, support head and limbs with pillows, check the skin at pressure "
            "points."
        ),
        _("Two people for a turn if needed; check heels, hips and sacrum for redness."),
        ratings=("pain",),
    ),
)

TECHNIQUES: dict[str, CatalogueTechnique] = {t.key: t for t in TECHNIQUE_LIST}

# Techniques that press on a limb: the clot warning is shown with them (CLINICAL.md).
LIMB_MASSAGE = frozenset({"hand-massage", "deep-tissue-massage", "massage-gun"})
