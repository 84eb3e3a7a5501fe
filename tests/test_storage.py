"""Storage: SQLite in WAL mode by default, PostgreSQL when DATABASE_URL says so."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from bedside.settings import database_from_url

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.datalayer


def test_the_configured_engine_is_the_one_in_use(db):
    expected = (
        "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    )
    assert connection.vendor == expected


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
def test_sqlite_runs_in_wal_mode(tmp_path):
    # The test database lives in memory (no WAL there), so check a real file as Bedside makes it.
    env = {**os.environ, "BEDSIDE_DATA_DIR": str(tmp_path), "BEDSIDE_DEBUG": "true"}
    env.pop("DATABASE_URL", None)
    code = (
        "import django; django.setup(); from django.db import connection; "
        "c = connection.cursor(); c.execute('PRAGMA journal_mode'); print(c.fetchone()[0])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "DJANGO_SETTINGS_MODULE": "bedside.settings"},
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert out.stdout.strip() == "wal"


def test_database_url_for_a_postgres_socket_directory():
    config = database_from_url("postgres://bedside:s%40cret@/care?host=/run/pg")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["PASSWORD"], config["HOST"]) == (
        "care",
        "bedside",
        "s@cret",
        "/run/pg",
    )


def test_database_url_for_a_postgres_host_and_port():
    config = database_from_url("postgresql://u:p@db.internal:6432/bedside")
    assert (config["HOST"], config["PORT"]) == ("db.internal", "6432")


def test_an_unknown_database_url_is_refused_clearly():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="postgres:// or sqlite://"):
        database_from_url("mysql://x/y")
