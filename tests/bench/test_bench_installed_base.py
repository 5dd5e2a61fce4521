"""bench/installed_base_search.py runs end to end with tiny numbers: every kind of query timed
next to the SELECT 1 baseline, and the verdict on the p99."""

from __future__ import annotations

from bench import installed_base_search

TINY = ["--machines", "400", "--customers", "40", "--queries", "20"]


def test_installed_base_bench_runs_checks_serials_and_reports(capsys) -> None:
    assert installed_base_search.main(TINY) == 0

    out = capsys.readouterr().out
    assert "sqlite: 400 machines of 40 customers" in out
    for label in (
        "baseline SELECT 1",
        "find_machines, serial prefix",
        "find_machines, exact serial",
        "find_machines, customer name fragment",
        "machine, exact serial",
        "find_customers, name fragment",
    ):
        assert label in out
    assert "target <= 20 ms" in out and "not found" not in out


def test_a_p99_above_max_p99_ms_fails(capsys) -> None:
    assert installed_base_search.main([*TINY, "--max-p99-ms", "0"]) == 1

    assert "above --max-p99-ms 0" in capsys.readouterr().out


def test_percentiles_are_nearest_rank() -> None:
    samples = [float(n) for n in range(1, 101)]
    assert installed_base_search.percentile(samples, 50) == 50.0
    assert installed_base_search.percentile(samples, 99) == 99.0
    assert installed_base_search.percentile([3.0], 99) == 3.0
