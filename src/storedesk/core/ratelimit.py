"""Fixed-window rate limits kept in Django's cache (Redis when REDIS_URL is set, so every
server process counts together; process memory otherwise).

A fixed window lets a client send up to twice the limit across a window boundary; for
flood protection that is good enough, and it costs one atomic increment per hit.
"""

import math
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest

from storedesk.core.errors import StoredeskError

_PREFIX = "ratelimit"


@dataclass(frozen=True, slots=True)
class RateLimit:
    """How many hits ``scope`` allows per ``window`` seconds."""

    scope: str
    limit: int
    window: int


@dataclass(frozen=True, slots=True)
class Verdict:
    allowed: bool
    # Seconds until the current window ends and hits are counted afresh.
    retry_after: int
    remaining: int


class RateLimited(StoredeskError):
    code = "rate_limited"
    status = 429

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message, details={"retry_after": retry_after})
        self.retry_after = retry_after


def client_address(request: HttpRequest) -> str:
    """The address a request came from, the key of every per-address limit.

    Behind a reverse proxy, ``storedesk serve`` in production mode takes it from the proxy's
    ``X-Forwarded-For`` (uvicorn's proxy headers), so this is the client's, not the proxy's.
    """
    return str(request.META.get("REMOTE_ADDR") or "unknown")


def _window(rule: RateLimit, key: str, now: float) -> tuple[str, int]:
    window_start = int(now // rule.window) * rule.window
    return f"{_PREFIX}:{rule.scope}:{key}:{window_start}", window_start


def peek(rule: RateLimit, key: str, *, now: float | None = None) -> Verdict:
    """Where ``key`` stands against ``rule``, without counting a hit: for limits that count
    only failures, checked before each attempt."""
    now = time.time() if now is None else now
    cache_key, window_start = _window(rule, key, now)
    count = int(cache.get(cache_key) or 0)
    retry_after = max(1, math.ceil(window_start + rule.window - now))
    return Verdict(
        allowed=count < rule.limit, retry_after=retry_after, remaining=max(0, rule.limit - count)
    )


def hit(rule: RateLimit, key: str, *, now: float | None = None) -> Verdict:
    """Count one hit of ``key`` against ``rule``."""
    now = time.time() if now is None else now
    cache_key, window_start = _window(rule, key, now)
    # add() is a no-op when the counter exists, so concurrent first hits cannot reset it;
    # the counter outlives its window by a second so a late increment never recreates it.
    cache.add(cache_key, 0, timeout=rule.window + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:
        # Evicted between add() and incr(): count this hit as the window's first.
        cache.add(cache_key, 1, timeout=rule.window + 1)
        count = 1
    retry_after = max(1, math.ceil(window_start + rule.window - now))
    return Verdict(
        allowed=count <= rule.limit, retry_after=retry_after, remaining=max(0, rule.limit - count)
    )


def check(rule: RateLimit, key: str, *, message: str) -> None:
    """Count one hit; over the limit, raise RateLimited with the seconds to wait."""
    verdict = hit(rule, key)
    if not verdict.allowed:
        raise RateLimited(message, retry_after=verdict.retry_after)
