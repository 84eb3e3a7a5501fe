"""The fixed lists behind a joint range measurement, with translated labels.

Neutral-zero method (CLINICAL.md): the anatomical position is 0°, and each record is the arc of
one movement from ``start`` to ``end``. For the elbow, knee and fingers the whole
extension–flexion arc is one "flexion" record: "elbow 20–140°" lacks 20° of extension, and a
start below 0° is hyperextension. That is why those joints offer flexion only.

Labels of a joint *with* its side ("left elbow", « coude gauche », « épaule gauche ») are
written out one by one: French agrees the adjective with the joint's gender and number.
"""

from __future__ import annotations

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from bedside.measures.norms import JOINT_RANGE_BY_KEY, RangeNorm

ANGLE_MIN = -30.0
ANGLE_MAX = 200.0


class Joint(models.TextChoices):
    SHOULDER = "shoulder", _("shoulder")
    ELBOW = "elbow", _("elbow")
    FOREARM = "forearm", _("forearm")
    WRIST = "wrist", _("wrist")
    FINGERS = "fingers", _("fingers")
    THUMB = "thumb", _("thumb")
    HIP = "hip", _("hip")
    KNEE = "knee", _("knee")
    ANKLE = "ankle", _("ankle")
    NECK = "neck", _("neck")


class Motion(models.TextChoices):
    FLEXION = "flexion", _("flexion")
    EXTENSION = "extension", _("extension")
    ABDUCTION = "abduction", _("abduction")
    ADDUCTION = "adduction", _("adduction")
    INTERNAL_ROTATION = "internal_rotation", _("internal rotation")
    EXTERNAL_ROTATION = "external_rotation", _("external rotation")
    PRONATION = "pronation", _("pronation")
    SUPINATION = "supination", _("supination")
    RADIAL_DEVIATION = "radial_deviation", _("radial deviation")
    ULNAR_DEVIATION = "ulnar_deviation", _("ulnar deviation")
    DORSIFLEXION = "dorsiflexion", _("dorsiflexion")
    PLANTARFLEXION = "plantarflexion", _("plantarflexion")
    INVERSION = "inversion", _("inversion")
    EVERSION = "eversion", _("eversion")
    ROTATION = "rotation", _("rotation")
    LATERAL_FLEXION = "lateral_flexion", _("side bending")


class Side(models.TextChoices):
    LEFT = "left", _("left")
    RIGHT = "right", _("right")
    NONE = "none", _("no side (middle of the body)")


class Method(models.TextChoices):
    PASSIVE = "passive", _("passive (moved by someone else)")
    ACTIVE = "active", _("active (the person moves it)")


# Short names for lists and sentences ("Left elbow, flexion (passive)").
METHOD_SHORT: dict[str, Promise] = {"passive": _("passive"), "active": _("active")}


class Position(models.TextChoices):
    SITTING = "sitting", _("sitting")
    LYING_BACK = "lying_back", _("lying on the back")
    LYING_FRONT = "lying_front", _("lying on the front")
    LYING_SIDE = "lying_side", _("lying on the side")
    STANDING = "standing", _("standing")


M = Motion
JOINT_MOTIONS: dict[str, tuple[str, ...]] = {
    Joint.SHOULDER: (M.FLEXION, M.EXTENSION, M.ABDUCTION, M.INTERNAL_ROTATION, M.EXTERNAL_ROTATION),
    Joint.ELBOW: (M.FLEXION,),
    Joint.FOREARM: (M.PRONATION, M.SUPINATION),
    Joint.WRIST: (M.FLEXION, M.EXTENSION, M.RADIAL_DEVIATION, M.ULNAR_DEVIATION),
    Joint.FINGERS: (M.FLEXION,),
    Joint.THUMB: (M.FLEXION, M.EXTENSION, M.ABDUCTION),
    Joint.HIP: (
        M.FLEXION,
        M.EXTENSION,
        M.ABDUCTION,
        M.ADDUCTION,
        M.INTERNAL_ROTATION,
        M.EXTERNAL_ROTATION,
    ),
    Joint.KNEE: (M.FLEXION,),
    Joint.ANKLE: (M.DORSIFLEXION, M.PLANTARFLEXION, M.INVERSION, M.EVERSION),
    Joint.NECK: (M.FLEXION, M.EXTENSION, M.ROTATION, M.LATERAL_FLEXION),
}
# Joints in the middle of the body: "no side" is allowed (neck rotation may name a side).
MIDLINE: frozenset[str] = frozenset({Joint.NECK})
# Where 0° is full extension and a flexion record starting above 0° lacks extension.
EXTENSION_AT_ZERO: frozenset[str] = frozenset({Joint.ELBOW, Joint.KNEE, Joint.FINGERS})

SIDED_LABELS: dict[tuple[str, str], Promise] = {
    ("shoulder", "left"): _("left shoulder"),
    ("shoulder", "right"): _("right shoulder"),
    ("elbow", "left"): _("left elbow"),
    ("elbow", "right"): _("right elbow"),
    ("forearm", "left"): _("left forearm"),
    ("forearm", "right"): _("right forearm"),
    ("wrist", "left"): _("left wrist"),
    ("wrist", "right"): _("right wrist"),
    ("fingers", "left"): _("left fingers"),
    ("fingers", "right"): _("right fingers"),
    ("thumb", "left"): _("left thumb"),
    ("thumb", "right"): _("right thumb"),
    ("hip", "left"): _("left hip"),
    ("hip", "right"): _("right hip"),
    ("knee", "left"): _("left knee"),
    ("knee", "right"): _("right knee"),
    ("ankle", "left"): _("left ankle"),
    ("ankle", "right"): _("right ankle"),
    ("neck", "left"): _("neck, to the left"),
    ("neck", "right"): _("neck, to the right"),
}


def joint_label(joint: str, side: str) -> str:
    """ "left elbow", "neck", "neck, to the left" — translated."""
    label = SIDED_LABELS.get((joint, side))
    if label is not None:
        return str(label)
    return str(Joint(joint).label)


def norm_for(joint: str, motion: str) -> RangeNorm | None:
    """The AAOS norm for this joint and movement, when CLINICAL.md gives one.

    The elbow's single flexion record covers extension too: its norm is flexion 0–150° with
    full extension at 0° (AAOS elbow extension 0°).
    """
    return JOINT_RANGE_BY_KEY.get(f"{joint}_{motion}")


def allowed(joint: str, motion: str) -> bool:
    return motion in JOINT_MOTIONS.get(joint, ())
