"""Reading /api/messages bodies: JSON of bounded depth and number size, or a clear refusal."""

from __future__ import annotations

import json
import math
from typing import Any

# Real activities nest a card's data a dozen levels at most; json recursion ends near 1,000.
MAX_DEPTH = 64


# A Zendesk ticket event is a few kilobytes (it names the ticket; the bot re-reads the rest).
MAX_WEBHOOK_BYTES = 64 * 1024
# HubSpot batches up to 100 events of a few hundred bytes each (ids, a property's new value).
MAX_HUBSPOT_WEBHOOK_BYTES = 256 * 1024


class BadBody(ValueError):
    """The body is not something the Bot Connector would send."""


def _finite(text: str) -> float:
    # 1e999999 reads as inf, which no JSON column (nor Teams) can hold.
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {text[:20]} is out of range")
    return value


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not JSON")


def _depth(value: Any) -> int:
    """How deeply containers nest, walked without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level)
        if deepest > MAX_DEPTH:
            return deepest
        stack.extend((child, level + 1) for child in children)
    return deepest


def parse_activity_json(raw: bytes) -> dict[str, Any]:
    """The activity as a dict, or BadBody saying what is wrong with it."""
    try:
        body = json.loads(raw, parse_float=_finite, parse_constant=_no_constant)
    except RecursionError:
        raise BadBody(f"the body nests deeper than {MAX_DEPTH} levels") from None
    except UnicodeDecodeError:
        raise BadBody("the body is not UTF-8") from None
    except ValueError as error:
        # JSONDecodeError, and Python's refusal of integers longer than 4,300 digits.
        raise BadBody(f"the body is not valid JSON ({str(error)[:80]})") from None
    if not isinstance(body, dict) or not isinstance(body.get("type"), str):
        raise BadBody("the body is not a Bot Framework activity (no 'type')")
    if _depth(body) > MAX_DEPTH:
        raise BadBody(f"the body nests deeper than {MAX_DEPTH} levels")
    return body


# Longest id Teams sends is a group chat's conversation id (~200 characters); the stored
# columns hold 256-512, so anything longer is not from Teams and must not reach them.
_ID_LIMITS = {
    "id": 256,
    "channel_id": 64,
    "service_url": 2048,
    "name": 256,
    "locale": 32,
    "reply_to_id": 256,
}
_ACCOUNT_LIMITS = {"id": 256, "aad_object_id": 64, "name": 256}


def check_identifiers(activity: Any) -> None:
    """BadBody when an id or name of the activity is longer than Teams would ever send."""
    fields = [(f"activity.{k}", getattr(activity, k, None), n) for k, n in _ID_LIMITS.items()]
    for who in ("from_property", "recipient"):
        account = getattr(activity, who, None)
        fields += [(f"{who}.{k}", getattr(account, k, None), n) for k, n in _ACCOUNT_LIMITS.items()]
    conversation = getattr(activity, "conversation", None)
    fields += [
        ("conversation.id", getattr(conversation, "id", None), 400),
        ("conversation.tenant_id", getattr(conversation, "tenant_id", None), 64),
    ]
    for where, value, limit in fields:
        if value is not None and (not isinstance(value, str) or len(value) > limit):
            raise BadBody(f"{where} is longer than {limit} characters or not text")
    data = activity.channel_data
    tenant = data.get("tenant") if isinstance(data, dict) else None
    tenant_id = tenant.get("id") if isinstance(tenant, dict) else None
    if tenant_id is not None and (not isinstance(tenant_id, str) or len(tenant_id) > 64):
        raise BadBody("channelData.tenant.id is longer than 64 characters or not text")
