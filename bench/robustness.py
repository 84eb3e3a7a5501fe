"""A second, differently built simulator: is the engine tuned to ``bench/simulate.py``?

Differences from the main simulator: stronger autocorrelation (ρ 0.5–0.92), no noise shared
between outcomes, reverse causation through *yesterday's* ratings (every other technique),
a straight-line decline up or down, exposure rates 20–90%, 15% of days missing at random plus
30% of bad days, next-day effects of 0.5, 0.8 or 1.0 SD on one or two pairs in half the people.

    .venv/bin/python bench/robustness.py [--people 300]
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import itertools  # noqa: E402
import sys  # noqa: E402
from multiprocessing import Pool  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bedside.insights import analyze  # noqa: E402
from bedside.interchange import Event  # noqa: E402

Truth = dict[tuple[str, str, str], float]


def person(seed: int, days: int) -> tuple[list[Event], Truth, bool]:
    rng = np.random.default_rng(10_000 + seed)
    start = dt.date(2024, 3, 1)
    n_out, n_tech = int(rng.integers(3, 7)), int(rng.integers(3, 9))
    rho, sd = rng.uniform(0.5, 0.92, n_out), rng.uniform(0.8, 2.0, n_out)
    t = np.arange(days)
    y = np.zeros((n_out, days))
    for k in range(n_out):
        e = np.zeros(days)
        e[0] = rng.normal() * sd[k]
        for d in range(1, days):
            e[d] = rho[k] * e[d - 1] + rng.normal() * sd[k] * np.sqrt(1 - rho[k] ** 2)
        slope = 2.0 * rng.choice([-1, 1])
        y[k] = 5 + slope * t / 365 + rng.normal(0, 0.4 * sd[k], 7)[t % 7] + e
    rate = rng.uniform(0.2, 0.9, n_tech)
    x = np.zeros((n_tech, days))
    has_effect = seed % 2 == 1
    plants = []
    if has_effect:
        for _ in range(int(rng.integers(1, 3))):
            plants.append(
                (
                    int(rng.integers(0, n_tech)),
                    int(rng.integers(0, n_out)),
                    float(rng.choice([0.5, 0.8, 1.0])),
                )
            )
    for d in range(days):
        yesterday = y[:, d - 1].mean() - 5 if d else 0.0
        for j in range(n_tech):
            logit = np.log(rate[j] / (1 - rate[j])) + (0.7 * yesterday if j % 2 == 0 else 0.0)
            x[j, d] = rng.random() < 1 / (1 + np.exp(-logit))
        if d + 1 < days:
            for j, k, size in plants:
                y[k, d + 1] -= size * sd[k] * x[j, d]
    truth = {(f"t{j}", f"o{k}", "next_day"): -size * sd[k] for j, k, size in plants}
    missing = rng.random(days) < 0.15
    missing |= ((y.mean(axis=0) - 5) > 1.0) & (rng.random(days) < 0.3)
    events = []
    for d in range(days):
        date = start + dt.timedelta(days=d)
        if not missing[d]:
            for k in range(n_out):
                value = float(np.clip(np.rint(y[k, d]), 0, 10))
                events.append(Event(0, date, dt.time(9, 0), "rating", f"o{k}", value, "0-10"))
        for j in range(n_tech):
            if x[j, d]:
                events.append(Event(0, date, dt.time(20, 0), "session", f"t{j}", 15.0, "min"))
    return events, truth, has_effect


def run(job: tuple[int, int, bool]) -> tuple[bool, int, int, int, int, list[bool]]:
    seed, days, confirm = job
    events, truth, has_effect = person(seed, days)
    analysis = analyze(events, confirm=confirm)
    false = found = covered = estimated = 0
    for f in analysis.findings:
        true = truth.get((f.intervention, f.outcome, f.window), 0.0)
        if f.finding:
            found += 1
            false += true == 0 or np.sign(true) != np.sign(f.effect)
        if (
            f.label in ("finding", "maybe", "no_clear_effect")
            and f.ci_low is not None
            and f.ci_high is not None
        ):
            estimated += 1
            covered += f.ci_low <= true <= f.ci_high
    hits = [
        any(f.finding and (f.intervention, f.outcome, f.window) == key for f in analysis.findings)
        for key in truth
    ]
    return has_effect, false, found, covered, estimated, hits


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--people", type=int, default=300)
    args = parser.parse_args()
    print(
        "| days | way of looking | findings | FDR (pooled) | people with no effect who see a false finding | 95% coverage | power (0.5–1.0 SD next day) |"
    )
    print("|---|---|---|---|---|---|---|")
    for days, confirm in itertools.product((60, 120, 365), (False, True)):
        with Pool(2) as pool:
            res = pool.map(run, [(s, days, confirm) for s in range(args.people)])
        false, found = sum(r[1] for r in res), sum(r[2] for r in res)
        nulls = [r for r in res if not r[0]]
        covered, estimated = sum(r[3] for r in res), sum(r[4] for r in res)
        hits = [h for r in res for h in r[5]]
        fdr = f"{100 * false / found:.1f}%" if found else "—"
        cov = f"{100 * covered / estimated:.1f}%" if estimated else "—"
        print(
            f"| {days} | {'held a week' if confirm else 'one look'} | {found} | {fdr} | {100 * np.mean([r[1] > 0 for r in nulls]):.1f}% | {cov} | {100 * np.mean(hits):.0f}% |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
