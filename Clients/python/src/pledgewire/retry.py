"""When a failed call is tried again, and how long to wait first."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from ._protocol import TRANSPARENT_RETRY_REASONS
from .errors import RPCError, StatusCode

__all__ = ["Backoff", "RetryPolicy"]

#: How many times a call the server never processed (GOAWAY, refused stream) is sent again, whatever its method.
MAX_TRANSPARENT_RETRIES = 5


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with jitter: `initial` × `multiplier`ⁿ⁻¹, at most `maximum`, ± `jitter` (a fraction)."""

    initial: float = 0.1
    multiplier: float = 1.6
    maximum: float = 5.0
    jitter: float = 0.2

    def delay(self, failures: int, rand: Callable[[], float] = random.random) -> float:
        """The wait after `failures` failures in a row (1 for the first)."""
        base = min(self.maximum, self.initial * self.multiplier ** max(0, failures - 1))
        return base * (1 + self.jitter * (2 * rand() - 1))


@dataclass(frozen=True)
class RetryPolicy:
    """Retries for methods the schema marks idempotent (`idempotency_level = NO_SIDE_EFFECTS`): after a status in
    `codes`, up to `max_attempts` attempts in all, waiting `backoff` (or the server's `retry_after` hint) between
    them, never past the call's deadline. Methods with side effects are never retried by a policy; calls the server
    never processed are retried whatever the method, without one."""

    max_attempts: int = 4
    backoff: Backoff = field(default_factory=Backoff)
    codes: frozenset[StatusCode] = frozenset({StatusCode.UNAVAILABLE})


@dataclass(frozen=True)
class RetryDecision:
    delay: float
    transparent: bool


def decide(
    failure: RPCError,
    *,
    idempotent: bool,
    policy: RetryPolicy | None,
    attempts: int,
    transparent_retries: int,
    now: float,
    deadline: float | None,
    rand: Callable[[], float] = random.random,
) -> RetryDecision | None:
    """Whether to try a failed call again. `attempts` counts the attempts the policy has made (transparent ones
    aside); None means give up and raise `failure`."""
    if (failure.code == StatusCode.UNAVAILABLE and failure.reason in TRANSPARENT_RETRY_REASONS
            and transparent_retries < MAX_TRANSPARENT_RETRIES):
        return RetryDecision(failure.retry_after or 0.0, transparent=True)
    if policy is None or not idempotent or failure.code not in policy.codes or attempts >= policy.max_attempts:
        return None
    delay = failure.retry_after or policy.backoff.delay(attempts, rand)
    if deadline is not None and now + delay >= deadline:
        return None
    return RetryDecision(delay, transparent=False)
