"""The frame layer of docs/PROTOCOL.md (§1 preface, §2 frames): encoding, and an incremental decoder that checks
every header rule before the payload is buffered. No I/O, no protobuf: payloads stay bytes here."""

from __future__ import annotations

import enum
import struct
from dataclasses import dataclass
from typing import Literal

MAGIC = b"PWRP"
VERSION = (1, 0)
PREFACE = MAGIC + bytes(VERSION) + b"\x00\x00"
HEADER_SIZE = 12
DEFAULT_MAX_FRAME_SIZE = 4 * 1024 * 1024
MIN_FRAME_SIZE_LIMIT = 16 * 1024
MAX_FRAME_SIZE_LIMIT = 16 * 1024 * 1024
DEFAULT_MAX_METADATA_SIZE = 8 * 1024
DEFAULT_MAX_CONCURRENT_STREAMS = 100
MAX_STREAM_ID = 0x7FFF_FFFF

_HEADER = struct.Struct(">IBBHI")

Role = Literal["client", "server"]


class FrameType(enum.IntEnum):
    SETTINGS = 0x1
    PING = 0x2
    GOAWAY = 0x3
    HEADERS = 0x4
    MESSAGE = 0x5
    HALF_CLOSE = 0x6
    TRAILERS = 0x7
    CANCEL = 0x8


ACK = 0x1
END_STREAM = 0x1


class ErrorCode(enum.IntEnum):
    """Why a connection (GOAWAY) or a stream (CANCEL) ends (rpc.proto ErrorCode)."""

    NO_ERROR = 0
    PROTOCOL_ERROR = 1
    INTERNAL_ERROR = 2
    FRAME_SIZE_ERROR = 3
    REFUSED_STREAM = 4
    CANCEL = 5
    RESOURCE_EXHAUSTED = 6
    UNSUPPORTED_VERSION = 7
    TIMEOUT = 8
    DEADLINE_EXCEEDED = 9


