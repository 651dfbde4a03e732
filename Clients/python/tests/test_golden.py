"""The golden vectors of docs/PROTOCOL.md §7, read from Tests/PledgewireWireTests/Golden at test time: the frame
codec reads and writes them byte for byte, and the client's protocol core, driven through the conversation they
show, writes exactly the client's bytes and makes the right events of the server's."""

from __future__ import annotations

import pytest
from google.protobuf.message import Message

from pledgewire import METHODS, StatusCode, v1
from pledgewire._events import GoAwayReceived, HeadersReceived, MessageReceived, PingAcknowledged, StreamEnded
from pledgewire._frames import ACK, END_STREAM, PREFACE, Frame, FrameDecoder, FrameType
from pledgewire._protocol import ClientProtocol
from pledgewire.metadata import from_entries
from support.server import REPO

GOLDEN = REPO / "Tests" / "PledgewireWireTests" / "Golden"


def golden(name: str) -> bytes:
    text = (GOLDEN / name).read_text()
    return bytes.fromhex(" ".join(line.split("#", 1)[0] for line in text.splitlines()))


def frames(data: bytes, receiver: str) -> list[Frame]:
    decoder = FrameDecoder(receiver)  # type: ignore[arg-type]
    decoded = decoder.feed(data)
    assert decoder.buffered == 0, "the golden file ends inside a frame"
    assert decoder.peer_version == (1, 0)
    return decoded


def client_frames() -> list[Frame]:
    return frames(golden("client-to-server.hex"), "server")


def server_frames() -> list[Frame]:
    return frames(golden("server-to-client.hex"), "client")


def methods_by_stream() -> dict[int, str]:
    opened = {}
    for frame in client_frames():
        if frame.type == FrameType.HEADERS:
            opened[frame.stream_id] = v1.RequestHeaders.FromString(frame.payload).method
    return opened


def envelope(frame: Frame, sender: str) -> type[Message] | None:
    if frame.type == FrameType.SETTINGS and not frame.flags & ACK:
        return v1.Settings
    return {
        FrameType.HEADERS: v1.RequestHeaders if sender == "client" else v1.ResponseHeaders,
        FrameType.TRAILERS: v1.Trailers,
        FrameType.GOAWAY: v1.GoAway,
        FrameType.CANCEL: v1.Cancel,
    }.get(FrameType(frame.type))


def summary(events: list) -> list:
    """Events comparable with ==: a StreamEnded as (StreamEnded, stream, code, message)."""
    return [
        (StreamEnded, e.stream_id, e.error.code if e.error else StatusCode.OK, e.error.message if e.error else "")
        if isinstance(e, StreamEnded) else e
        for e in events
    ]


@pytest.mark.parametrize("name,receiver,sender", [
    ("client-to-server.hex", "server", "client"),
    ("server-to-client.hex", "client", "server"),
])
def test_every_frame_decodes_and_encodes_back_byte_for_byte(name, receiver, sender):
    data = golden(name)
    decoded = frames(data, receiver)
    assert PREFACE + b"".join(frame.encode() for frame in decoded) == data
    streams = methods_by_stream()
    for frame in decoded:
        message_type = envelope(frame, sender)
        if frame.type == FrameType.MESSAGE:
            method = METHODS[streams[frame.stream_id]]
            message_type = method.request_type if sender == "client" else method.response_type
        if message_type is not None:
            # Python's protobuf writes fields in number order, as protobuf-c does: the same bytes come back.
            assert message_type.FromString(frame.payload).SerializeToString() == frame.payload, frame


def test_the_documented_values_are_what_the_vectors_hold():
    settings = v1.Settings.FromString(server_frames()[0].payload)
    assert settings.max_frame_size == 4 * 1024 * 1024 and settings.max_metadata_size == 8192
    first = client_frames()
    assert first[0].type == FrameType.SETTINGS
    streams = methods_by_stream()
    assert streams[1] == "/pledgewire.v1.ActorService/GetActor"
    message = next(f for f in server_frames() if f.type == FrameType.MESSAGE)
    assert v1.Actor.FromString(message.payload).canonical_name == "Keir Starmer"


