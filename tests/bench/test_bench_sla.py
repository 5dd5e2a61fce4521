"""bench/sla_sweep.py runs end to end with tiny numbers and prints both sweeps and the ratios."""

from __future__ import annotations

from bench import sla_sweep


def test_sla_bench_runs_and_reports(capsys) -> None:
    assert sla_sweep.main(["--open", "300", "--small", "60", "--due", "10", "--rounds", "1"]) == 0

    out = capsys.readouterr().out
    assert "     60 open,   10 due: sweep" in out
    assert "    300 open,   10 due: sweep" in out
    assert out.count("(30 alerts)") == 2  # three breached deadlines on each due ticket
    assert "sweep 300 open / 60 open = " in out
    assert "naive / sweep at 300 open = " in out
