"""bench/scorecard.py runs end to end with tiny numbers: same counts as its baseline, a ratio."""

from __future__ import annotations

from bench import scorecard


def test_scorecard_bench_runs_checks_its_baseline_and_reports(capsys) -> None:
    argv = ["--weeks", "3", "--per-week", "40", "--rounds", "1", "--baseline-rounds", "1"]

    assert scorecard.main(argv) == 0

    out = capsys.readouterr().out
    assert "sqlite: 120 tickets" in out
    assert "scorecard (SQL)" in out and "baseline (all rows in Python)" in out
    assert "baseline / scorecard =" in out
    assert "disagree" not in out


def test_a_median_above_max_ms_fails(capsys) -> None:
    argv = ["--weeks", "2", "--per-week", "10", "--rounds", "1", "--baseline-rounds", "1"]

    assert scorecard.main([*argv, "--max-ms", "0"]) == 1

    assert "above --max-ms 0" in capsys.readouterr().out
