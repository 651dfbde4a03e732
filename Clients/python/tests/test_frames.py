"""The frame rules of docs/PROTOCOL.md §1-2 as the client's decoder enforces them on what a server sends."""

from __future__ import annotations

import pytest

from pledgewire._frames import (
    ACK,
    END_STREAM,
    PREFACE,
    ErrorCode,
    Frame,
    FrameDecoder,
    FrameError,
    FrameType,
)

SETTINGS = Frame(FrameType.SETTINGS, 0, 0).encode()


def decoder() -> FrameDecoder:
    d = FrameDecoder("client", max_frame_size=16 * 1024)
    d.feed(PREFACE)
    return d


def refused(data: bytes, code: ErrorCode = ErrorCode.PROTOCOL_ERROR) -> str:
    with pytest.raises(FrameError) as caught:
        decoder().feed(data)
    assert caught.value.code == code
    return caught.value.message


def test_a_stranger_is_refused_at_its_first_wrong_byte():
    d = FrameDecoder("client")
    with pytest.raises(FrameError) as caught:
        d.feed(b"H")
    assert caught.value.code == ErrorCode.PROTOCOL_ERROR


def test_the_preface_may_arrive_a_byte_at_a_time():
    d = FrameDecoder("client")
    for byte in PREFACE + SETTINGS:
        frames = d.feed(bytes([byte]))
    assert frames == [Frame(FrameType.SETTINGS, 0, 0)]
    assert d.peer_version == (1, 0)


def test_another_major_version_is_unsupported_and_a_higher_minor_is_accepted():
    with pytest.raises(FrameError) as caught:
        FrameDecoder("client").feed(b"PWRP\x02")
    assert caught.value.code == ErrorCode.UNSUPPORTED_VERSION
    d = FrameDecoder("client")
    assert d.feed(b"PWRP\x01\x07\x00\x00" + SETTINGS) == [Frame(FrameType.SETTINGS, 0, 0)]
    assert d.peer_version == (1, 7)


def test_reserved_preface_bytes_must_be_zero():
    with pytest.raises(FrameError):
        FrameDecoder("client").feed(b"PWRP\x01\x00\x00\x01")


def test_a_frame_over_the_limit_is_refused_from_its_header_alone():
    header = (16 * 1024 + 1).to_bytes(4, "big") + bytes([FrameType.MESSAGE, 0, 0, 0]) + (1).to_bytes(4, "big")
    assert "over max_frame_size" in refused(header, ErrorCode.FRAME_SIZE_ERROR)


def test_unknown_frame_types_are_skipped():
    unknown = Frame(0x42, 0x7, 0, b"future").encode()
    assert decoder().feed(unknown + SETTINGS) == [Frame(FrameType.SETTINGS, 0, 0)]


@pytest.mark.parametrize("frame,why", [
    (Frame(FrameType.HEADERS, END_STREAM, 1), "unknown flags"),      # END_STREAM is the client's only
    (Frame(FrameType.MESSAGE, END_STREAM, 1), "unknown flags"),
    (Frame(FrameType.TRAILERS, 0x2, 1), "unknown flags"),
    (Frame(FrameType.GOAWAY, 0x1, 0), "unknown flags"),
    (Frame(FrameType.MESSAGE, 0, 0), "on stream 0"),
    (Frame(FrameType.PING, 0, 3, bytes(8)), "on stream 3"),
    (Frame(FrameType.HALF_CLOSE, 0, 1), "must not send HALF_CLOSE"),
    (Frame(FrameType.CANCEL, 0, 1), "must not send CANCEL"),
    (Frame(FrameType.PING, 0, 0, bytes(7)), "not 8"),
    (Frame(FrameType.SETTINGS, ACK, 0, b"\x08\x01"), "SETTINGS ACK with a payload"),
])
def test_frames_a_server_must_not_send(frame, why):
    assert why in refused(frame.encode())


def test_reserved_header_bits_must_be_zero():
    data = bytearray(Frame(FrameType.MESSAGE, 0, 1).encode())
    data[6] = 1
    assert "reserved" in refused(bytes(data))
    data = bytearray(Frame(FrameType.MESSAGE, 0, 1).encode())
    data[8] |= 0x80  # the stream id's high bit
    assert "reserved" in refused(bytes(data))


def test_a_server_decoder_accepts_what_clients_send():
    d = FrameDecoder("server")
    d.feed(PREFACE)
    frames = [Frame(FrameType.MESSAGE, END_STREAM, 1, b"x"), Frame(FrameType.HALF_CLOSE, 0, 3),
              Frame(FrameType.CANCEL, 0, 5, b"\x08\x05")]
    assert d.feed(b"".join(f.encode() for f in frames)) == frames
    with pytest.raises(FrameError):
        d.feed(Frame(FrameType.TRAILERS, 0, 1).encode())
