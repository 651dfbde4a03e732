"""The client side of one Pledgewire connection as a state machine without I/O: the driver hands it bytes read,
calls to start and the time; it returns events and bytes to write. Time is passed in, so deadlines and keepalive
are tested on an injected clock."""

from __future__ import annotations

import heapq
import itertools
from dataclasses import dataclass

from google.protobuf.message import DecodeError, Message

from . import metadata as md
from ._events import (
    ConnectionEnded,
    Event,
    GoAwayReceived,
    HeadersReceived,
    MessageReceived,
    PingAcknowledged,
    SettingsReceived,
    StreamEnded,
)
from ._frames import (
    ACK,
    DEFAULT_MAX_CONCURRENT_STREAMS,
    DEFAULT_MAX_FRAME_SIZE,
    DEFAULT_MAX_METADATA_SIZE,
    END_STREAM,
    MAX_STREAM_ID,
    PREFACE,
    ErrorCode,
    Frame,
    FrameDecoder,
    FrameError,
    FrameType,
    check_frame_size_limit,
)
from .errors import RPCError, StatusCode
from .v1 import rpc_pb2

AGENT = "pledgewire-python/0.1"

#: The status of calls a GOAWAY (or a connection error) cuts short, by its error code (docs/PROTOCOL.md §6).
GOAWAY_STATUS = {
    ErrorCode.NO_ERROR: StatusCode.UNAVAILABLE,
    ErrorCode.PROTOCOL_ERROR: StatusCode.INTERNAL,
    ErrorCode.INTERNAL_ERROR: StatusCode.INTERNAL,
    ErrorCode.FRAME_SIZE_ERROR: StatusCode.RESOURCE_EXHAUSTED,
    ErrorCode.REFUSED_STREAM: StatusCode.UNAVAILABLE,
    ErrorCode.CANCEL: StatusCode.CANCELLED,
    ErrorCode.RESOURCE_EXHAUSTED: StatusCode.RESOURCE_EXHAUSTED,
    ErrorCode.UNSUPPORTED_VERSION: StatusCode.UNIMPLEMENTED,
    ErrorCode.TIMEOUT: StatusCode.UNAVAILABLE,
    ErrorCode.DEADLINE_EXCEEDED: StatusCode.DEADLINE_EXCEEDED,
}

#: Reasons of errors for calls the server never processed: retried on a new connection whatever the method.
NOT_SENT = "NOT_SENT"
NOT_PROCESSED = "NOT_PROCESSED"
TRANSPARENT_RETRY_REASONS = frozenset({NOT_SENT, NOT_PROCESSED, "REFUSED_STREAM"})


def goaway_status(code: int) -> StatusCode:
    try:
        return GOAWAY_STATUS[ErrorCode(code)]
    except ValueError:
        return StatusCode.INTERNAL


def error(code: StatusCode, message: str, reason: str = "") -> RPCError:
    return RPCError(code, message, rpc_pb2.ErrorDetails(reason=reason))


@dataclass
class _Stream:
    id: int
    deadline: float | None
    headers_seen: bool = False
    messages_seen: bool = False


