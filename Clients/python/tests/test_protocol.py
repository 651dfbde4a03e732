"""The client's protocol core on an injected clock: calls, deadlines, keepalive, SETTINGS, GOAWAY and errors."""

from __future__ import annotations

import pytest

from pledgewire import RPCError, StatusCode, v1
from pledgewire._events import (
    ConnectionEnded,
    GoAwayReceived,
    HeadersReceived,
    MessageReceived,
    PingAcknowledged,
    SettingsReceived,
    StreamEnded,
)
from pledgewire._frames import ACK, END_STREAM, PREFACE, ErrorCode, Frame, FrameDecoder, FrameType
from pledgewire._protocol import NOT_PROCESSED, NOT_SENT, ClientProtocol

GET = "/pledgewire.v1.ActorService/GetActor"


def server_bytes(*frames: Frame, preface: bool = False) -> bytes:
    return (PREFACE if preface else b"") + b"".join(f.encode() for f in frames)


def settings(**fields) -> Frame:
    return Frame(FrameType.SETTINGS, 0, 0, v1.Settings(**fields).SerializeToString())


def trailers(stream_id: int, code: int = 0, message: str = "", **details) -> Frame:
    payload = v1.Trailers(code=code, message=message, details=v1.ErrorDetails(**details)).SerializeToString()
    return Frame(FrameType.TRAILERS, 0, stream_id, payload)


def sent_frames(core: ClientProtocol) -> list[Frame]:
    decoder = FrameDecoder("server")
    decoder.feed(PREFACE)
    return decoder.feed(core.data_to_send())


def connected(**server_settings) -> ClientProtocol:
    core = ClientProtocol(now=0.0)
    events = core.receive(server_bytes(settings(**server_settings), preface=True), now=0.0)
    assert isinstance(events[0], SettingsReceived)
    core.data_to_send()
    return core


def test_it_opens_with_the_preface_and_its_settings_and_acknowledges_the_servers():
    core = ClientProtocol(now=0.0, max_frame_size=32768, agent="test/1")
    data = core.data_to_send()
    assert data.startswith(PREFACE)
    decoder = FrameDecoder("server")
    (first,) = decoder.feed(data)
    assert first.type == FrameType.SETTINGS
    assert v1.Settings.FromString(first.payload) == v1.Settings(max_frame_size=32768, max_metadata_size=8192,
                                                                agent="test/1")
    core.receive(server_bytes(settings(max_concurrent_streams=7), preface=True), now=0.0)
    assert sent_frames(core) == [Frame(FrameType.SETTINGS, ACK, 0)]
    assert core.max_concurrent_streams == 7


def test_a_unary_call_is_headers_and_one_message_with_end_stream_even_when_empty():
    core = connected()
    stream_id = core.start_stream(GET, now=1.0, deadline=3.5, metadata=(("x-request-id", "r-1"),), message=b"",
                                  end_stream=True)
    headers, message = sent_frames(core)
    assert (headers.type, headers.stream_id, message.type, message.flags) == (
        FrameType.HEADERS, stream_id, FrameType.MESSAGE, END_STREAM)
    assert message.payload == b""
    decoded = v1.RequestHeaders.FromString(headers.payload)
    assert decoded.method == GET and decoded.timeout_us == 2_500_000
    assert [(e.key, e.value) for e in decoded.metadata] == [("x-request-id", b"r-1")]
    assert core.start_stream(GET, now=1.0, message=b"") == stream_id + 2


def test_a_response_is_headers_messages_and_trailers():
    core = connected()
    stream_id = core.start_stream(GET, now=0.0, message=b"", end_stream=True)
    response_headers = v1.ResponseHeaders(metadata=[v1.MetadataEntry(key="x-a", value=b"1")])
    events = core.receive(server_bytes(
        Frame(FrameType.HEADERS, 0, stream_id, response_headers.SerializeToString()),
        Frame(FrameType.MESSAGE, 0, stream_id, b"\x08\x01"),
        trailers(stream_id, StatusCode.NOT_FOUND, "gone", existing_id=4),
    ), now=0.0)
    assert events[0] == HeadersReceived(stream_id, (("x-a", "1"),))
    assert events[1] == MessageReceived(stream_id, b"\x08\x01")
    assert isinstance(events[2], StreamEnded) and events[2].error.code == StatusCode.NOT_FOUND
    assert events[2].error.message == "gone" and events[2].error.existing_id == 4
    assert core.open_streams == 0


