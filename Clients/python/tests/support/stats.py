"""What the real server counted: calls by method and status, connections."""

from __future__ import annotations

import time
from collections.abc import Callable

from pledgewire import Client, StatusCode, v1


def status_count(stats: v1.ServerStats, method: str, code: StatusCode) -> int:
    for entry in stats.methods:
        if entry.method == method:
            return sum(s.count for s in entry.statuses if s.code == code)
    return 0


def eventually(check: Callable[[], bool], timeout: float = 5.0, what: str = "the condition") -> None:
    """Polls `check` until it holds; fails the test after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not hold within {timeout} s")
        time.sleep(0.01)


def server_counted(target: str, method: str, code: StatusCode, at_least: int = 1, timeout: float = 5.0) -> None:
    """Waits until the server at `target` has counted `method` ending with `code` (asked on a connection of its
    own, so the caller's connection is not what is measured)."""
    with Client(target, timeout=5) as observer:
        eventually(lambda: status_count(observer.stats.get_server_stats(), method, code) >= at_least, timeout,
                   f"{method} ending {code.name} on the server")