class ClientProtocol:
    """One connection, client side. Not thread-safe: its driver serializes every use."""

    def __init__(
        self,
        *,
        now: float,
        max_frame_size: int = DEFAULT_MAX_FRAME_SIZE,
        max_metadata_size: int = DEFAULT_MAX_METADATA_SIZE,
        agent: str = AGENT,
        keepalive: float | None = None,
        keepalive_timeout: float = 20.0,
    ) -> None:
        check_frame_size_limit(max_frame_size)
        self._decoder = FrameDecoder("client", max_frame_size)
        self._out = bytearray(PREFACE)
        self._streams: dict[int, _Stream] = {}
        self._deadlines: list[tuple[float, int]] = []
        self._next_stream_id = 1
        self._settings_seen = False
        self.peer_max_frame_size = DEFAULT_MAX_FRAME_SIZE
        self.peer_max_metadata_size = DEFAULT_MAX_METADATA_SIZE
        self.max_concurrent_streams = DEFAULT_MAX_CONCURRENT_STREAMS
        self.peer_settings: rpc_pb2.Settings | None = None
        self.goaway: GoAwayReceived | None = None
        self.ended: ConnectionEnded | None = None
        self.keepalive = keepalive
        self.keepalive_timeout = keepalive_timeout
        self._last_received_at = now
        self._ping_sent_at: float | None = None
        self._ping_counter = itertools.count(1)
        self.pings_answered = 0
        self.keepalive_acks = 0
        self._send(Frame(FrameType.SETTINGS, 0, 0, rpc_pb2.Settings(
            max_frame_size=max_frame_size, max_metadata_size=max_metadata_size, agent=agent
        ).SerializeToString()))

    # -- what the driver reads ---------------------------------------------------------------------------------------

    def data_to_send(self) -> bytes:
        data = bytes(self._out)
        self._out.clear()
        return data

    @property
    def pending_output(self) -> int:
        """Bytes waiting for data_to_send()."""
        return len(self._out)

    @property
    def open_streams(self) -> int:
        return len(self._streams)

    @property
    def accepting(self) -> bool:
        """Whether new streams may start here: not after a GOAWAY, nor once the connection ended."""
        return self.ended is None and self.goaway is None and self._next_stream_id <= MAX_STREAM_ID

    @property
    def can_open_stream(self) -> bool:
        return self.accepting and len(self._streams) < self.max_concurrent_streams

    def next_timer(self) -> float | None:
        """When on_timer should run next: the earliest call deadline, or a keepalive moment."""
        while self._deadlines and self._deadlines[0][1] not in self._streams:
            heapq.heappop(self._deadlines)
        times = [self._deadlines[0][0]] if self._deadlines else []
        if self.keepalive is not None and self._streams and self.ended is None:
            times.append(self._ping_sent_at + self.keepalive_timeout if self._ping_sent_at is not None
                         else self._last_received_at + self.keepalive)
        return min(times, default=None)

    # -- calls -------------------------------------------------------------------------------------------------------

    def start_stream(
        self,
        method: str,
        *,
        now: float,
        deadline: float | None = None,
        metadata: md.Metadata = (),
        message: bytes | None = None,
        end_stream: bool = False,
    ) -> int:
        """Opens a stream with HEADERS, and with `message` sends its one request message. Raises RPCError when
        the call cannot start; nothing is sent then."""
        if not self.accepting:
            raise error(StatusCode.UNAVAILABLE, "the connection is closing; the call was not sent", NOT_SENT)
        if len(self._streams) >= self.max_concurrent_streams:
            raise error(StatusCode.UNAVAILABLE, "no free stream on the connection; the call was not sent", NOT_SENT)
        if deadline is not None and deadline <= now:
            raise error(StatusCode.DEADLINE_EXCEEDED, "the deadline passed before the call started")
        if md.size(metadata) > self.peer_max_metadata_size:
            raise error(StatusCode.RESOURCE_EXHAUSTED,
                        f"request metadata of {md.size(metadata)} bytes is over the server's max_metadata_size "
                        f"{self.peer_max_metadata_size}")
        headers = rpc_pb2.RequestHeaders(method=method, metadata=md.to_entries(metadata))
        if deadline is not None:
            headers.timeout_us = max(1, round((deadline - now) * 1_000_000))
        payload = headers.SerializeToString()
        self._check_size(payload, "request headers")
        if message is not None:
            self._check_size(message, "request message")
        stream_id = self._next_stream_id
        self._next_stream_id += 2
        self._streams[stream_id] = _Stream(stream_id, deadline)
        if deadline is not None:
            heapq.heappush(self._deadlines, (deadline, stream_id))
        self._send(Frame(FrameType.HEADERS, 0, stream_id, payload))
        if message is not None:
            self._send(Frame(FrameType.MESSAGE, END_STREAM if end_stream else 0, stream_id, message))
        return stream_id

    def send_message(self, stream_id: int, message: bytes, end_stream: bool = False) -> bool:
        """Sends a request message on an open stream. False when the stream has ended (its trailers came first)."""
        if stream_id not in self._streams:
            return False
        self._check_size(message, "request message")
        self._send(Frame(FrameType.MESSAGE, END_STREAM if end_stream else 0, stream_id, message))
        return True

    def half_close(self, stream_id: int) -> bool:
        """Ends the request messages with HALF_CLOSE. False when the stream has ended."""
        if stream_id not in self._streams:
            return False
        self._send(Frame(FrameType.HALF_CLOSE, 0, stream_id))
        return True

    def cancel(self, stream_id: int, code: ErrorCode = ErrorCode.CANCEL) -> bool:
        """Abandons a call: CANCEL, and the stream is forgotten (what still arrives for it is dropped). False when
        it had ended already."""
        if self._streams.pop(stream_id, None) is None:
            return False
        if self.ended is None:
            cancel = rpc_pb2.Cancel(error_code=int(code))  # type: ignore[arg-type]
            self._send(Frame(FrameType.CANCEL, 0, stream_id, cancel.SerializeToString()))
        return True

    def ping(self, data: bytes) -> None:
        self._send(Frame(FrameType.PING, 0, 0, data))

    def _check_size(self, payload: bytes, what: str) -> None:
        if len(payload) > self.peer_max_frame_size:
            raise error(StatusCode.RESOURCE_EXHAUSTED,
                        f"the {what} of {len(payload)} bytes is over the server's max_frame_size "
                        f"{self.peer_max_frame_size}")

    def _send(self, frame: Frame) -> None:
        self._out += frame.encode()

    # -- input -------------------------------------------------------------------------------------------------------

    def receive(self, data: bytes, now: float) -> list[Event]:
        if self.ended is not None:
            return []
        self._last_received_at = now
        events: list[Event] = []
        try:
            for frame in self._decoder.feed(data):
                self._handle(frame, events)
                if self.ended is not None:
                    break
        except FrameError as failure:
            events += self._fail_protocol(failure.code, failure.message)
        return events

    def receive_eof(self) -> list[Event]:
        """The server closed the connection."""
        if self.ended is not None:
            return []
        if self.goaway is not None:
            status = goaway_status(self.goaway.error_code)
            message = "the server closed the connection" + (f": {self.goaway.message}" if self.goaway.message else "")
        else:
            status, message = StatusCode.UNAVAILABLE, "the connection to the server closed"
        return self._end(error(status, message))

    def lost(self, message: str) -> list[Event]:
        """The connection broke (reset, or closed under us): every open call ends UNAVAILABLE."""
        if self.ended is not None:
            return []
        return self._end(error(StatusCode.UNAVAILABLE, message))

    def on_timer(self, now: float) -> list[Event]:
        """Ends the calls whose deadline passed (CANCEL DEADLINE_EXCEEDED); pings or gives up on a silent server."""
        events: list[Event] = []
        while self._deadlines and self._deadlines[0][0] <= now:
            _, stream_id = heapq.heappop(self._deadlines)
            if self.cancel(stream_id, ErrorCode.DEADLINE_EXCEEDED):
                events.append(StreamEnded(stream_id, error(StatusCode.DEADLINE_EXCEEDED, "the call's deadline passed")))
        if self.keepalive is not None and self._streams and self.ended is None:
            if self._ping_sent_at is not None and now - self._ping_sent_at >= self.keepalive_timeout:
                events += self._end(error(StatusCode.UNAVAILABLE,
                                          f"the server did not answer a keepalive PING within {self.keepalive_timeout} s"))
            elif self._ping_sent_at is None and now - self._last_received_at >= self.keepalive:
                self._ping_sent_at = now
                self.ping(next(self._ping_counter).to_bytes(8, "big"))
        return events

    def close(self, message: str = "the client closed the connection") -> list[Event]:
        """Ends the connection from this side: every open call ends CANCELLED."""
        if self.ended is not None:
            return []
        return self._end(error(StatusCode.CANCELLED, message))

    def _handle(self, frame: Frame, events: list[Event]) -> None:
        ftype = frame.type
        if not self._settings_seen and not (ftype == FrameType.SETTINGS and not frame.flags & ACK):
            raise FrameError(ErrorCode.PROTOCOL_ERROR, f"the server's first frame is {frame.name}, not SETTINGS")
        if ftype == FrameType.SETTINGS:
            if not frame.flags & ACK:
                events.append(self._apply_settings(self._decode(rpc_pb2.Settings, frame)))
        elif ftype == FrameType.PING:
            if frame.flags & ACK:
                if self._ping_sent_at is not None:
                    self._ping_sent_at = None
                    self.keepalive_acks += 1
                events.append(PingAcknowledged(frame.payload))
            else:
                self.pings_answered += 1
                self._send(Frame(FrameType.PING, ACK, 0, frame.payload))
        elif ftype == FrameType.GOAWAY:
            self._receive_goaway(self._decode(rpc_pb2.GoAway, frame), events)
        else:
            self._receive_stream_frame(frame, events)

    def _apply_settings(self, settings: rpc_pb2.Settings) -> SettingsReceived:
        if settings.max_frame_size:
            check_frame_size_limit(settings.max_frame_size, "the server's max_frame_size")
        self.peer_max_frame_size = settings.max_frame_size or DEFAULT_MAX_FRAME_SIZE
        self.peer_max_metadata_size = settings.max_metadata_size or DEFAULT_MAX_METADATA_SIZE
        self.max_concurrent_streams = settings.max_concurrent_streams or DEFAULT_MAX_CONCURRENT_STREAMS
        self.peer_settings = settings
        self._settings_seen = True
        self._send(Frame(FrameType.SETTINGS, ACK, 0))
        return SettingsReceived(settings)

    def _receive_goaway(self, goaway: rpc_pb2.GoAway, events: list[Event]) -> None:
        self.goaway = GoAwayReceived(goaway.last_stream_id, goaway.error_code, goaway.message)
        events.append(self.goaway)
        status = goaway_status(goaway.error_code)
        for stream_id in sorted(s for s in self._streams if s > goaway.last_stream_id):
            del self._streams[stream_id]
            message = f"the server went away before processing the call ({goaway.message or 'no reason given'})"
            events.append(StreamEnded(stream_id, error(status, message, NOT_PROCESSED)))

    def _receive_stream_frame(self, frame: Frame, events: list[Event]) -> None:
        stream = self._streams.get(frame.stream_id)
        if stream is None:
            if frame.stream_id >= self._next_stream_id:
                raise FrameError(ErrorCode.PROTOCOL_ERROR, f"{frame.name} on stream {frame.stream_id}, never opened")
            return  # it raced our CANCEL or deadline: dropped
        if frame.type == FrameType.HEADERS:
            if stream.headers_seen or stream.messages_seen:
                raise FrameError(ErrorCode.PROTOCOL_ERROR, f"HEADERS after the response began on stream {stream.id}")
            stream.headers_seen = True
            headers = self._decode(rpc_pb2.ResponseHeaders, frame)
            events.append(HeadersReceived(stream.id, md.from_entries(headers.metadata)))
        elif frame.type == FrameType.MESSAGE:
            stream.messages_seen = True
            events.append(MessageReceived(stream.id, frame.payload))
        elif frame.type == FrameType.TRAILERS:
            trailers = self._decode(rpc_pb2.Trailers, frame)
            del self._streams[stream.id]
            metadata = md.from_entries(trailers.metadata)
            failure = None if trailers.code == StatusCode.OK else RPCError.from_trailers(trailers, metadata)
            events.append(StreamEnded(stream.id, failure, metadata))

    @staticmethod
    def _decode(message_type: type[Message], frame: Frame) -> Message:
        message = message_type()
        try:
            message.ParseFromString(frame.payload)
        except (DecodeError, ValueError) as failure:
            raise FrameError(ErrorCode.PROTOCOL_ERROR, f"{frame.name} payload does not decode: {failure}") from None
        return message

    # -- ending ------------------------------------------------------------------------------------------------------

    def _fail_protocol(self, code: ErrorCode, message: str) -> list[Event]:
        """A connection error found here: GOAWAY with its code, and every call ends with the code's status."""
        self._send(Frame(FrameType.GOAWAY, 0, 0,
                         rpc_pb2.GoAway(last_stream_id=0, error_code=int(code),  # type: ignore[arg-type]
                                        message=message[:1024]).SerializeToString()))
        return self._end(error(GOAWAY_STATUS[code], f"protocol error from the server: {message}", code.name))

    def _end(self, failure: RPCError) -> list[Event]:
        events: list[Event] = [StreamEnded(sid, failure) for sid in sorted(self._streams)]
        self._streams.clear()
        self._deadlines.clear()
        self.ended = ConnectionEnded(failure)
        events.append(self.ended)
        return events
