"""Every problem the parser can name is shown translated on the import page."""

import pytest
from django.utils import translation

from bedside.interchange import MESSAGES as ENGLISH
from bedside.interchange import InterchangeError, read_events
from bedside.reports.interchange_text import MESSAGES, translated


def test_every_parser_problem_has_a_translatable_template_with_the_same_text():
    assert {code: str(text) for code, text in MESSAGES.items()} == ENGLISH


def test_a_bad_row_is_explained_in_french():
    with pytest.raises(InterchangeError) as caught:
        read_events("date,time,kind,name,value,unit,by,note\n2026-02-30,,rating,pain,12,0-10,,\n")
    with translation.override("fr-ca"):
        message = translated(caught.value.errors[0]).message
    assert message == "la date '2026-02-30' n’est pas une date comme 2026-03-14"