def test_the_client_core_writes_the_clients_bytes_and_reads_the_servers():
    sent = client_frames()
    received = server_frames()
    settings = v1.Settings.FromString(sent[0].payload)
    core = ClientProtocol(now=0.0, max_frame_size=settings.max_frame_size,
                          max_metadata_size=settings.max_metadata_size, agent=settings.agent)
    assert core.data_to_send() == PREFACE + sent[0].encode()

    never_opened = []
    pending = sent[1:]
    while pending:
        frame = pending.pop(0)
        done = True
        if frame.type == FrameType.SETTINGS:
            # The client acknowledges the server's SETTINGS here: the server's preface and SETTINGS came in.
            assert frame.flags == ACK and not frame.payload
            assert core.receive(PREFACE + received[0].encode(), now=0.0)
        elif frame.type == FrameType.HEADERS:
            assert not frame.flags & END_STREAM, "the core always sends a request MESSAGE, empty or not"
            headers = v1.RequestHeaders.FromString(frame.payload)
            body = pending.pop(0) if pending and pending[0].type == FrameType.MESSAGE and \
                pending[0].stream_id == frame.stream_id else None
            stream_id = core.start_stream(
                headers.method, now=0.0, deadline=headers.timeout_us / 1e6 if headers.timeout_us else None,
                metadata=tuple((e.key, e.value.decode()) for e in headers.metadata),
                message=body.payload if body else None, end_stream=bool(body and body.flags & END_STREAM))
            assert stream_id == frame.stream_id
            assert core.data_to_send() == frame.encode() + (body.encode() if body else b"")
            continue
        elif frame.type == FrameType.MESSAGE:
            done = core.send_message(frame.stream_id, frame.payload, end_stream=bool(frame.flags & END_STREAM))
        elif frame.type == FrameType.PING:
            core.ping(frame.payload)
        elif frame.type == FrameType.CANCEL:
            done = core.cancel(frame.stream_id, v1.Cancel.FromString(frame.payload).error_code)
        elif frame.type == FrameType.HALF_CLOSE:
            done = core.half_close(frame.stream_id)
        else:
            pytest.fail(f"unexpected {frame.name} in the client's vector")
        if not done:
            never_opened.append(f"{frame.name} {frame.stream_id}")
            continue
        assert core.data_to_send() == frame.encode()

    assert core.peer_settings is not None, "the client never acknowledged the server's SETTINGS"
    events = core.receive(b"".join(f.encode() for f in received[1:]), now=0.0)
    expected = []
    for frame in received[1:]:
        if frame.type == FrameType.MESSAGE:
            expected.append(MessageReceived(frame.stream_id, frame.payload))
        elif frame.type == FrameType.HEADERS:
            metadata = from_entries(v1.ResponseHeaders.FromString(frame.payload).metadata)
            expected.append(HeadersReceived(frame.stream_id, metadata))
        elif frame.type == FrameType.TRAILERS:
            trailers = v1.Trailers.FromString(frame.payload)
            expected.append((StreamEnded, frame.stream_id, StatusCode(trailers.code), trailers.message))
        elif frame.type == FrameType.PING:
            expected.append(PingAcknowledged(frame.payload))
        elif frame.type == FrameType.GOAWAY:
            goaway = v1.GoAway.FromString(frame.payload)
            expected.append(GoAwayReceived(goaway.last_stream_id, goaway.error_code, goaway.message))
    assert summary(events) == expected
    assert core.ended is None and core.goaway is not None and core.open_streams == 0
    assert not never_opened, f"the client sends {', '.join(never_opened)} on streams it never opened"


def open_the_vectors_streams(core: ClientProtocol) -> ClientProtocol:
    """Opens the streams client-to-server.hex opens: GetActor 42 and 7, a GetActor it cancels, an empty import."""
    core.start_stream("/pledgewire.v1.ActorService/GetActor", now=0.0, message=b"\x08\x2a", end_stream=True)
    core.start_stream("/pledgewire.v1.ActorService/GetActor", now=0.0, message=b"\x08\x07", end_stream=True)
    assert core.cancel(core.start_stream("/pledgewire.v1.ActorService/GetActor", now=0.0), 5)
    assert core.half_close(core.start_stream("/pledgewire.v1.ActorService/ImportActors", now=0.0))
    return core


def test_the_core_reads_the_servers_bytes_one_at_a_time():
    data = golden("server-to-client.hex")
    whole = open_the_vectors_streams(ClientProtocol(now=0.0))
    piecewise = open_the_vectors_streams(ClientProtocol(now=0.0))
    events = [e for i in range(len(data)) for e in piecewise.receive(data[i:i + 1], now=0.0)]
    assert summary(events) == summary(whole.receive(data, now=0.0))
    assert [type(e).__name__ for e in events].count("StreamEnded") == 3
    assert piecewise.ended is None and piecewise.goaway is not None
