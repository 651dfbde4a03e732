"""Protocol situations a scripted server produces on cue: GOAWAY between calls, refused streams, retries, the
server's stream limit, PING, a broken server, connection backoff."""

from __future__ import annotations

import asyncio
import socket
import threading
import time

import pytest

from pledgewire import AsyncClient, Backoff, Client, RetryPolicy, RPCError, StatusCode, v1
from pledgewire._frames import ACK, PREFACE, ErrorCode, Frame, FrameType
from support.scripted import Peer, ScriptedServer
from support.stats import eventually

GET = "/pledgewire.v1.ActorService/GetActor"
CREATE = "/pledgewire.v1.ActorService/CreateActor"
FAST = RetryPolicy(backoff=Backoff(initial=0.01, maximum=0.02))


def actor(actor_id: int) -> bytes:
    return v1.Actor(id=actor_id, canonical_name=f"Actor {actor_id}").SerializeToString()


@pytest.fixture
def scripted():
    servers: list[ScriptedServer] = []

    def start(*scripts) -> ScriptedServer:
        servers.append(ScriptedServer(*scripts))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def run(coroutine, limit: float = 20):
    return asyncio.run(asyncio.wait_for(coroutine, limit))


def test_calls_above_goaways_last_stream_are_sent_again_on_a_new_connection(scripted):
    def first(peer: Peer) -> None:
        peer.handshake()
        calls = dict(peer.call()[::-1] for _ in range(2))
        peer.goaway(last_stream_id=calls[GET], message="draining")
        peer.respond(calls[GET], actor(1))
        # After GOAWAY the client opens nothing more here, though it makes another call meanwhile.
        assert [f for f in peer.quiet(0.5) if f.type == FrameType.HEADERS] == []

    def second(peer: Peer) -> None:
        peer.handshake()
        for _ in range(2):
            stream_id, method = peer.call()
            peer.respond(stream_id, actor(2 if method == CREATE else 3))

    server = scripted(first, second)

    async def scenario():
        async with AsyncClient(server.target, timeout=10) as client:
            got, created = await asyncio.gather(
                client.actor.get_actor(id=1),
                client.actor.create_actor(actor=v1.Actor(canonical_name="New")),  # not idempotent: still resent
            )
            assert (got.id, created.id) == (1, 2)
            assert (await client.actor.get_actor(id=3)).id == 3

    run(scenario())
    server.check()
    assert len(server.peers) == 2


def test_a_refused_stream_is_sent_again_whatever_the_method(scripted):
    def script(peer: Peer) -> None:
        peer.handshake()
        stream_id, _ = peer.call()
        peer.fail(stream_id, StatusCode.UNAVAILABLE, "too many streams", reason="REFUSED_STREAM")
        stream_id, method = peer.call()
        assert method == CREATE
        peer.respond(stream_id, actor(5))

    server = scripted(script)
    with Client(server.target, timeout=10, retry=None) as client:
        assert client.actor.create_actor(actor=v1.Actor(canonical_name="X")).id == 5
    server.check()


def test_idempotent_calls_are_retried_after_unavailable_and_calls_with_side_effects_are_not(scripted):
    def script(peer: Peer) -> None:
        peer.handshake()
        for _ in range(2):
            stream_id, method = peer.call()
            assert method == GET
            peer.fail(stream_id, StatusCode.UNAVAILABLE, "busy")
        stream_id, _ = peer.call()
        peer.respond(stream_id, actor(7))
        stream_id, method = peer.call()
        assert method == CREATE
        peer.fail(stream_id, StatusCode.UNAVAILABLE, "busy")
        assert [f for f in peer.quiet(0.3) if f.type == FrameType.HEADERS] == []

    server = scripted(script)
    with Client(server.target, timeout=10, retry=FAST) as client:
        assert client.actor.get_actor(id=7).id == 7
        with pytest.raises(RPCError) as caught:
            client.actor.create_actor(actor=v1.Actor(canonical_name="X"))
        assert caught.value.code == StatusCode.UNAVAILABLE and caught.value.message == "busy"
    server.check()


