"""Clinical measures, as a pure Python core (never imports Django).

ALSFRS-R scoring (:mod:`.alsfrs`), King's and MiToS staging (:mod:`.staging`), ΔFS and slopes
(:mod:`.progression`), reference values (:mod:`.norms`) and the ``bedside alsfrs`` command
(:mod:`.cli`). Sources and cautions: ``CLINICAL.md`` in the design notes; each function's
docstring names its paper and marks what is *unverified*.
"""

from .alsfrs import ALSFRSError, Assessment, Domains, Flag, Instrument
from .progression import (
    BANDINGS,
    DAYS_PER_MONTH,
    KIMURA_2006,
    LABRA_2016,
    Banding,
    ProgressionError,
    Slope,
    band_delta_fs,
    delta_fs,
    months_between,
    slope,
)
from .staging import (
    KINGS_STAGES,
    KingsStaging,
    MitosStaging,
    kings,
    kings_rank,
    kings_stage,
    mitos,
    mitos_stage,
)

__all__ = [
    "ALSFRSError",
    "Assessment",
    "BANDINGS",
    "Banding",
    "DAYS_PER_MONTH",
    "Domains",
    "Flag",
    "Instrument",
    "KIMURA_2006",
    "KINGS_STAGES",
    "KingsStaging",
    "LABRA_2016",
    "MitosStaging",
    "ProgressionError",
    "Slope",
    "band_delta_fs",
    "delta_fs",
    "kings",
    "kings_rank",
    "kings_stage",
    "mitos",
    "mitos_stage",
    "months_between",
    "slope",
]
