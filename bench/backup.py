"""How long `bedside backup` and `bedside restore` take on a large instance, and how big the file is.

Builds CIRCLES circles with two years of simulated care logs each (``bench/simulate.py``,
imported through the normal importer) in a scratch SQLite database, then times a backup and a
restore into a second, empty database, in separate ``bedside`` processes as an administrator
would run them.

    .venv/bin/python bench/backup.py [--circles 10] [--days 730]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BEDSIDE = str(Path(sys.executable).parent / "bedside")


def run(data_dir: Path, *args: str) -> tuple[float, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(BEDSIDE_DATA_DIR=str(data_dir), BEDSIDE_DEBUG="true", BEDSIDE_HTTPS="false")
    start = time.perf_counter()
    done = subprocess.run([BEDSIDE, *args], env=env, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, done.stdout.strip()


def build(data_dir: Path, circles: int, days: int) -> None:
    os.environ.update(
        BEDSIDE_DATA_DIR=str(data_dir),
        BEDSIDE_DEBUG="true",
        BEDSIDE_HTTPS="false",
        DJANGO_SETTINGS_MODULE="bedside.settings",
    )
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from bedside.circles import services
    from bedside.reports.importer import file_import
    from bench.simulate import simulate_person

    for n in range(circles):
        user = services.user_create(username=f"coordinator{n}", password="bench-" * 4)
        circle = services.circle_create(actor=user, name=f"Circle {n}", slug=f"circle-{n}")
        file_import(actor=user, circle=circle, text=simulate_person(n, days).csv(), create=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--circles", type=int, default=10)
    parser.add_argument("--days", type=int, default=730)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        first, second = Path(scratch, "first"), Path(scratch, "second")
        first.mkdir()
        second.mkdir()
        run(first, "migrate", "-v", "0")
        start = time.perf_counter()
        build(first, args.circles, args.days)
        built = time.perf_counter() - start
        file = Path(scratch, "backup.json.gz")
        backup_s, said = run(first, "backup", str(file))
        restore_s, _ = run(second, "restore", str(file))
        check_s, _ = run(second, "restore", str(file), "--check")
        size = file.stat().st_size / 1e6
        database = (first / "bedside.sqlite3").stat().st_size / 1e6
    print(f"{args.circles} circles × {args.days} days (built in {built:.0f} s): {said}")
    print("| step | wall seconds (whole command, incl. start-up) |")
    print("|---|---|")
    print(f"| `bedside backup` | {backup_s:.1f} |")
    print(f"| `bedside restore --check` | {check_s:.1f} |")
    print(f"| `bedside restore` into an empty SQLite database (incl. migrate) | {restore_s:.1f} |")
    print(f"\nBackup file {size:.1f} MB; the SQLite database it came from {database:.1f} MB.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