def test_retries_stop_at_max_attempts(scripted):
    def script(peer: Peer) -> None:
        peer.handshake()
        for _ in range(3):
            stream_id, _ = peer.call()
            peer.fail(stream_id, StatusCode.UNAVAILABLE, "still busy")
        assert [f for f in peer.quiet(0.3) if f.type == FrameType.HEADERS] == []

    server = scripted(script)
    with Client(server.target, timeout=10) as client:
        with pytest.raises(RPCError) as caught:
            client.actor.get_actor(id=1, retry=RetryPolicy(max_attempts=3, backoff=FAST.backoff))
        assert caught.value.message == "still busy"
    server.check()


def test_the_client_keeps_to_the_servers_stream_limit(scripted):
    def script(peer: Peer) -> None:
        peer.handshake(max_concurrent_streams=2)
        stream_id, _ = peer.call()  # the client need not wait for SETTINGS: this first call shows it has them
        peer.respond(stream_id, actor(stream_id))
        answered = 0
        while answered < 10:
            opened = [peer.call()[0] for _ in range(min(2, 10 - answered))]
            assert [f for f in peer.quiet(0.1) if f.type == FrameType.HEADERS] == []  # no third stream
            for stream_id in opened:
                peer.respond(stream_id, actor(stream_id))
            answered += len(opened)

    server = scripted(script)

    async def scenario():
        async with AsyncClient(server.target, timeout=10) as client:
            assert (await client.actor.get_actor(id=0)).id == 1
            results = await asyncio.gather(*(client.actor.get_actor(id=i) for i in range(10)))
            assert sorted(r.id for r in results) == list(range(3, 23, 2))

    run(scenario())
    server.check()


def test_pings_are_answered_and_the_preface_goes_first_however_fast_the_server_speaks(scripted):
    def script(peer: Peer) -> None:
        # The server's preface, SETTINGS and a PING arrive before the client has written anything.
        settings = Frame(FrameType.SETTINGS, 0, 0, v1.Settings().SerializeToString())
        peer.send(settings, Frame(FrameType.PING, 0, 0, b"pingpong"), preface=True)
        peer.sock.settimeout(5)
        head = b""
        while len(head) < len(PREFACE):
            head += peer.sock.recv(len(PREFACE) - len(head))
        assert head == PREFACE
        peer.decoder.feed(PREFACE)
        first = peer.read()
        assert first.type == FrameType.SETTINGS and not first.flags
        stream_id, _ = peer.call()
        peer.respond(stream_id, actor(1))
        peer.quiet(0.05)
        assert Frame(FrameType.SETTINGS, ACK, 0) in peer.received
        assert Frame(FrameType.PING, ACK, 0, b"pingpong") in peer.received

    server = scripted(script)
    for _ in range(20):
        with Client(server.target, timeout=10) as client:
            assert client.actor.get_actor(id=1).id == 1
    server.check()


def test_a_server_breaking_the_protocol_gets_goaway_and_its_calls_fail_internal(scripted):
    def script(peer: Peer) -> None:
        peer.handshake()
        stream_id, _ = peer.call()
        peer.send(Frame(FrameType.MESSAGE, 0, stream_id + 40, b""))
        goaway = next(f for f in iter(peer.read, None) if f.type == FrameType.GOAWAY)
        assert v1.GoAway.FromString(goaway.payload).error_code == ErrorCode.PROTOCOL_ERROR

    server = scripted(script)
    with Client(server.target, timeout=10) as client:
        with pytest.raises(RPCError) as caught:
            client.actor.get_actor(id=1)
        assert caught.value.code == StatusCode.INTERNAL and "never opened" in caught.value.message
    server.check()


def test_goaway_with_an_error_fails_the_unprocessed_calls_with_its_status(scripted):
    def script(peer: Peer) -> None:
        peer.handshake()
        peer.call()
        peer.goaway(0, ErrorCode.RESOURCE_EXHAUSTED, "too many connections")

    server = scripted(script)
    with Client(server.target, timeout=10) as client:
        with pytest.raises(RPCError) as caught:
            client.actor.get_actor(id=1)
        assert caught.value.code == StatusCode.RESOURCE_EXHAUSTED and "too many connections" in caught.value.message
    server.check()
    assert len(server.peers) == 1


