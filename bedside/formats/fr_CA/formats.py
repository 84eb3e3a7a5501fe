"""Canadian French formats (Django looks here first: ``FORMAT_MODULE_PATH``).

Quebec usage (Office québécois de la langue française): 14 h 30, 22 novembre 2026, 2026-11-22,
decimal comma, a space between thousands. Anything not set here comes from Django's ``fr``.
"""

DATE_FORMAT = "j F Y"
TIME_FORMAT = r"G \h i"
DATETIME_FORMAT = r"j F Y, G \h i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "Y-m-d"
SHORT_DATETIME_FORMAT = r"Y-m-d G \h i"
FIRST_DAY_OF_WEEK = 0  # Sunday, as Quebec calendars show it
# Typed times are read the way they are written here ("14 h 30", "14h30", "14 h") as well as
# 14:30; ISO dates and times are always accepted too.
TIME_INPUT_FORMATS = ["%H h %M", "%Hh%M", "%H h", "%Hh", "%H:%M", "%H:%M:%S"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
