"""pytest plugin (``-p bedside.testenv`` in pyproject): the environment the test suite runs in.

Loaded before pytest-django reads the settings, so it can choose them: local (debug) settings,
plain HTTP, and PostgreSQL only when ``DATABASE_URL`` says so.
"""

import os

os.environ.setdefault("BEDSIDE_DEBUG", "true")
os.environ.setdefault("BEDSIDE_HTTPS", "false")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bedside.settings")
