"""The CSV interchange format: parsing, validation of every row, writing."""

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bedside.interchange import (
    InterchangeError,
    format_ratings,
    parse_ratings,
    read_events,
    write_events,
)

HEADER = "date,time,kind,name,value,unit,by,note\n"


def test_a_valid_file_parses_every_kind():
    events = read_events(
        HEADER + "2026-03-01,21:30,session,evening massage,20,min,Maya,\n"
        "2026-03-02,,missed,evening massage,,,,\n"
        "2026-03-03,21:00,skipped,evening massage,,,Ana,too tired\n"
        "2026-03-02,08:00,rating,stiffness,4,0-10,Theo,\n"
        "2026-03-02,08:05,measurement,left calf circumference,36.5,cm,Maya,\n"
        "2026-03-02,12:00,note,,,,Maya,walked stiffly\n"
    )
    assert [e.kind for e in events] == [
        "session",
        "missed",
        "skipped",
        "rating",
        "measurement",
        "note",
    ]
    assert events[0].value == 20 and events[0].time.hour == 21
    assert events[1].time is None
    assert events[4].value == 36.5


def test_every_bad_row_is_named_with_its_line():
    with pytest.raises(InterchangeError) as caught:
        read_events(
            HEADER + "2026-02-30,21:30,session,massage,20,min,,\n"
            "2026-03-01,21:30,massage,massage,20,min,,\n"
            "2026-03-01,08:00,rating,stiffness,11,0-10,,\n"
            "2026-03-01,08:00,rating,stiffness,4,0-10,,\n"
            "2026-03-01,8h,rating,pain,x,0-10,,\n"
        )
    lines = [e.line for e in caught.value.errors]
    assert lines == [2, 3, 4, 6]
    text = str(caught.value)
    assert "line 2: date '2026-02-30'" in text
    assert "unknown kind 'massage'" in text
    assert "rating 11 out of range (0–10)" in text
    assert "time '8h'" in text and "value 'x' is not a number" in text


def test_a_missing_column_is_refused_at_the_header():
    with pytest.raises(InterchangeError) as caught:
        read_events("date,kind,name\n2026-03-01,session,massage\n")
    assert caught.value.errors[0].line == 1
    assert "missing: value" in str(caught.value)


def test_extra_columns_are_kept_and_written_back():
    text = (
        HEADER.rstrip("\n")
        + ",regions,pressure\n2026-03-01,21:30,session,massage gun,10,min,Ana,,left-calf;right-calf,light\n"
    )
    events = read_events(text)
    assert events[0].extra == {"regions": "left-calf;right-calf", "pressure": "light"}
    out = io.StringIO()
    write_events(events, out)
    assert read_events(out.getvalue()) == [e.__class__(**{**e.__dict__, "line": 2}) for e in events]


def test_a_byte_order_mark_from_a_spreadsheet_is_accepted():
    assert len(read_events("\ufeff" + HEADER + "2026-03-01,,rating,pain,2,0-10,,\n")) == 1


def test_an_empty_file_is_refused():
    with pytest.raises(InterchangeError, match="no events"):
        read_events(HEADER)


@given(st.text(max_size=300))
def test_arbitrary_text_either_parses_or_raises_interchange_error(text):
    try:
        read_events(HEADER + text)
    except InterchangeError as error:
        assert error.errors and all(e.line >= 1 for e in error.errors)


def test_a_session_with_an_unreadable_before_or_after_cell_is_refused():
    with pytest.raises(InterchangeError) as caught:
        read_events(
            HEADER.rstrip("\n") + ",before,after\n"
            "2026-03-01,21:30,session,chest massage gun,10,min,,,breathing ease=4,voice strength\n"
            "2026-03-02,21:30,session,chest massage gun,10,min,,,breathing ease=x,\n"
        )
    assert [e.line for e in caught.value.errors] == [2, 3]
    assert "after: 'voice strength' is not written like 'breathing ease=4'" in str(caught.value)
    assert "the value 'x' for breathing ease is not a number" in str(caught.value)


def test_before_and_after_cells_read_back_as_they_were_written():
    pairs, problems = parse_ratings("pain=2; breathing ease=4.5")
    assert (pairs, problems) == ([("pain", 2.0), ("breathing ease", 4.5)], [])
    assert format_ratings(pairs) == "breathing ease=4.5;pain=2"
