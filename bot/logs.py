"""Log set-up: one JSON line per event (or a readable line locally), with the correlation id.

Every record gets its request's correlation id and passes a redaction filter, so neither a
secret nor what a user typed reaches the log at INFO, whoever wrote the log call.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from bot.correlation import CorrelationFilter

REDACTED = "[redacted]"
# Extras whose values are secrets, compared lower-cased with "-" as "_".
SECRET_KEYS = frozenset(
    {
        "authorization",
        "auth_header",
        "token",
        "access_token",
        "id_token",
        "refresh_token",
        "password",
        "app_password",
        "microsoftapppassword",
        "microsoft_app_password",
        "client_secret",
        "secret",
    }
)
# Extras that carry what people typed or were shown: logged only at DEBUG.
BODY_KEYS = frozenset({"text", "body", "card", "value", "attachments", "answers"})
_BEARER = re.compile(r"(?i)\bbearer\s+[A-Za-z0-9\-._~+/]+=*")
_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*")
# `'Authorization': 'Basic xyz'`, `password=xyz` inside a message (msrest, urllib3 debug lines).
_KEY = r"(?:authorization|password|client_secret|access_token|token)"
_QUOTED = re.compile(rf"(?i)(['\"]?{_KEY}['\"]?\s*[:=]\s*)(['\"])(.*?)\2")
_KEYED = re.compile(rf"(?i)(\b{_KEY}\s*[:=]\s*)(?:(?:bearer|basic)\s+)?[^'\",\s}}]+")
# The attributes every LogRecord has; anything else on a record came in through `extra=`.
_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "correlation_id",
    "taskName",
}


def scrub(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` with bearer tokens, JWTs, keyed secrets and the given secret values masked."""
    text = _BEARER.sub(f"Bearer {REDACTED}", text)
    text = _JWT.sub(REDACTED, text)
    text = _QUOTED.sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}{m.group(2)}", text)
    text = _KEYED.sub(lambda m: f"{m.group(1)}{REDACTED}", text)
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    return text


def extras(record: logging.LogRecord) -> dict[str, Any]:
    """The structured fields a log call passed with `extra=`."""
    return {k: v for k, v in vars(record).items() if k not in _STANDARD and not k.startswith("_")}


class RedactionFilter(logging.Filter):
    """Masks secrets in the message and extras; drops message bodies above DEBUG."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        # Short values would mask ordinary words; real secrets are long.
        self._secrets = tuple(s for s in secrets if s and len(s) >= 8)

    def filter(self, record: logging.LogRecord) -> bool:
        message = scrub(record.getMessage(), self._secrets)
        record.msg, record.args = message, None
        if record.exc_info:
            # Rendered (or re-read, if another handler rendered it first) and masked here, so
            # the formatters print the traceback without secrets.
            rendered = record.exc_text or logging.Formatter().formatException(record.exc_info)
            record.exc_text = scrub(rendered, self._secrets)
        for key, value in extras(record).items():
            name = key.lower().replace("-", "_")
            if name in SECRET_KEYS:
                setattr(record, key, REDACTED)
            elif name in BODY_KEYS and record.levelno > logging.DEBUG:
                delattr(record, key)
            elif isinstance(value, str):
                setattr(record, key, scrub(value, self._secrets))
        return True


def _jsonable(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict | list | tuple):
        return json.loads(json.dumps(value, default=str))
    return str(value)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, message, correlation_id, extras, traceback."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "correlation_id": getattr(record, "correlation_id", "-"),
        }
        for key, value in extras(record).items():
            line.setdefault(key, _jsonable(value))
        if record.exc_info:
            line["traceback"] = record.exc_text or self.formatException(record.exc_info)
        if record.stack_info:
            line["stack"] = record.stack_info
        return json.dumps(line, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    """For people reading a local run: the classic line, then the extras as key=value."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s [%(correlation_id)s] %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        fields = " ".join(f"{k}={v}" for k, v in extras(record).items())
        base = super().format(record)
        if not fields:
            return base
        head, newline, rest = base.partition("\n")  # keep a traceback below the fields
        return f"{head} {fields}{newline}{rest}"


def log_handler(fmt: str = "json", secrets: Iterable[str] = ()) -> logging.Handler:
    """A stderr handler with the correlation id, redaction and the chosen format."""
    if fmt not in ("json", "text"):
        raise ValueError(f"LOG_FORMAT must be 'json' or 'text', not {fmt!r}")
    handler = logging.StreamHandler()
    handler.addFilter(CorrelationFilter())
    handler.addFilter(RedactionFilter(secrets))
    handler.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    return handler


def configure_logging(level: str = "INFO", fmt: str = "json", secrets: Iterable[str] = ()) -> None:
    """Send every log record to stderr, one line each; `secrets` are masked wherever they appear."""
    root = logging.getLogger()
    root.handlers[:] = [log_handler(fmt, secrets)]
    root.setLevel(level.upper())
    # aiohttp's access log repeats every Bot Connector call; keep it for debugging only.
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
