"""The ``bedside`` command.

``bedside alsfrs`` and ``bedside analyze`` run the pure cores on their own (no database, no
settings); everything else is a Django management command (``bedside migrate``, ``bedside demo``,
``bedside serve``, ``bedside import``, ``bedside export``, ``bedside createuser`` …).
"""

from __future__ import annotations

import importlib
import os
import sys

# Commands that need neither Django nor a database: module path of a ``main(argv)`` function.
PURE_COMMANDS = {
    "alsfrs": "bedside.measures.cli",
    "analyze": "bedside.insights.cli",
}


def main(argv: list[str] | None = None) -> int:
    # The analysis solves many small least-squares problems: BLAS threads only add overhead
    # (0.9–1.9 s of CPU instead of 0.27 s on two cores). Set before numpy is first imported.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in PURE_COMMANDS:
        module = importlib.import_module(PURE_COMMANDS[args[0]])
        return int(module.main(args[1:]) or 0)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bedside.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["bedside", *args])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
