"""Fixtures: the real Swift server on an ephemeral port, fresh for each test that asks for it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from support.server import ServerProcess, swift_product


@pytest.fixture(scope="session")
def server_binary():
    return swift_product("pledgewire-server")


@pytest.fixture
def start_server(server_binary) -> Iterator[Callable[..., ServerProcess]]:
    """Starts servers with extra options; every one still running is killed after the test."""
    started: list[ServerProcess] = []

    def start(*args: str, port: int = 0) -> ServerProcess:
        server = ServerProcess(server_binary, list(args), port=port)
        started.append(server)
        return server

    yield start
    for server in started:
        server.kill()


@pytest.fixture
def server(start_server) -> ServerProcess:
    return start_server()
