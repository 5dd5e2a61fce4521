"""bench/zendesk_submit.py runs end to end with tiny numbers and judges the p99 ratio."""

from __future__ import annotations

from bench import zendesk_submit


def test_zendesk_submit_bench_runs_and_reports(capsys) -> None:
    argv = ["--rounds", "1", "--presses", "3", "--tickets", "2", "--latency", "0.05"]

    assert zendesk_submit.main([*argv, "--max-ratio", "1000"]) == 0

    out = capsys.readouterr().out
    assert "Zendesk off" in out and "Zendesk at 0.05 s per call" in out
    assert "zendesk/off p99:" in out


def test_a_ratio_above_max_ratio_fails(capsys) -> None:
    argv = ["--rounds", "1", "--presses", "3", "--tickets", "1", "--latency", "0.05"]

    assert zendesk_submit.main([*argv, "--max-ratio", "0"]) == 1
