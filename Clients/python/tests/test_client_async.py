"""The asyncio client against the real Swift server; and the two clients have the same surface."""

from __future__ import annotations

import asyncio
import inspect

import pytest

import pledgewire
from pledgewire import AsyncClient, Client, RPCError, StatusCode, v1
from pledgewire._frames import ErrorCode, FrameType
from support.proxy import RecordingProxy
from support.stats import eventually, server_counted

HEALTH_WATCH = "/pledgewire.v1.HealthService/Watch"


def run(coroutine, limit: float = 30):
    """Runs a test coroutine on a fresh loop, failing it when it takes longer than `limit` seconds."""
    return asyncio.run(asyncio.wait_for(coroutine, limit))


def test_unary_and_concurrent_calls_share_one_connection(server):
    async def scenario():
        async with AsyncClient(server.target, timeout=10) as client:
            actors = (await client.actor.list_actors()).actors
            results = await asyncio.gather(*(client.actor.get_actor(id=actors[i % len(actors)].id)
                                             for i in range(300)))
            assert [r.id for r in results] == [actors[i % len(actors)].id for i in range(300)]
            with pytest.raises(RPCError) as caught:
                await client.actor.get_actor(id=424242)
            assert caught.value.code == StatusCode.NOT_FOUND
            assert (await client.stats.get_server_stats()).connections_accepted == 1

    run(scenario())


def test_a_server_stream_is_an_async_iterator(server):
    async def scenario():
        async with AsyncClient(server.target, timeout=10) as client:
            async with client.health.watch() as watch:
                first = await asyncio.wait_for(watch.__anext__(), 5)
                assert first.status == v1.SERVING_STATUS_SERVING
                with pytest.raises(TimeoutError):
                    await watch.read(timeout=0.05)
            assert watch.done

    run(scenario())


def test_client_streams_take_async_generators(server):
    async def scenario():
        async with AsyncClient(server.target, timeout=10) as client:
            async def people():
                for i in range(50):
                    yield v1.CreateActorRequest(actor=v1.Actor(kind=v1.ACTOR_KIND_PERSON, canonical_name=f"A{i}"))

            result = await client.actor.import_actors(people())
            assert (result.received, result.created) == (50, 50)

    run(scenario())


def test_a_client_stream_whose_source_stalls_ends_at_its_deadline_and_closes_the_source(server):
    async def scenario():
        closed = asyncio.Event()

        async def stalling():
            try:
                yield v1.CreateActorRequest(actor=v1.Actor(kind=v1.ACTOR_KIND_PERSON, canonical_name="First"))
                await asyncio.Event().wait()  # never set
                yield v1.CreateActorRequest()
            finally:
                closed.set()

        async with AsyncClient(server.target) as client:
            with pytest.raises(RPCError) as caught:
                await client.actor.import_actors(stalling(), timeout=0.3)
            assert caught.value.code == StatusCode.DEADLINE_EXCEEDED
            assert closed.is_set()

    run(scenario())
    server_counted(server.target, "/pledgewire.v1.ActorService/ImportActors", StatusCode.DEADLINE_EXCEEDED)


def test_cancelling_the_task_cancels_the_call_on_the_wire(server):
    proxy = RecordingProxy(server.port)

    async def scenario():
        async with AsyncClient(proxy.target) as client:
            watch = client.health.watch()
            assert (await watch.read(timeout=5)).status == v1.SERVING_STATUS_SERVING

            async def reader():
                async for _ in client.pledge.watch_pledges():
                    pass

            task = asyncio.get_running_loop().create_task(reader())
            await asyncio.sleep(0)
            while len(proxy.headers()) < 2:  # the pledge watch's HEADERS reached the server
                await asyncio.sleep(0.01)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            watch.cancel()

    try:
        run(scenario())

        def cancels():
            return [f for f in proxy.frames if f.type == FrameType.CANCEL]

        eventually(lambda: len(cancels()) >= 2, 5, "two CANCEL frames through the proxy")
        cancels = cancels()
        assert sorted(f.stream_id for f in cancels) == [1, 3]
        assert all(v1.Cancel.FromString(f.payload).error_code == ErrorCode.CANCEL for f in cancels)
        server_counted(server.target, "/pledgewire.v1.PledgeService/WatchPledges", StatusCode.CANCELLED)
    finally:
        proxy.close()


def test_a_unary_deadline_that_passes_while_waiting_for_a_stream_is_never_sent(start_server):
    server = start_server("--max-concurrent-streams", "1")

    async def scenario():
        async with AsyncClient(server.target) as client:
            async with client.health.watch() as watch:
                await watch.read(timeout=5)
                with pytest.raises(RPCError) as caught:
                    await client.actor.get_actor(id=1, timeout=0.2)
                assert caught.value.code == StatusCode.DEADLINE_EXCEEDED
                pending = asyncio.ensure_future(client.actor.get_actor(id=1))
                await asyncio.sleep(0.05)
                assert not pending.done()  # waiting for the stream the watch holds
            assert (await asyncio.wait_for(pending, 5)).id == 1

    run(scenario())


def test_both_clients_have_the_same_services_and_methods():
    for attribute, sync_type in inspect.get_annotations(pledgewire._services.Services).items():
        async_type = inspect.get_annotations(pledgewire._services.AsyncServices)[attribute]
        sync_cls = getattr(pledgewire._services, sync_type)
        async_cls = getattr(pledgewire._services, async_type)
        names = {n for n in vars(sync_cls) if not n.startswith("_")}
        assert names == {n for n in vars(async_cls) if not n.startswith("_")}
        for name in names:
            sync_signature = inspect.signature(getattr(sync_cls, name))
            async_signature = inspect.signature(getattr(async_cls, name))
            assert list(sync_signature.parameters) == list(async_signature.parameters), name
    assert set(inspect.signature(Client).parameters) == set(inspect.signature(AsyncClient).parameters)
