"""Mistakes on the command line get a plain message and a non-zero exit, never a traceback."""

import pytest

from .commands import run_bedside

pytestmark = pytest.mark.datalayer

ROW = "date,time,kind,name,value,unit,by,note\n2026-03-01,21:30,session,hand massage,15,min,Ana,\n"


@pytest.fixture
def csv_file(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(ROW, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["import", "{file}"], "the following arguments are required: --circle"),
        (["import", "--circle", "theo"], "the following arguments are required: file"),
        (["export", "--circle", "theo", "--format", "xml"], "invalid choice: 'xml'"),
    ],
)
def test_missing_or_wrong_arguments_show_the_usage(
    personas, transactional_db, capsys, csv_file, argv, message
):
    code, _out, err = run_bedside(capsys, *[a.format(file=csv_file) for a in argv])
    assert code == 2
    assert "usage: bedside" in err and message in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["import", "{file}", "--circle", "nope"], "No circle has the short name “nope”."),
        (["export", "--circle", "nope"], "No circle has the short name “nope”."),
        (
            ["import", "{file}", "--circle", "theo", "--as", "ghost"],
            "No account has the user name “ghost”.",
        ),
        (["import", "{file}", "--circle", "theo", "--as", "ana"], "ana may not import or export"),
        (["export", "--circle", "theo", "--as", "olga"], "olga may not import or export"),
        (["import", "/no/such/file.csv", "--circle", "theo"], "Cannot read /no/such/file.csv"),
    ],
)
def test_wrong_names_and_missing_files_are_explained(
    personas, transactional_db, capsys, csv_file, argv, message
):
    code, out, err = run_bedside(capsys, *[a.format(file=csv_file) for a in argv])
    assert code == 1 and out == ""
    assert message in err
    assert "Traceback" not in err


def test_a_file_that_is_not_utf8_is_explained(personas, transactional_db, capsys, tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes(ROW.replace("Ana", "Hélène").encode("latin-1"))
    code, _out, err = run_bedside(capsys, "import", str(path), "--circle", "theo")
    assert code == 1 and "is not UTF-8 text" in err
