"""What every outside system's client does when the request never gets an answer."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import httpx


@contextmanager
def unanswered_as(
    system: str, method: str, path: str, error: Callable[[str], Exception]
) -> Iterator[None]:
    """A timeout or a broken connection while talking to `system`, raised as its client's own
    "try again later" error, saying which request it was."""
    try:
        yield
    except httpx.TimeoutException as failure:
        raise error(f"{system} did not answer {method} {path} in time") from failure
    except httpx.TransportError as failure:
        raise error(
            f"{system} unreachable for {method} {path}: {type(failure).__name__}"
        ) from failure
