"""bench/outbox.py runs end to end with tiny numbers and prints its comparison."""

from __future__ import annotations

from bench import outbox


def test_outbox_bench_runs_and_reports(capsys) -> None:
    argv = ["--messages", "30", "--conversations", "3", "--hot", "8", "--min-efficiency", "0"]

    assert outbox.main(argv) == 0  # every message delivered, none twice

    out = capsys.readouterr().out
    assert "naive (Retry-After)" in out and "outbox (paced)" in out
    assert "outbox / naive =" in out


def test_the_least_time_the_limits_allow_is_set_by_the_slowest_limit() -> None:
    spread = [(f"chat-{n % 10}", f"m{n}") for n in range(100)]  # 10 per chat: the tenant decides
    assert outbox.shortest_time(spread) == 1.0  # 50 at once, 50 a second later
    flood = [("chat-hot", f"h{n}") for n in range(15)]  # 7, 7, 1: the chat decides
    assert outbox.shortest_time(flood) == 2.0
