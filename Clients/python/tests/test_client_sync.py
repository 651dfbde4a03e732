"""The blocking client against the real Swift server: every call kind, errors with details, cancellation,
deadlines, metadata and many threads on one connection."""

from __future__ import annotations

import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from pledgewire import Client, RPCError, StatusCode, v1
from pledgewire._frames import ErrorCode, FrameType
from support.proxy import RecordingProxy
from support.stats import eventually, server_counted, status_count

HEALTH_WATCH = "/pledgewire.v1.HealthService/Watch"


@pytest.fixture
def client(server):
    with Client(server.target, timeout=10) as c:
        yield c


def test_unary_calls_return_typed_messages(client):
    (candidate, *_) = client.actor.resolve_actor(name="Keir Starmer").candidates
    assert candidate.actor.canonical_name == "Keir Starmer"
    actor = client.actor.get_actor(id=candidate.actor.id)
    assert isinstance(actor, v1.Actor) and actor == candidate.actor
    same = client.actor.get_actor(v1.GetActorRequest(id=actor.id))
    assert same == actor
    assert client.health.check().status == v1.SERVING_STATUS_SERVING  # an empty request message still goes out


def test_a_request_or_its_fields_not_both(client):
    with pytest.raises(TypeError):
        client.actor.get_actor(v1.GetActorRequest(id=1), id=2)
    with pytest.raises(TypeError):
        client.actor.get_actor(v1.GetPledgeRequest(id=1))


def test_errors_carry_the_status_message_and_details(client):
    with pytest.raises(RPCError) as caught:
        client.actor.get_actor(id=987654)
    assert caught.value.code == StatusCode.NOT_FOUND and "987654" in caught.value.message

    with pytest.raises(RPCError) as caught:
        client.actor.create_actor(actor=v1.Actor(kind=v1.ACTOR_KIND_PERSON))
    assert caught.value.code == StatusCode.INVALID_ARGUMENT
    assert "actor.canonical_name" in caught.value.field_violations

    existing = client.article.list_articles(view=v1.ARTICLE_VIEW_BASIC).articles[0]
    duplicate = v1.Article(canonical_url=existing.canonical_url, title="Again", outlet="Example", body="Text.",
                           published_at_ms=1740000000000)
    with pytest.raises(RPCError) as caught:
        client.article.create_article(article=duplicate)
    assert caught.value.code == StatusCode.ALREADY_EXISTS and caught.value.existing_id == existing.id


def test_a_response_over_the_clients_frame_limit_says_what_the_write_committed(server):
    with Client(server.target, timeout=10, max_frame_size=16 * 1024) as small:
        article = v1.Article(canonical_url="https://news.example/long", title="Long", outlet="Example",
                             body="word " * 5000, published_at_ms=1740000000000)
        with pytest.raises(RPCError) as caught:
            small.article.create_article(article=article)
        assert caught.value.code == StatusCode.RESOURCE_EXHAUSTED
        stored = small.article.list_articles(view=v1.ARTICLE_VIEW_BASIC).articles
        (created,) = [a for a in stored if a.canonical_url == article.canonical_url]
        assert caught.value.committed_id == created.id
        assert "do not retry" in caught.value.message


def test_a_server_stream_is_an_iterator_with_time_limited_reads(client):
    with client.health.watch() as watch:
        assert watch.read(timeout=5).status == v1.SERVING_STATUS_SERVING
        with pytest.raises(TimeoutError):
            watch.read(timeout=0.05)  # nothing changes: the read gives up, the stream goes on
        assert not watch.done


def test_watch_delivers_the_changes_made_after_it_started(client):
    pledges = [p.id for p in client.pledge.list_pledges().pledges]
    with client.pledge.watch_pledges() as watch:
        # Watch subscribes in its handler: change pledges until the first change shows it is listening.
        first = None
        for pledge_id in pledges[:-1]:
            client.pledge.update_pledge_status(pledge_id=pledge_id, status=v1.PLEDGE_STATUS_IN_PROGRESS)
            try:
                first = watch.read(timeout=0.5)
                break
            except TimeoutError:
                continue
        assert first is not None and first.kind == v1.PLEDGE_EVENT_KIND_STATUS_CHANGED
        client.pledge.update_pledge_status(pledge_id=pledges[-1], status=v1.PLEDGE_STATUS_IN_PROGRESS, note="now")
        event = watch.read(timeout=5)
        while event.pledge.id != pledges[-1]:  # changes made before `first` was read may still be queued
            event = watch.read(timeout=5)
        assert event.pledge.status == v1.PLEDGE_STATUS_IN_PROGRESS and event.sequence > first.sequence
        assert event.resume_token


