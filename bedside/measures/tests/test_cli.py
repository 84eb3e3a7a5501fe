"""`bedside alsfrs`: JSON and text output, and exit code 2 with a message for bad input."""

from __future__ import annotations

import json

import pytest

from bedside.measures.cli import main

EXAMPLE = ["4", "4", "3", "4", "5a=3", "4", "4", "3", "3", "4", "4", "4"]


def run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_output_has_total_domains_and_stages(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, [*EXAMPLE, "--format", "json"])
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["total"] == 44
    assert (data["bulbar"], data["fine_motor"], data["gross_motor"], data["respiratory"]) == (
        11,
        11,
        10,
        12,
    )
    assert data["kings"] == "3"  # bulbar (item 3), upper limb (5a), lower limb (item 8)
    assert data["mitos"] == 0 and isinstance(data["mitos"], int)
    assert data["gastrostomy"] is False


@pytest.mark.parametrize(
    ("items", "total", "kings", "mitos"),
    [
        ("4 4 4 4 4 4 4 4 4 4 4 4", 48, "0", 0),
        ("4 4 4 3 3 4 4 4 4 4 4 4", 46, "1", 0),
        ("3 4 4 4 4 4 4 3 2 4 4 4", 44, "2", 0),
        ("1 2 1 3 5b=3 3 3 3 2 3 3 4", 31, "4A", 1),
        ("0 2 2 4 4 4 4 4 4 4 4 4", 40, "1", 0),
        ("4 4 4 4 4 4 4 4 4 0 3 4", 43, "4B", 1),
    ],
)
def test_json_output_for_every_worked_example(
    capsys: pytest.CaptureFixture[str], items: str, total: int, kings: str, mitos: int
) -> None:
    code, out, _ = run(capsys, [*items.split(), "--format", "json"])
    assert code == 0
    data = json.loads(out)
    assert (data["total"], data["kings"], data["mitos"]) == (total, kings, mitos)


def test_5b_sets_the_gastrostomy_flag(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, ["4", "4", "4", "4", "5b=2", *["4"] * 7, "--format", "json"])
    data = json.loads(out)
    assert code == 0
    assert (data["gastrostomy"], data["item5"], data["kings"]) == (True, "5b", "4A")


def test_a_plain_fifth_value_means_5a(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, ["4", "4", "4", "4", "3", *["4"] * 7, "--format", "json"])
    assert code == 0
    assert json.loads(out)["item5"] == "5a"


def test_text_is_the_default_and_explains_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, EXAMPLE)
    assert code == 0 and err == ""
    assert "ALSFRS-R total: 44 of 48" in out
    assert "bulbar (items 1–3)" in out and "11 of 12" in out
    assert "King's stage 3: three regions involved (bulbar, upper limb, lower limb)." in out
    assert "MiToS stage 0: no functional domain lost." in out
    assert "not a diagnosis" in out


def test_text_says_why_stage_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, ["4"] * 8 + ["1", "4", "4", "4"])
    assert code == 0
    assert "King's stage 0: no region involved by the ALSFRS-R mapping." in out


def test_text_mentions_4a_criterion_under_4b(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, ["4", "4", "4", "4", "5b=4", "4", "4", "4", "4", "0", "4", "4"])
    assert code == 0
    assert "King's stage 4B" in out
    assert "4A criterion" in out
    assert "MiToS stage 1: 1 of 4 functional domains lost (breathing)." in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (EXAMPLE[:11], "expected the 12 ALSFRS-R item scores in order; got 11"),
        ([*EXAMPLE, "4"], "got 13"),
        (["4"] * 10, "older 10-item ALSFRS"),
        (
            ["4", "4", "4", "4", "5", *["4"] * 7],
            "item 5a (cutting food and handling utensils) is 5",
        ),
        (["5", *["4"] * 11], "item 1 (speech) is 5; it must be between 0 and 4"),
        (["4"] * 11 + ["-1"], "item 12 (breathing support) is -1"),
        (["4", "4", "4", "4", "5a=3", "5b=3", *["4"] * 6], "both 5a and 5b"),
        (["4", "4", "x", *["4"] * 9], "item 3: 'x' is not a number"),
        (["4", "4", "nan", *["4"] * 9], "item 3: 'nan' is not a number"),
        (["4", "4", "4", "4", "5a=", *["4"] * 7], "item 5a: '' is not a number"),
        (["4", "4", "3.5", *["4"] * 9], "half points are accepted only with --half-points"),
        (["5a=3", *["4"] * 11], "item 5 must be the fifth value"),
        (["4", "4", "4", "4", "6=3", *["4"] * 7], "only item 5 can be labelled"),
        (["4", "4", "3.25", *["4"] * 9, "--half-points"], "whole points"),
    ],
)
def test_bad_input_exits_2_with_a_message(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, argv)
    assert code == 2
    assert out == ""
    assert message in err
    assert "bedside alsfrs: error:" in err


def test_half_points_are_accepted_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["4", "4", "3.5", *["4"] * 9, "--half-points", "--format", "json"]
    code, out, _ = run(capsys, argv)
    data = json.loads(out)
    assert code == 0
    assert data["total"] == 47.5
    assert data["flags"] == ["half-points"]


def test_argparse_errors_also_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, [*EXAMPLE, "--format", "xml"])
    assert code == 2
    assert "invalid choice: 'xml'" in err
    code, _, err = run(capsys, [])
    assert code == 2
    assert "required: ITEM" in err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, ["--help"])
    assert code == 0
    assert "5a=N or 5b=N" in out
