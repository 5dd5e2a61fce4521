"""`make playground`'s launcher: the bot runs exactly as long as the command it wraps."""

from __future__ import annotations

import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from scripts import with_bot


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_bot_is_ready_while_the_command_runs_and_gone_after(monkeypatch, tmp_path, capsys):
    port = free_port()
    monkeypatch.setattr(with_bot, "LOG", tmp_path / "bot.log")
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}")
    monkeypatch.setenv("MicrosoftAppId", "00000000-0000-4000-8000-000000000001")  # ignored
    probe = f"import sys, scripts.with_bot as w; sys.exit(0 if w.ready({port}) else 9)"
    assert with_bot.main(["--port", str(port), "--", sys.executable, "-c", probe]) == 0
    assert f"Bot ready on http://127.0.0.1:{port}" in capsys.readouterr().out
    assert not with_bot.ready(port)


def test_a_bot_already_running_is_used_and_left_alone(capsys):
    class Ready(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200 if self.path == "/readyz" else 404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Ready)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        assert with_bot.main(["--port", str(port), "--", sys.executable, "-c", "exit(4)"]) == 4
        assert "already answers" in capsys.readouterr().out
        assert with_bot.ready(port)
    finally:
        server.shutdown()


def test_a_missing_playground_binary_is_explained(monkeypatch, capsys):
    monkeypatch.setattr(with_bot, "ready", lambda port: True)
    assert with_bot.main(["--", "no-such-agentsplayground-binary"]) == 127
    assert "install Node.js" in capsys.readouterr().err


def test_a_bot_that_cannot_start_is_reported_with_its_log(monkeypatch, tmp_path):
    monkeypatch.setattr(with_bot, "LOG", tmp_path / "bot.log")
    monkeypatch.setenv("SUPPORT_PROFILE", str(tmp_path / "missing.toml"))
    with pytest.raises(SystemExit) as stopped:
        with_bot.main(["--port", str(free_port()), "--", "true"])
    assert "did not become ready" in str(stopped.value)
    assert "missing.toml" in str(stopped.value)