def test_the_deadline_passes_exactly_on_time_and_cancels_the_stream():
    core = connected()
    stream_id = core.start_stream(GET, now=10.0, deadline=12.0, message=b"", end_stream=True)
    core.data_to_send()
    assert core.next_timer() == 12.0
    assert core.on_timer(11.999) == []
    (ended,) = core.on_timer(12.0)
    assert ended.stream_id == stream_id and ended.error.code == StatusCode.DEADLINE_EXCEEDED
    (cancel,) = sent_frames(core)
    assert cancel.type == FrameType.CANCEL and v1.Cancel.FromString(cancel.payload).error_code == ErrorCode.DEADLINE_EXCEEDED
    # The server's late answer for it is dropped, not an error.
    assert core.receive(server_bytes(trailers(stream_id)), now=12.1) == []
    assert core.next_timer() is None


def test_a_passed_deadline_never_sends_the_call():
    core = connected()
    with pytest.raises(RPCError) as caught:
        core.start_stream(GET, now=5.0, deadline=5.0, message=b"")
    assert caught.value.code == StatusCode.DEADLINE_EXCEEDED
    assert core.data_to_send() == b""


def test_requests_over_the_servers_limits_are_refused_before_anything_is_sent():
    core = connected(max_frame_size=16384, max_metadata_size=100)
    with pytest.raises(RPCError) as caught:
        core.start_stream(GET, now=0.0, message=bytes(16385))
    assert caught.value.code == StatusCode.RESOURCE_EXHAUSTED and "16384" in caught.value.message
    with pytest.raises(RPCError) as caught:
        core.start_stream(GET, now=0.0, metadata=(("k", "v" * 100),), message=b"")
    assert caught.value.code == StatusCode.RESOURCE_EXHAUSTED and "max_metadata_size" in caught.value.message
    assert core.data_to_send() == b"" and core.open_streams == 0


def test_streams_beyond_the_servers_limit_do_not_start():
    core = connected(max_concurrent_streams=2)
    first = core.start_stream(GET, now=0.0, message=b"")
    core.start_stream(GET, now=0.0, message=b"")
    assert not core.can_open_stream
    with pytest.raises(RPCError) as caught:
        core.start_stream(GET, now=0.0, message=b"")
    assert caught.value.reason == NOT_SENT
    core.receive(server_bytes(trailers(first)), now=0.0)
    assert core.can_open_stream


def test_a_ping_is_answered_with_the_same_bytes():
    core = connected()
    assert core.receive(server_bytes(Frame(FrameType.PING, 0, 0, b"12345678")), now=0.0) == []
    assert sent_frames(core) == [Frame(FrameType.PING, ACK, 0, b"12345678")]
    assert core.pings_answered == 1


def test_keepalive_pings_a_silent_server_and_gives_up_when_it_does_not_answer():
    core = ClientProtocol(now=0.0, keepalive=10.0, keepalive_timeout=5.0)
    core.receive(server_bytes(settings(), preface=True), now=0.0)
    stream_id = core.start_stream(GET, now=0.0, message=b"")
    core.data_to_send()
    assert core.next_timer() == 10.0
    assert core.on_timer(9.0) == [] and sent_frames(core) == []
    assert core.on_timer(10.0) == []
    (ping,) = sent_frames(core)
    assert ping.type == FrameType.PING and not ping.flags
    assert core.next_timer() == 15.0
    # An answer clears it; the next ping comes after another quiet spell.
    assert core.receive(server_bytes(Frame(FrameType.PING, ACK, 0, ping.payload)), now=11.0) == [
        PingAcknowledged(ping.payload)]
    assert core.keepalive_acks == 1 and core.next_timer() == 21.0
    core.on_timer(21.0)
    sent_frames(core)
    events = core.on_timer(26.0)
    assert [type(e) for e in events] == [StreamEnded, ConnectionEnded]
    assert events[0].stream_id == stream_id and events[0].error.code == StatusCode.UNAVAILABLE
    assert not core.accepting


def test_keepalive_is_quiet_without_calls():
    core = ClientProtocol(now=0.0, keepalive=1.0)
    core.receive(server_bytes(settings(), preface=True), now=0.0)
    core.data_to_send()
    assert core.next_timer() is None
    assert core.on_timer(100.0) == [] and core.data_to_send() == b""