def test_connection_attempts_that_fail_back_off():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens here once it is closed
    backoff = Backoff(initial=0.3, multiplier=2, jitter=0)
    with Client(f"127.0.0.1:{port}", retry=None, reconnect_backoff=backoff) as client:
        channel = client._async_invoker.channel
        not_before = 0.0
        for failures, next_wait in ((1, 0.3), (2, 0.6), (3, 1.2)):
            before = time.monotonic()
            with pytest.raises(RPCError) as caught:
                client.health.check(timeout=5)
            after = time.monotonic()
            assert caught.value.reason == "CONNECT_FAILED"
            assert after >= not_before  # this attempt waited out the backoff the last failure set
            # The failure that just happened sets the next wait, from its own moment (between before and after).
            assert channel._failures == failures
            assert before + next_wait <= channel._next_attempt_at <= after + next_wait
            not_before = channel._next_attempt_at
        with pytest.raises(RPCError) as caught:
            client.health.check(timeout=0.2)  # the next attempt is 1.2 s away: past this deadline
        assert caught.value.code == StatusCode.DEADLINE_EXCEEDED


def test_a_stream_nobody_reads_stops_the_connection_reading_and_loses_nothing(scripted):
    count, size = 20000, 1024

    def script(peer: Peer) -> None:
        peer.handshake()
        stream_id, _ = peer.call()
        padding = size - 5  # an unknown field 15 of that many bytes: the message is `size` bytes in all
        payload = v1.HealthCheckResponse(status=v1.SERVING_STATUS_SERVING).SerializeToString() + bytes(
            [0x7a, 0x80 | padding & 0x7f, padding >> 7]) + bytes(padding)
        peer.sock.settimeout(30)
        peer.send(*(Frame(FrameType.MESSAGE, 0, stream_id, payload) for _ in range(count)))
        peer.send(Frame(FrameType.TRAILERS, 0, stream_id))
        peer.quiet(20)  # until the client closes: closing first with its frames unread would reset the connection

    server = scripted(script)

    async def scenario():
        async with AsyncClient(server.target, timeout=30) as client:
            stream = client.health.watch()
            assert (await stream.read(timeout=5)).status == v1.SERVING_STATUS_SERVING
            await asyncio.sleep(0.5)  # the server keeps sending; the client reads nothing
            connection = client._async_invoker.channel.current
            buffered = len(stream._sink.messages)
            assert not connection._transport.is_reading()
            assert buffered < count / 2, f"{buffered} messages buffered: the connection kept reading"
            received = 1
            while (message := await stream.read(timeout=5)) is not None:
                assert message.status == v1.SERVING_STATUS_SERVING
                received += 1
            assert received == count

    run(scenario(), limit=60)
    server.check()


def test_closing_the_blocking_client_ends_calls_waiting_to_retry(scripted):
    def script(peer: Peer) -> None:
        peer.handshake()
        stream_id, _ = peer.call()
        trailers = v1.Trailers(code=StatusCode.UNAVAILABLE, message="later",
                               details=v1.ErrorDetails(retry_after_ms=60000))
        peer.send(Frame(FrameType.TRAILERS, 0, stream_id, trailers.SerializeToString()))
        peer.quiet(5)

    server = scripted(script)
    client = Client(server.target)
    outcome: list[BaseException] = []

    def call() -> None:
        try:
            client.actor.get_actor(id=1)
        except BaseException as failure:  # noqa: BLE001 - inspected below
            outcome.append(failure)

    caller = threading.Thread(target=call)
    caller.start()
    channel = client._async_invoker.channel
    # The call went out (SETTINGS, HEADERS, MESSAGE) and its failure came back: the client waits out the hint.
    eventually(lambda: server.peers and len(server.peers[0].received) >= 3 and channel.current is not None
               and channel.current.open_calls == 0, 5, "the call waiting to be retried")
    started = time.monotonic()
    client.close()
    assert time.monotonic() - started < 5
    caller.join(5)
    assert not caller.is_alive(), "the call still waits on a closed client"
    assert isinstance(outcome[0], RPCError) and outcome[0].code == StatusCode.CANCELLED
