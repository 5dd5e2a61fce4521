"""bench/turns.py runs end to end with tiny numbers, prints its table and judges the ratio."""

from __future__ import annotations

from bench import table, turns


def test_turns_bench_runs_and_reports(capsys) -> None:
    argv = ["--turns", "4", "--warmup", "1", "--rounds", "1", "--concurrency", "1", "2"]

    assert turns.main(argv) == 0

    out = capsys.readouterr().out
    for label in (table.BASELINE, table.FLOOR, table.SUBJECT, table.STOCK_CLIENTS):
        assert out.count(label) >= 2  # a row per concurrency level (and the ratio lines)
    assert "desk / echo =" in out
    assert "client reuse buys" in out
    assert out.count("desk / floor =") == 2  # the desk's share of the physical floor, per level


def test_a_ratio_below_min_ratio_fails(capsys) -> None:
    assert table.verdict({1: 5.5, 4: 6.0}, 5.0) == 0
    assert table.verdict({1: 4.9, 4: 6.0}, 5.0) == 1
    assert "4.90x at 1 in flight" in capsys.readouterr().out
