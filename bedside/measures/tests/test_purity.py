"""The measures core never imports Django (it runs from the CLI on exported files)."""

from __future__ import annotations

import subprocess
import sys


def test_importing_measures_and_running_the_cli_does_not_load_django() -> None:
    code = (
        "import sys\n"
        "from bedside.measures import cli, norms, progression, staging\n"
        "assert cli.main(['4'] * 12 + ['--format', 'json']) == 0\n"
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules), 'django loaded'\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr
    assert '"total": 48' in completed.stdout
