"""The administrator's path, with the real ``bedside`` command: back up, restore elsewhere.

The backup is made by a separate ``bedside`` process on its own SQLite file; it is restored by
another process into a second SQLite file, and into this test run's database, which is
PostgreSQL under ``-m datalayer``: a backup moves an instance between the two.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import authenticate

from bedside.backups.archive import read_backup, restore_backup
from bedside.circles.models import Circle, Membership

pytestmark = pytest.mark.datalayer

PASSWORD = "a long walk by the river"


def bedside(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return bedside_with(data_dir, {}, *args)


def bedside_with(
    data_dir: Path, extra: dict[str, str], *args: str
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "BEDSIDE_TEST"}}
    env.update(BEDSIDE_DATA_DIR=str(data_dir), BEDSIDE_PASSWORD=PASSWORD, **extra)
    command = shutil.which("bedside", path=str(Path(sys.executable).parent))
    assert command, "the bedside command is installed with the project"
    return subprocess.run(
        [command, *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


# Session scope: pytest-django runs transactional tests last, which would build a module fixture twice.
@pytest.fixture(scope="session")
def backup_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("first-server")
    assert bedside(home, "migrate", "-v", "0").returncode == 0
    made = bedside(
        home,
        "createuser",
        "nora",
        "--display-name",
        "Nora",
        "--circle",
        "nora",
        "--create-circle",
        "Nora's circle",
    )
    assert made.returncode == 0, made.stderr
    run = bedside(home, "backup", str(home / "nightly.json.gz"))
    assert run.returncode == 0, run.stderr
    assert "Backed up" in run.stdout
    return home / "nightly.json.gz"


def test_a_new_server_restores_the_backup_with_one_command(
    backup_file: Path, tmp_path: Path
) -> None:
    run = bedside(tmp_path, "restore", str(backup_file))  # no migrate first: restore does it
    assert run.returncode == 0, run.stderr
    assert "Checksum good." in run.stdout and "Restored" in run.stdout
    again = bedside(tmp_path, "restore", str(backup_file))
    assert again.returncode == 1
    assert "never overwrites" in again.stderr


def test_a_damaged_backup_fails_with_a_message_and_a_non_zero_exit(
    backup_file: Path, tmp_path: Path
) -> None:
    damaged = tmp_path / "damaged.json.gz"
    damaged.write_bytes(backup_file.read_bytes()[:-40])
    run = bedside(tmp_path, "restore", str(damaged), "--check")
    assert run.returncode == 1
    assert "damaged or cut short" in run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.argon2  # the other server hashed the password with the production hasher
def test_a_sqlite_backup_restores_into_this_database(
    backup_file: Path, transactional_db: None
) -> None:
    restore_backup(read_backup(backup_file))
    circle = Circle.objects.get(slug="nora")
    assert Membership.objects.get(circle=circle).user.username == "nora"
    assert authenticate(username="nora", password=PASSWORD) is not None


def test_an_unreachable_database_is_said_plainly(tmp_path: Path) -> None:
    env_url = "postgres://nobody:secret@127.0.0.1:9/none"  # port 9: nothing listens there
    run = bedside_with(tmp_path, {"DATABASE_URL": env_url}, "backup", str(tmp_path / "b.json.gz"))
    assert run.returncode == 1
    assert "The database said:" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "b.json.gz").exists()


# Another process writes while a (deliberately slowed) backup holds its read transaction open.
WRITE_DURING_BACKUP = """
import os, sqlite3, sys, threading, time
from pathlib import Path
import django
django.setup()
from bedside.backups import archive
home = Path(os.environ["BEDSIDE_DATA_DIR"])
real = archive.applied_leaves
def slowly(using="default"):
    time.sleep(2)  # inside the snapshot's transaction, after every table has been read
    return real(using)
archive.applied_leaves = slowly
said = []
def caregiver_saves():
    time.sleep(0.5)
    db = sqlite3.connect(home / "bedside.sqlite3", timeout=1, isolation_level=None)
    try:
        db.execute("BEGIN IMMEDIATE")
        db.execute("UPDATE circles_circle SET name = name")
        db.execute("COMMIT")
        said.append("saved")
    except sqlite3.OperationalError as error:
        said.append(str(error))
thread = threading.Thread(target=caregiver_saves)
thread.start()
archive.write_backup(home / "during.json.gz")
thread.join()
print(said[0])
"""


def test_people_can_save_while_a_backup_of_sqlite_runs(backup_file: Path) -> None:
    home = backup_file.parent
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "BEDSIDE_TEST"}}
    env.update(BEDSIDE_DATA_DIR=str(home), DJANGO_SETTINGS_MODULE="bedside.settings")
    run = subprocess.run(
        [sys.executable, "-c", WRITE_DURING_BACKUP],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "saved"  # not "database is locked"
