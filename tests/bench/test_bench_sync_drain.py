"""bench/sync_drain.py runs end to end with tiny numbers and prints its comparison."""

from __future__ import annotations

from bench import sync_drain


def test_sync_drain_bench_runs_and_reports(capsys) -> None:
    argv = ["--changes", "30", "--limit", "10", "--window", "0.3", "--min-efficiency", "0"]

    assert sync_drain.main(argv) == 0  # every change delivered, none twice, in both runs

    out = capsys.readouterr().out
    assert "direct (paced, memory)" in out
    assert "sync queue (SQLite) / direct =" in out
    assert "zendesk (sender + fake) / direct =" in out  # the sender, over HTTP to the fake


def test_the_least_time_is_one_window_per_full_window_after_the_first() -> None:
    assert sync_drain.least_time(1000, 400, 60.0) == 120.0  # 400 now, 400 in 1 min, 200 in 2
    assert sync_drain.least_time(400, 400, 60.0) == 0.0
