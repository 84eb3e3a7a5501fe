"""``bedside analyze FILE.csv --format json|text``: no database, clear errors, exit codes."""

import io
import json
from pathlib import Path

import pytest

from bedside.cli import main as bedside
from bedside.insights.cli import main
from bedside.interchange import Event, write_events

from .logs import planted_log

REQUIRED = {
    "intervention",
    "outcome",
    "lag_days",
    "window_days",
    "effect",
    "ci_low",
    "ci_high",
    "q_value",
    "days_with",
    "days_without",
    "finding",
    "wording",
    "caveats",
}


def csv_file(tmp_path: Path, events: list[Event], name: str = "log.csv") -> Path:
    out = io.StringIO()
    write_events(events, out)
    path = tmp_path / name
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_json_lists_every_pair_examined(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = csv_file(tmp_path, planted_log(2026, 240))
    assert main([str(path), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["reason"] is None and out["first_day"] == "2026-01-05"
    pairs = {(f["intervention"], f["outcome"], f["lag_days"]) for f in out["findings"]}
    assert pairs == {
        ("evening massage", "stiffness", 1),
        ("evening massage", "stiffness", 2),
        ("neck stretches", "stiffness", 1),
        ("neck stretches", "stiffness", 2),
    }
    for f in out["findings"]:
        assert REQUIRED <= f.keys()
    best = out["findings"][0]
    assert best["finding"] is True and best["intervention"] == "evening massage"
    assert best["ci_low"] < best["effect"] < best["ci_high"] < 0


def test_the_command_runs_through_the_bedside_entry_point_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = csv_file(tmp_path, planted_log(2026, 240))
    assert bedside(["analyze", str(path), "--format", "text", "--language", "fr"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Ce qui aide, du 2026-01-05 au")
    assert "Semble aider ou nuire (1)" in text
    assert (
        "- evening massage → stiffness: Semble aider : environ 1,0 point de moins pour la raideur"
        in text
    )


def test_text_groups_results_under_the_three_labels(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = csv_file(tmp_path, planted_log(2026, 240))
    assert main([str(path)]) == 0
    text = capsys.readouterr().out
    assert "Looks like it helps or worsens (1)" in text
    assert "No clear effect yet" in text


def test_a_file_with_bad_rows_names_every_one_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "date,time,kind,name,value,unit,by,note\n"
        "2026-02-30,21:30,session,massage,20,min,,\n"
        "2026-03-01,08:00,rating,stiffness,4,0-10,,\n"
        "2026-03-01,08:00,rating,stiffness,14,0-10,,\n",
        encoding="utf-8",
    )
    assert main([str(path), "--format", "json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "line 2: date '2026-02-30'" in captured.err
    assert "line 4: rating 14 out of range" in captured.err


def test_a_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nope.csv")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_a_valid_file_without_ratings_explains_why_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = [e for e in planted_log(1, 30) if e.kind != "rating"]
    path = csv_file(tmp_path, events)
    assert main([str(path), "--format", "json"]) == 1
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert out["findings"] == []
    assert "no ratings or measurements" in out["reason"]
    assert "no ratings or measurements" in captured.err


def test_a_short_log_still_lists_its_pairs_as_too_early(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = csv_file(tmp_path, planted_log(1, 30))
    assert main([str(path), "--format", "json"]) == 0
    labels = {f["label"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert labels == {"too_early"}


def test_a_bad_day_boundary_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = csv_file(tmp_path, planted_log(1, 30))
    with pytest.raises(SystemExit) as stop:
        main([str(path), "--day-boundary", "4am"])
    assert stop.value.code == 2
    assert "is not a time like 04:00" in capsys.readouterr().err


def test_like_the_page_it_holds_back_what_appeared_only_this_week(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """63 days: a week earlier the log was too short, so the clear effect waits a week, as on
    the What helps page; --one-look is a single analysis."""
    path = csv_file(tmp_path, planted_log(3, 63, effect=-2.0))

    def massage(*flags: str) -> dict[str, object]:
        assert main([str(path), "--format", "json", *flags]) == 0
        found = json.loads(capsys.readouterr().out)["findings"]
        return next(
            f for f in found if f["intervention"] == "evening massage" and f["lag_days"] == 1
        )

    held = massage()
    assert held["finding"] is False and held["label"] == "maybe"
    assert massage("--one-look")["finding"] is True
