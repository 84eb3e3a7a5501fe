"""Six months of the demo family's progression record: monthly ALSFRS-R, the physical
therapist's goniometry, and breathing and voice tests — entered through the progression
services, as the family and the therapist would.
"""

from __future__ import annotations

import datetime as dt

from bedside.circles.models import Circle, User
from bedside.progression import services as progression

# Monthly ALSFRS-R, oldest first: about a point a month (PRO-ACT's typical −0.99), arms, legs
# and breathing; item 12 is 3 because he uses a ventilator at times.
ALSFRS_MONTHS = (
    [4, 4, 4, 3, 3, 3, 3, 2, 2, 4, 4, 3],
    [4, 4, 4, 3, 3, 3, 3, 2, 2, 3, 4, 3],
    [3, 4, 4, 3, 3, 3, 3, 2, 2, 3, 4, 3],
    [3, 4, 4, 3, 3, 3, 2, 2, 2, 3, 4, 3],
    [3, 4, 4, 3, 3, 3, 2, 2, 1, 3, 4, 3],
    [3, 4, 4, 3, 2, 3, 2, 2, 1, 3, 4, 3],
)


def add_progression(circle: Circle, *, today: dt.date) -> None:
    rafael = User.objects.get(username="rafael")
    claire = User.objects.get(username="claire")
    progression.progression_settings_update(
        actor=claire,
        circle=circle,
        height_cm=180,
        alsfrs_every_days=30,
        delta_fs_banding="kimura2006",
    )
    for month, items in enumerate(ALSFRS_MONTHS):
        values: dict[str | int, object] = {str(n): v for n, v in enumerate(items, start=1)}
        values["5a"] = values.pop("5")
        day = today - dt.timedelta(days=170 - 30 * month)
        actor = claire if month % 2 else rafael
        progression.alsfrs_record(actor=actor, circle=circle, items=values, day=day)
    for month in range(6):
        day = today - dt.timedelta(days=168 - 30 * month)
        for side, lack in (("left", 10 + 4 * month), ("right", 5 + 3 * month)):
            progression.joint_range_record(
                actor=rafael,
                circle=circle,
                day=day,
                joint="elbow",
                motion="flexion",
                side=side,
                method="passive",
                position="sitting",
                start_deg=lack,
                end_deg=145 - month,
            )
        progression.joint_range_record(
            actor=rafael,
            circle=circle,
            day=day,
            joint="ankle",
            motion="dorsiflexion",
            side="right",
            method="passive",
            position="lying_back",
            start_deg=0,
            end_deg=12 - 2 * month,
        )
        for kind, value, pace in (
            ("fvc", 78 - 3 * month, None),
            ("sbc", 46 - 2 * month, 2.0),
            ("mpt", 15 - month, None),
            ("pcf", 310 - 14 * month, None),
        ):
            progression.breathing_test_record(
                actor=rafael, circle=circle, day=day, kind=kind, value=value, pace=pace
            )
