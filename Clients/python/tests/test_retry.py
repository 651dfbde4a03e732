"""When the client tries a failed call again."""

from __future__ import annotations

import pytest

from pledgewire import Backoff, RetryPolicy, RPCError, StatusCode, v1
from pledgewire.retry import MAX_TRANSPARENT_RETRIES, decide


def failure(code: StatusCode, reason: str = "", retry_after_ms: int = 0) -> RPCError:
    return RPCError(code, "x", v1.ErrorDetails(reason=reason, retry_after_ms=retry_after_ms))


def test_backoff_grows_by_its_multiplier_within_its_jitter_up_to_its_maximum():
    backoff = Backoff(initial=0.1, multiplier=1.6, maximum=5.0, jitter=0.2)
    assert backoff.delay(1, rand=lambda: 0.5) == pytest.approx(0.1)
    assert backoff.delay(3, rand=lambda: 0.5) == pytest.approx(0.256)
    assert backoff.delay(1, rand=lambda: 0.0) == pytest.approx(0.08)
    assert backoff.delay(1, rand=lambda: 1.0) == pytest.approx(0.12)
    assert backoff.delay(50, rand=lambda: 0.5) == pytest.approx(5.0)


def decision(error: RPCError, idempotent: bool = True, attempts: int = 1, transparent: int = 0,
             deadline: float | None = None, policy: RetryPolicy | None = RetryPolicy()):
    return decide(error, idempotent=idempotent, policy=policy, attempts=attempts, transparent_retries=transparent,
                  now=100.0, deadline=deadline, rand=lambda: 0.5)


def test_idempotent_methods_are_retried_after_unavailable_up_to_max_attempts():
    assert decision(failure(StatusCode.UNAVAILABLE)).delay == pytest.approx(0.1)
    assert decision(failure(StatusCode.UNAVAILABLE), attempts=3).delay == pytest.approx(0.256)
    assert decision(failure(StatusCode.UNAVAILABLE), attempts=4) is None


def test_methods_with_side_effects_other_codes_and_no_policy_are_not_retried():
    assert decision(failure(StatusCode.UNAVAILABLE), idempotent=False) is None
    assert decision(failure(StatusCode.INTERNAL)) is None
    assert decision(failure(StatusCode.DEADLINE_EXCEEDED)) is None
    assert decision(failure(StatusCode.UNAVAILABLE), policy=None) is None


def test_a_retry_never_waits_past_the_deadline_and_follows_the_servers_hint():
    assert decision(failure(StatusCode.UNAVAILABLE), deadline=100.05) is None
    assert decision(failure(StatusCode.UNAVAILABLE, retry_after_ms=700)).delay == pytest.approx(0.7)


@pytest.mark.parametrize("reason", ["NOT_SENT", "NOT_PROCESSED", "REFUSED_STREAM"])
def test_calls_the_server_never_processed_are_retried_whatever_the_method(reason):
    got = decision(failure(StatusCode.UNAVAILABLE, reason), idempotent=False, policy=None)
    assert got is not None and got.transparent and got.delay == 0
    assert decision(failure(StatusCode.UNAVAILABLE, reason), idempotent=False,
                    transparent=MAX_TRANSPARENT_RETRIES) is None
    # Not processed, but because the server is over a limit: not retried blindly.
    assert decision(failure(StatusCode.RESOURCE_EXHAUSTED, reason), idempotent=False) is None
