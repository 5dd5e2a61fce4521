"""bench/lookup.py runs end to end with tiny numbers and judges both targets."""

from __future__ import annotations

from bench import lookup


def test_lookup_bench_runs_and_reports(capsys) -> None:
    argv = ["--rounds", "1", "--lookups", "3", "--latency", "0.01"]

    assert lookup.main([*argv, "--max-ratio", "1000", "--max-warm-ms", "10000"]) == 0

    out = capsys.readouterr().out
    assert "warm (cache)" in out and "cold (empty cache)" in out
    assert "cold/sources p99:" in out and "SELECT 1 round trip" in out


def test_a_missed_target_fails(capsys) -> None:
    argv = ["--rounds", "1", "--lookups", "3", "--latency", "0.01"]
    assert lookup.main([*argv, "--max-ratio", "0"]) == 1
