"""Run ``bedside …`` in this process, the way the console script does, and capture the outcome.

``run_from_argv`` closes every database connection when it finishes, so tests that use this
ask for ``transactional_db`` (a closed connection inside a test transaction would end it).
"""

from __future__ import annotations

import pytest

from bedside.cli import main


def run_bedside(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit code, standard output and standard error of ``bedside *argv``."""
    capsys.readouterr()
    try:
        code = main(list(argv))
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    captured = capsys.readouterr()
    return code, captured.out, captured.err
