"""What the protocol core reports to its driver after reading bytes or after its timer fires."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import RPCError
from .metadata import Metadata
from .v1 import rpc_pb2


@dataclass(frozen=True)
class HeadersReceived:
    """The server's optional HEADERS: response metadata, before the first message."""

    stream_id: int
    metadata: Metadata


@dataclass(frozen=True)
class MessageReceived:
    stream_id: int
    payload: bytes


@dataclass(frozen=True)
class StreamEnded:
    """A call is over: `error` is None for OK. The server's TRAILERS, or the client's own verdict (deadline passed,
    connection lost, not processed after GOAWAY)."""

    stream_id: int
    error: RPCError | None
    metadata: Metadata = ()


@dataclass(frozen=True)
class SettingsReceived:
    settings: rpc_pb2.Settings


@dataclass(frozen=True)
class PingAcknowledged:
    data: bytes


@dataclass(frozen=True)
class GoAwayReceived:
    last_stream_id: int
    error_code: int
    message: str


@dataclass(frozen=True)
class ConnectionEnded:
    """The connection is finished; every stream on it has ended first. Anything still queued to send (a GOAWAY
    after a protocol error) should be written before closing the socket."""

    error: RPCError


Event = HeadersReceived | MessageReceived | StreamEnded | SettingsReceived | PingAcknowledged | GoAwayReceived | ConnectionEnded