def test_client_streams_take_lists_and_generators(client):
    people = [v1.CreateActorRequest(actor=v1.Actor(kind=v1.ACTOR_KIND_PERSON, canonical_name=f"Person {i}"))
              for i in range(300)]
    result = client.actor.import_actors(people)
    assert (result.received, result.created, len(result.ids)) == (300, 300, 300)

    def generated():
        yield v1.CreateActorRequest(actor=v1.Actor(kind=v1.ACTOR_KIND_PERSON, canonical_name="Generated"))
        yield v1.CreateActorRequest(actor=v1.Actor(kind=v1.ACTOR_KIND_PERSON))  # no name: fails alone

    result = client.actor.import_actors(generated())
    assert (result.received, result.created) == (2, 1)
    assert result.failures[0].index == 1 and result.failures[0].code == v1.STATUS_CODE_INVALID_ARGUMENT
    assert client.actor.get_actor(id=result.ids[0]).canonical_name == "Generated"


def test_a_failing_request_source_fails_the_call_and_cancels_it(client, server):
    def broken():
        yield v1.CreateActorRequest(actor=v1.Actor(kind=v1.ACTOR_KIND_PERSON, canonical_name="Before"))
        raise OSError("the source broke")

    with pytest.raises(OSError, match="the source broke"):
        client.actor.import_actors(broken())
    server_counted(server.target, "/pledgewire.v1.ActorService/ImportActors", StatusCode.CANCELLED)


def test_cancelling_a_stream_sends_cancel_and_the_server_stops_it(server):
    proxy = RecordingProxy(server.port)
    try:
        with Client(proxy.target, timeout=10) as client:
            watch = client.health.watch()
            assert watch.read(timeout=5).status == v1.SERVING_STATUS_SERVING
            watch.cancel()
            cancel = proxy.wait_for(FrameType.CANCEL)
            assert v1.Cancel.FromString(cancel.payload).error_code == ErrorCode.CANCEL
            with pytest.raises(RPCError) as caught:
                watch.read(timeout=5)
            assert caught.value.code == StatusCode.CANCELLED
            server_counted(server.target, HEALTH_WATCH, StatusCode.CANCELLED)
            assert client.health.check().status == v1.SERVING_STATUS_SERVING  # the connection goes on
    finally:
        proxy.close()


def test_dropping_a_stream_before_its_end_cancels_it(client, server):
    for _ in client.health.watch():
        break  # the stream is dropped here
    server_counted(server.target, HEALTH_WATCH, StatusCode.CANCELLED)


def test_a_streams_deadline_ends_it_deadline_exceeded(client, server):
    watch = client.health.watch(timeout=0.3)
    assert watch.read(timeout=5).status == v1.SERVING_STATUS_SERVING
    with pytest.raises(RPCError) as caught:
        watch.read(timeout=5)
    assert caught.value.code == StatusCode.DEADLINE_EXCEEDED
    server_counted(server.target, HEALTH_WATCH, StatusCode.DEADLINE_EXCEEDED)


def test_calls_beyond_the_servers_stream_limit_wait_in_the_client(start_server):
    server = start_server("--max-concurrent-streams", "2")
    with Client(server.target, timeout=10) as client:
        watch = client.health.watch()
        assert watch.read(timeout=5).status == v1.SERVING_STATUS_SERVING
        with ThreadPoolExecutor(8) as pool:
            names = list(pool.map(lambda i: client.actor.get_actor(id=1 + i % 5).canonical_name, range(64)))
        assert len(names) == 64 and all(names)
        # With both streams taken the next call waits for one, here until its deadline: it is never sent.
        blocker = client.health.watch()
        assert blocker.read(timeout=5).status == v1.SERVING_STATUS_SERVING
        with pytest.raises(RPCError) as caught:
            client.actor.get_actor(id=1, timeout=0.2)
        assert caught.value.code == StatusCode.DEADLINE_EXCEEDED
        blocker.cancel()
        assert client.actor.get_actor(id=1).id == 1
        stats = client.stats.get_server_stats()
        assert status_count(stats, "/pledgewire.v1.ActorService/GetActor", StatusCode.UNAVAILABLE) == 0
        watch.cancel()


