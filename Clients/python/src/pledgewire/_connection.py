"""One TCP connection on an asyncio loop: drives the protocol core with the bytes asyncio reads, writes what the
core produces, arms one timer for the core's deadlines and keepalive, and hands each call's events to its sink."""

from __future__ import annotations

import asyncio
import collections
import time
from collections.abc import Callable

from . import metadata as md
from ._events import ConnectionEnded, Event, GoAwayReceived, HeadersReceived, MessageReceived, StreamEnded
from ._frames import ErrorCode
from ._protocol import NOT_SENT, ClientProtocol, error
from .errors import RPCError, StatusCode

#: Response messages a call may hold unread before the connection stops reading (and the server's sends wait).
MAX_BUFFERED_MESSAGES = 256
#: Bytes of client-stream messages gathered before they are written at once.
MAX_PENDING_OUTPUT = 64 * 1024


class CallSink:
    """What one call has received: response metadata, messages not yet read, and how it ended."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.headers: md.Metadata | None = None
        self.messages: collections.deque[bytes] = collections.deque()
        self.ended = False
        self.error: RPCError | None = None
        self.trailers: md.Metadata = ()
        self.received = 0
        self._changed = loop.create_future()
        self._end = loop.create_future()
        self.on_drained: Callable[[], None] | None = None

    def deliver(self, event: Event) -> None:
        if isinstance(event, HeadersReceived):
            self.headers = event.metadata
        elif isinstance(event, MessageReceived):
            self.messages.append(event.payload)
            self.received += 1
        elif isinstance(event, StreamEnded):
            self.ended, self.error, self.trailers = True, event.error, event.metadata
            if not self._end.done():
                self._end.set_result(None)
        if not self._changed.done():
            self._changed.set_result(None)

    def pop(self) -> bytes | None:
        if not self.messages:
            return None
        payload = self.messages.popleft()
        if len(self.messages) == MAX_BUFFERED_MESSAGES // 2 and self.on_drained is not None:
            self.on_drained()
        return payload

    async def wait_ended(self) -> None:
        """Waits until the call ends. Cancelling the wait leaves the call as it is."""
        if not self.ended:
            await self._end  # a cancelled wait cancels only this future; deliver() minds that

    @property
    def end_future(self) -> asyncio.Future[None]:
        return self._end

    async def changed(self, timeout: float | None = None) -> bool:
        """Waits until something arrives or the call ends; False when `timeout` passed first. Nothing is lost when
        the wait is cancelled or times out: what arrives stays buffered."""
        if self.messages or self.ended:
            return True
        if self._changed.done():
            self._changed = asyncio.get_running_loop().create_future()
        if timeout is None:
            await self._changed  # a cancelled wait cancels only this future, replaced at the next wait
            return True
        done, _ = await asyncio.wait({self._changed}, timeout=timeout)
        return bool(done)


class _Protocol(asyncio.Protocol):
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.connection._transport = transport  # type: ignore[assignment]
        self.connection._flush()  # preface and SETTINGS before anything read can make the core answer

    def data_received(self, data: bytes) -> None:
        self.connection._received(data)

    def eof_received(self) -> bool:
        self.connection._eof()
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        self.connection._lost(exc)

    def pause_writing(self) -> None:
        self.connection._writable = self.connection._loop.create_future()

    def resume_writing(self) -> None:
        if self.connection._writable is not None and not self.connection._writable.done():
            self.connection._writable.set_result(None)
        self.connection._writable = None


class Connection:
    """A connection to one server. Calls start on it while it is `accepting`; a GOAWAY or a failure tells the owner
    through `on_unusable`, after which it only finishes the calls it has."""

    def __init__(self, core: ClientProtocol, loop: asyncio.AbstractEventLoop,
                 on_unusable: Callable[[Connection], None]) -> None:
        self.core = core
        self._loop = loop
        self._on_unusable = on_unusable
        self._transport: asyncio.Transport | None = None
        self._sinks: dict[int, CallSink] = {}
        self._slot_waiters: collections.deque[asyncio.Future[None]] = collections.deque()
        self._timer: asyncio.TimerHandle | None = None
        self._timer_at: float | None = None
        self._writable: asyncio.Future[None] | None = None
        self._full_sinks: set[int] = set()
        self._flush_scheduled = False
        self.closed = loop.create_future()

    @classmethod
    async def open(cls, host: str, port: int, core: ClientProtocol, connect_timeout: float,
                   on_unusable: Callable[[Connection], None]) -> Connection:
        loop = asyncio.get_running_loop()
        connection = cls(core, loop, on_unusable)
        await asyncio.wait_for(loop.create_connection(lambda: _Protocol(connection), host, port), connect_timeout)
        return connection

    @property
    def accepting(self) -> bool:
        return self.core.accepting and self._transport is not None and not self._transport.is_closing()

    # -- calls -------------------------------------------------------------------------------------------------------

    async def start_call(self, path: str, sink: CallSink, *, deadline: float | None, metadata: md.Metadata,
                         message: bytes | None, end_stream: bool) -> int:
        """Opens a stream for `sink`, first waiting (until `deadline`) while the server's stream limit is reached."""
        while not self.core.can_open_stream:
            if not self.accepting:
                raise error(StatusCode.UNAVAILABLE, "the connection is closing; the call was not sent", NOT_SENT)
            waiter = self._loop.create_future()
            self._slot_waiters.append(waiter)
            timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
            try:
                done, _ = await asyncio.wait({waiter}, timeout=timeout)
            except BaseException:
                if waiter in self._slot_waiters:
                    self._slot_waiters.remove(waiter)
                self._wake_slot_waiters()  # a wake-up this call will not use goes to the next one
                raise
            if waiter in self._slot_waiters:
                self._slot_waiters.remove(waiter)
            if not done:
                raise error(StatusCode.DEADLINE_EXCEEDED, "the deadline passed while the call waited for a free stream")
        stream_id = self.core.start_stream(path, now=time.monotonic(), deadline=deadline, metadata=metadata,
                                           message=message, end_stream=end_stream)
        self._sinks[stream_id] = sink
        sink.on_drained = lambda: self._sink_drained(stream_id)
        self._schedule_flush()
        return stream_id

    def send_message(self, stream_id: int, payload: bytes, end_stream: bool = False) -> bool:
        sent = self.core.send_message(stream_id, payload, end_stream)
        if self.core.pending_output > MAX_PENDING_OUTPUT:
            self._flush()  # now, so that `writable()` sees a full socket
        else:
            self._schedule_flush()
        return sent

    def half_close(self, stream_id: int) -> None:
        self.core.half_close(stream_id)
        self._schedule_flush()

    async def writable(self) -> None:
        """Waits while the socket's send buffer is full (a client stream must not outrun the network)."""
        if self._writable is not None:
            await asyncio.shield(self._writable)

    def cancel(self, stream_id: int, code: ErrorCode = ErrorCode.CANCEL) -> None:
        if self.core.cancel(stream_id, code):
            self._forget(stream_id)
            self._schedule_flush()

    def close(self) -> None:
        self._dispatch(self.core.close())
        self._flush()

    # -- the core's output and timer ---------------------------------------------------------------------------------

    def _schedule_flush(self) -> None:
        """Writes what the core has to send once the loop is done with what is ready now: the calls many tasks
        start in one turn of the loop leave in one system call."""
        if not self._flush_scheduled:
            self._flush_scheduled = True
            self._loop.call_soon(self._flush)

    def _flush(self) -> None:
        self._flush_scheduled = False
        if self.core.ended is None and self.core.goaway is not None and self.core.open_streams == 0:
            self._dispatch(self.core.close("the server went away and no call is left"))
        data = self.core.data_to_send()
        if data and self._transport is not None and not self._transport.is_closing():
            self._transport.write(data)
        if self.core.ended is not None:
            if self._transport is not None:
                self._transport.close()
            return
        self._arm_timer()

    def _arm_timer(self) -> None:
        when = self.core.next_timer()
        if when == self._timer_at:
            return
        if self._timer is not None:
            self._timer.cancel()
        self._timer_at = when
        self._timer = None if when is None else self._loop.call_later(max(0.0, when - time.monotonic()), self._timer_fired)

    def _timer_fired(self) -> None:
        self._timer = self._timer_at = None
        self._dispatch(self.core.on_timer(time.monotonic()))
        self._schedule_flush()

    # -- input -------------------------------------------------------------------------------------------------------

    def _received(self, data: bytes) -> None:
        self._dispatch(self.core.receive(data, time.monotonic()))
        self._schedule_flush()

    def _eof(self) -> None:
        self._dispatch(self.core.receive_eof())
        self._schedule_flush()

    def _lost(self, exc: Exception | None) -> None:
        if self.core.ended is None:
            reason = f": {exc}" if exc else ""
            self._dispatch(self.core.lost(f"the connection to the server was lost{reason}"))
        if self._timer is not None:
            self._timer.cancel()
        if self._writable is not None and not self._writable.done():
            self._writable.set_result(None)
        if not self.closed.done():
            self.closed.set_result(None)

    def _dispatch(self, events: list[Event]) -> None:
        for event in events:
            if isinstance(event, (HeadersReceived, MessageReceived, StreamEnded)):
                sink = self._sinks.get(event.stream_id)
                if sink is None:
                    continue
                sink.deliver(event)
                if isinstance(event, StreamEnded):
                    self._forget(event.stream_id)
                elif len(sink.messages) > MAX_BUFFERED_MESSAGES and event.stream_id not in self._full_sinks:
                    self._full_sinks.add(event.stream_id)
                    self._set_reading()
            elif isinstance(event, (GoAwayReceived, ConnectionEnded)):
                self._on_unusable(self)
                self._wake_slot_waiters(all_of_them=True)
            else:
                self._wake_slot_waiters()

    def _forget(self, stream_id: int) -> None:
        self._sinks.pop(stream_id, None)
        if stream_id in self._full_sinks:
            self._full_sinks.discard(stream_id)
            self._set_reading()
        self._wake_slot_waiters()

    def _sink_drained(self, stream_id: int) -> None:
        if stream_id in self._full_sinks:
            self._full_sinks.discard(stream_id)
            self._set_reading()

    def _set_reading(self) -> None:
        if self._transport is None or self._transport.is_closing():
            return
        if self._full_sinks:
            self._transport.pause_reading()
        elif not self._transport.is_reading():
            self._transport.resume_reading()

    def _wake_slot_waiters(self, all_of_them: bool = False) -> None:
        free = len(self._slot_waiters) if all_of_them else self.core.max_concurrent_streams - self.core.open_streams
        while free > 0 and self._slot_waiters:
            waiter = self._slot_waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                free -= 1

    @property
    def open_calls(self) -> int:
        return len(self._sinks)
