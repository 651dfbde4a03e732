"""Connections end and the client goes on: server restarts, graceful shutdown (GOAWAY), idle timeouts, keepalive."""

from __future__ import annotations

import threading

import pytest

from pledgewire import Client, RetryPolicy, RPCError, StatusCode, v1
from support.stats import eventually


def channel(client: Client):
    return client._async_invoker.channel


def test_the_client_reconnects_after_the_server_restarts(start_server):
    server = start_server()
    with Client(server.target, timeout=10) as client:
        assert client.actor.get_actor(id=1).id == 1
        watch = client.pledge.watch_pledges()
        with pytest.raises(TimeoutError):
            watch.read(timeout=0.1)  # the stream is open
        assert server.terminate() == 0
        with pytest.raises(RPCError) as caught:
            watch.read(timeout=5)
        assert caught.value.code == StatusCode.UNAVAILABLE  # the shutdown ends Watch; clients resume with a token

        with pytest.raises(RPCError) as caught:
            client.actor.get_actor(id=1)  # idempotent: retried with backoff, then given up
        assert caught.value.code == StatusCode.UNAVAILABLE and caught.value.reason == "CONNECT_FAILED"

        start_server(port=server.port)
        # The failed attempts left a backoff of at most a few hundred milliseconds; the retries wait it out.
        assert client.actor.get_actor(id=1, retry=RetryPolicy(max_attempts=20)).id == 1
        assert client.stats.get_server_stats().connections_accepted == 1


def test_after_goaway_running_calls_finish_and_new_ones_use_a_new_connection(start_server):
    server = start_server("--shutdown-grace", "20")
    with Client(server.target, timeout=30) as client:
        release = threading.Event()

        def slow_import():
            yield v1.CreateActorRequest(actor=v1.Actor(kind=v1.ACTOR_KIND_PERSON, canonical_name="Before GOAWAY"))
            release.wait(20)
            yield v1.CreateActorRequest(actor=v1.Actor(kind=v1.ACTOR_KIND_PERSON, canonical_name="After GOAWAY"))

        result: list[v1.ImportResponse] = []
        importer = threading.Thread(target=lambda: result.append(client.actor.import_actors(slow_import())))
        importer.start()
        eventually(lambda: channel(client).current is not None and channel(client).current.open_calls == 1)
        old = channel(client).current

        server.process.send_signal(15)  # SIGTERM: GOAWAY with the import's stream as the last one
        eventually(lambda: old.core.goaway is not None, 5, "GOAWAY reaching the client")
        assert old.core.goaway.last_stream_id == 1 and not old.accepting
        # A new call may not use the draining connection; the server no longer accepts new ones.
        with pytest.raises(RPCError) as caught:
            client.health.check(retry=False)
        assert caught.value.reason == "CONNECT_FAILED"

        release.set()
        importer.join(20)
        assert result and result[0].created == 2  # the stream below last_stream_id ran to completion
        assert server.process.wait(10) == 0


def test_an_idle_connection_closed_by_the_server_is_replaced_on_the_next_call(start_server):
    server = start_server("--idle-timeout", "1")
    with Client(server.target, timeout=10) as client:
        assert client.health.check().status == v1.SERVING_STATUS_SERVING
        first = channel(client).current
        eventually(lambda: first.core.ended is not None, 5, "the idle connection closing")
        assert first.core.goaway is not None and first.core.goaway.error_code == 0
        assert client.health.check().status == v1.SERVING_STATUS_SERVING
        assert channel(client).current is not first
        assert client.stats.get_server_stats().connections_accepted == 2


def test_client_keepalive_pings_are_answered_by_the_server(server):
    with Client(server.target, keepalive=0.1) as client:
        watch = client.health.watch()
        assert watch.read(timeout=5).status == v1.SERVING_STATUS_SERVING
        core = channel(client).current.core
        eventually(lambda: core.keepalive_acks >= 2, 5, "two keepalive PINGs acknowledged")
        assert core.ended is None
        watch.cancel()