def test_many_threads_share_one_connection(server, client):
    ids = [a.id for a in client.actor.list_actors().actors]
    errors: list[BaseException] = []

    def work(worker: int) -> None:
        try:
            for i in range(40):
                actor_id = ids[(worker + i) % len(ids)]
                assert client.actor.get_actor(id=actor_id).id == actor_id
        except BaseException as failure:  # noqa: BLE001 - reported below
            errors.append(failure)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors and not any(t.is_alive() for t in threads)
    assert client.stats.get_server_stats().connections_accepted == 1


def test_metadata_and_the_token_travel_in_the_headers(server, monkeypatch):
    proxy = RecordingProxy(server.port)
    monkeypatch.setenv("PLEDGEWIRE_TOKEN", "from-the-environment")
    try:
        with Client(proxy.target, metadata={"x-client": "tests"}) as client:
            client.actor.get_actor(id=1, metadata=[("x-request-id", "r-1"), ("trace-bin", b"\x00\x01")], timeout=5)
        with Client(proxy.target, token="explicit") as client:
            client.health.check()
        first, second = proxy.headers()
        assert [(e.key, e.value) for e in first.metadata] == [
            ("x-client", b"tests"), ("authorization", b"Bearer from-the-environment"), ("x-request-id", b"r-1"),
            ("trace-bin", b"\x00\x01")]
        assert 4_000_000 < first.timeout_us <= 5_000_000
        assert [(e.key, e.value) for e in second.metadata] == [("authorization", b"Bearer explicit")]
        assert second.timeout_us == 0
    finally:
        proxy.close()


def test_invalid_metadata_is_refused_before_sending(client):
    with pytest.raises(RPCError) as caught:
        client.health.check(metadata={"Bad Key": "v"})
    assert caught.value.code == StatusCode.INVALID_ARGUMENT
    with pytest.raises(RPCError) as caught:
        client.health.check(metadata={"big": "x" * 9000})
    assert caught.value.code == StatusCode.RESOURCE_EXHAUSTED


def test_the_client_answers_the_servers_keepalive_pings(start_server):
    server = start_server("--keepalive", "1")
    with Client(server.target) as client:
        watch = client.health.watch()
        assert watch.read(timeout=5).status == v1.SERVING_STATUS_SERVING
        core = client._async_invoker.channel.current.core
        eventually(lambda: core.pings_answered >= 1, 5, "a PING from the server answered")
        assert client.health.check().status == v1.SERVING_STATUS_SERVING
        watch.cancel()


def test_tokens_travel_from_the_option_and_the_environment(start_server, server_binary, tmp_path, monkeypatch):
    db = str(tmp_path / "auth.sqlite")
    made = subprocess.run([str(server_binary), "token", "create", "--db", db, "--name", "py", "--role", "reader"],
                          capture_output=True, text=True, check=True)
    token = made.stdout.strip()
    server = start_server("--db", db, "--auth", "required")
    monkeypatch.delenv("PLEDGEWIRE_TOKEN", raising=False)
    with Client(server.target, timeout=10) as anonymous:
        with pytest.raises(RPCError) as caught:
            anonymous.pledge.list_pledges()
        assert caught.value.code == StatusCode.UNAUTHENTICATED
    with Client(server.target, timeout=10, token=token) as reader:
        assert reader.pledge.list_pledges().pledges
        with pytest.raises(RPCError) as caught:
            reader.actor.delete_actor(id=1)
        assert caught.value.code == StatusCode.PERMISSION_DENIED and '"py" has role reader' in caught.value.message
    monkeypatch.setenv("PLEDGEWIRE_TOKEN", token)
    with Client(server.target, timeout=10) as from_environment:
        assert from_environment.pledge.list_pledges().pledges
    assert token not in server.log