class FrameError(Exception):
    """A violation of the frame rules: the connection ends with GOAWAY `code`."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Frame:
    type: int
    flags: int
    stream_id: int
    payload: bytes = b""

    def encode(self) -> bytes:
        return _HEADER.pack(len(self.payload), self.type, self.flags, 0, self.stream_id) + self.payload

    @property
    def name(self) -> str:
        try:
            return FrameType(self.type).name
        except ValueError:
            return f"frame type 0x{self.type:x}"


# Who may send each frame type, whether it lives on stream 0, and the flags it may carry.
_CONNECTION_FRAMES = {FrameType.SETTINGS, FrameType.PING, FrameType.GOAWAY}
_SENT_BY: dict[FrameType, set[str]] = {
    FrameType.HALF_CLOSE: {"client"},
    FrameType.CANCEL: {"client"},
    FrameType.TRAILERS: {"server"},
}


def _allowed_flags(frame_type: FrameType, sender: str) -> int:
    if frame_type in (FrameType.SETTINGS, FrameType.PING):
        return ACK
    if frame_type in (FrameType.HEADERS, FrameType.MESSAGE) and sender == "client":
        return END_STREAM
    return 0


def check_frame_size_limit(size: int, what: str = "max_frame_size") -> None:
    if not MIN_FRAME_SIZE_LIMIT <= size <= MAX_FRAME_SIZE_LIMIT:
        raise FrameError(ErrorCode.PROTOCOL_ERROR, f"{what} {size} is outside 16 KiB...16 MiB")


class FrameDecoder:
    """Turns the bytes one side receives into frames. `receiver` is the side reading ("client" reads what a server
    sends). Raises FrameError for a bad preface or a frame that breaks the rules; unknown frame types are skipped."""

    def __init__(self, receiver: Role, max_frame_size: int = DEFAULT_MAX_FRAME_SIZE) -> None:
        self.receiver = receiver
        self.sender = "server" if receiver == "client" else "client"
        self.max_frame_size = max_frame_size
        self._buffer = bytearray()
        self._preface_done = False
        self.peer_version: tuple[int, int] | None = None

    @property
    def buffered(self) -> int:
        """Bytes received that do not yet make a whole frame."""
        return len(self._buffer)

    def feed(self, data: bytes) -> list[Frame]:
        self._buffer += data
        frames: list[Frame] = []
        if not self._preface_done and not self._read_preface():
            return frames
        while len(self._buffer) >= HEADER_SIZE:
            length, type_, flags, reserved, stream_id = _HEADER.unpack_from(self._buffer)
            if length > self.max_frame_size:
                raise FrameError(
                    ErrorCode.FRAME_SIZE_ERROR, f"a frame of {length} bytes is over max_frame_size {self.max_frame_size}"
                )
            if len(self._buffer) < HEADER_SIZE + length:
                break
            payload = bytes(self._buffer[HEADER_SIZE : HEADER_SIZE + length])
            del self._buffer[: HEADER_SIZE + length]
            frame = Frame(type_, flags, stream_id, payload)
            if self._check(frame, reserved):
                frames.append(frame)
        return frames

    def _read_preface(self) -> bool:
        # Checked byte by byte as it arrives, so a stranger is refused at its first wrong byte.
        seen = bytes(self._buffer[: len(PREFACE)])
        if seen[:4] != MAGIC[: len(seen[:4])]:
            raise FrameError(ErrorCode.PROTOCOL_ERROR, f"the peer did not send the PWRP preface (got {seen[:4]!r})")
        if len(seen) >= 5 and seen[4] != VERSION[0]:
            raise FrameError(ErrorCode.UNSUPPORTED_VERSION, f"the peer speaks protocol version {seen[4]}, not 1")
        if len(seen) >= 7 and seen[6] != 0 or len(seen) >= 8 and seen[7] != 0:
            raise FrameError(ErrorCode.PROTOCOL_ERROR, "the preface's reserved bytes are not zero")
        if len(seen) < len(PREFACE):
            return False
        self.peer_version = (seen[4], seen[5])
        del self._buffer[: len(PREFACE)]
        self._preface_done = True
        return True

    def _check(self, frame: Frame, reserved: int) -> bool:
        """Whether to deliver `frame`: False for an unknown type (skipped); FrameError for a broken rule."""
        try:
            frame_type = FrameType(frame.type)
        except ValueError:
            return False
        if reserved != 0 or frame.stream_id > MAX_STREAM_ID:
            raise FrameError(ErrorCode.PROTOCOL_ERROR, f"{frame_type.name} has reserved header bits set")
        if self.sender not in _SENT_BY.get(frame_type, {self.sender}):
            raise FrameError(ErrorCode.PROTOCOL_ERROR, f"a {self.sender} must not send {frame_type.name}")
        if (frame.stream_id == 0) != (frame_type in _CONNECTION_FRAMES):
            raise FrameError(ErrorCode.PROTOCOL_ERROR, f"{frame_type.name} on stream {frame.stream_id}")
        if frame.flags & ~_allowed_flags(frame_type, self.sender):
            raise FrameError(ErrorCode.PROTOCOL_ERROR, f"{frame_type.name} with unknown flags 0x{frame.flags:02x}")
        if frame_type == FrameType.PING and len(frame.payload) != 8:
            raise FrameError(ErrorCode.PROTOCOL_ERROR, f"PING of {len(frame.payload)} bytes, not 8")
        if frame_type == FrameType.SETTINGS and frame.flags & ACK and frame.payload:
            raise FrameError(ErrorCode.PROTOCOL_ERROR, "SETTINGS ACK with a payload")
        if frame_type == FrameType.HALF_CLOSE and frame.payload:
            raise FrameError(ErrorCode.PROTOCOL_ERROR, "HALF_CLOSE with a payload")
        return True
