"""bench/typeahead.py runs end to end with tiny numbers: the source's own time, the typeahead
cold and warm next to it, and the verdict on the ratio."""

from __future__ import annotations

from bench import typeahead

TINY = ["--machines", "300", "--queries", "12", "--latency-ms", "2"]


def test_typeahead_bench_runs_and_reports(capsys) -> None:
    assert typeahead.main(TINY) == 0

    out = capsys.readouterr().out
    assert "sqlite: 300 machines, 12 texts, source latency 2 ms" in out
    for label in ("source alone", "typeahead, cold", "typeahead, warm"):
        assert label in out
    assert "the source's (target <= 1.2x" in out and "target <= 100 ms" in out


def test_a_ratio_above_max_ratio_fails(capsys) -> None:
    assert typeahead.main([*TINY, "--max-ratio", "0"]) == 1

    assert "above --max-ratio 0" in capsys.readouterr().out