def test_goaway_ends_the_streams_above_its_last_id_as_not_processed_and_lets_the_others_finish():
    core = connected()
    ids = [core.start_stream(GET, now=0.0, message=b"") for _ in range(3)]
    goaway = v1.GoAway(last_stream_id=ids[0], error_code=ErrorCode.NO_ERROR, message="draining")
    events = core.receive(server_bytes(Frame(FrameType.GOAWAY, 0, 0, goaway.SerializeToString())), now=0.0)
    assert events[0] == GoAwayReceived(ids[0], 0, "draining")
    refused = events[1:]
    assert [e.stream_id for e in refused] == ids[1:]
    assert all(e.error.code == StatusCode.UNAVAILABLE and e.error.reason == NOT_PROCESSED for e in refused)
    assert not core.accepting and core.open_streams == 1
    with pytest.raises(RPCError) as caught:
        core.start_stream(GET, now=0.0, message=b"")
    assert caught.value.reason == NOT_SENT
    (ended,) = core.receive(server_bytes(trailers(ids[0])), now=0.0)
    assert ended.error is None
    assert [type(e) for e in core.receive_eof()] == [ConnectionEnded]


def test_calls_cut_short_by_a_closing_server_get_the_goaway_codes_status():
    core = connected()
    stream_id = core.start_stream(GET, now=0.0, message=b"")
    goaway = v1.GoAway(last_stream_id=stream_id, error_code=ErrorCode.RESOURCE_EXHAUSTED, message="too many")
    core.receive(server_bytes(Frame(FrameType.GOAWAY, 0, 0, goaway.SerializeToString())), now=0.0)
    ended, closed = core.receive_eof()
    assert ended.error.code == StatusCode.RESOURCE_EXHAUSTED and "too many" in ended.error.message
    assert isinstance(closed, ConnectionEnded)


def test_a_lost_connection_fails_open_calls_unavailable():
    core = connected()
    stream_id = core.start_stream(GET, now=0.0, message=b"")
    ended, closed = core.receive_eof()
    assert ended.stream_id == stream_id and ended.error.code == StatusCode.UNAVAILABLE
    assert isinstance(closed, ConnectionEnded)


@pytest.mark.parametrize("frames,why", [
    ([Frame(FrameType.PING, 0, 0, bytes(8))], "first frame is PING"),
    ([settings(), Frame(FrameType.TRAILERS, 0, 9)], "never opened"),
    ([settings(), Frame(FrameType.TRAILERS, 0, 1, b"\xff")], "does not decode"),
    ([settings(max_frame_size=1024)], "outside 16 KiB"),
    ([settings(), Frame(FrameType.MESSAGE, 0, 1, b""), Frame(FrameType.HEADERS, 0, 1)], "HEADERS after"),
])
def test_a_misbehaving_server_gets_goaway_protocol_error_and_the_calls_fail_internal(frames, why):
    core = ClientProtocol(now=0.0)
    stream_id = core.start_stream(GET, now=0.0, message=b"")
    core.data_to_send()
    events = core.receive(server_bytes(*frames, preface=True), now=0.0)
    ended = next(e for e in events if isinstance(e, StreamEnded))
    assert ended.stream_id == stream_id and ended.error.code == StatusCode.INTERNAL and why in ended.error.message
    assert isinstance(events[-1], ConnectionEnded)
    goaway = [f for f in sent_frames(core) if f.type == FrameType.GOAWAY]
    assert v1.GoAway.FromString(goaway[0].payload).error_code == ErrorCode.PROTOCOL_ERROR
    assert core.receive(server_bytes(trailers(stream_id)), now=0.0) == []


def test_a_frame_over_the_clients_limit_fails_the_calls_resource_exhausted():
    core = ClientProtocol(now=0.0, max_frame_size=16384)
    core.start_stream(GET, now=0.0, message=b"")
    core.data_to_send()
    events = core.receive(server_bytes(settings(), Frame(FrameType.MESSAGE, 0, 1, bytes(16385)), preface=True),
                          now=0.0)
    assert events[1].error.code == StatusCode.RESOURCE_EXHAUSTED
    (goaway,) = [f for f in sent_frames(core) if f.type == FrameType.GOAWAY]
    assert v1.GoAway.FromString(goaway.payload).error_code == ErrorCode.FRAME_SIZE_ERROR


def test_client_streams_half_close_and_stop_when_the_server_answered_early():
    core = connected()
    stream_id = core.start_stream("/pledgewire.v1.ActorService/ImportActors", now=0.0)
    assert core.send_message(stream_id, b"a")
    assert core.half_close(stream_id)
    assert [f.type for f in sent_frames(core)] == [FrameType.HEADERS, FrameType.MESSAGE, FrameType.HALF_CLOSE]
    core.receive(server_bytes(trailers(stream_id, StatusCode.INVALID_ARGUMENT)), now=0.0)
    assert not core.send_message(stream_id, b"b") and not core.half_close(stream_id)
    assert core.data_to_send() == b""
