"""Production settings pass Django's deployment checks, and secrets come from the environment."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; a server never has it.
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("BEDSIDE_", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
    )


def test_check_deploy_passes_with_production_settings(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="x" * 20 + "-a-long-random-production-key-0123456789",
        ALLOWED_HOSTS="care.example.org",
        BEDSIDE_DATA_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_without_secret_key_a_private_random_key_is_kept_in_the_data_dir(tmp_path):
    result = run_manage("check", BEDSIDE_DATA_DIR=str(tmp_path), BEDSIDE_DEBUG="true")
    assert result.returncode == 0, result.stderr
    key_file = tmp_path / ".secret_key"
    assert len(key_file.read_text().strip()) >= 50
    assert key_file.stat().st_mode & 0o077 == 0  # readable by its owner only


def test_a_bad_boolean_setting_is_refused_clearly(tmp_path):
    result = run_manage("check", BEDSIDE_DATA_DIR=str(tmp_path), BEDSIDE_DEBUG="maybe")
    assert result.returncode != 0
    assert "BEDSIDE_DEBUG must be true or false" in result.stderr
