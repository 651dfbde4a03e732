"""How the generated stubs call: unary, server-streaming and client-streaming calls with deadlines, metadata and
retries on the asyncio side (AsyncInvoker), and the same calls run from any thread on a private loop (SyncInvoker)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import math
import threading
import time
from collections.abc import AsyncGenerator, AsyncIterable, Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from google.protobuf.message import Message

from . import metadata as md
from ._channel import Channel
from ._connection import CallSink, Connection
from .calls import AsyncResponseStream, ResponseStream, decode
from .errors import RPCError, StatusCode
from .retry import RetryDecision, RetryPolicy, decide

T = TypeVar("T")
Res = TypeVar("Res", bound=Message)
_END = object()


@dataclass
class CallSetup:
    """One call across its attempts: the deadline (monotonic seconds), metadata, retry policy and counts."""

    deadline: float | None
    metadata: md.Metadata
    policy: RetryPolicy | None
    attempts: int = 1
    transparent_retries: int = 0

    def count(self, decision: RetryDecision) -> None:
        if decision.transparent:
            self.transparent_retries += 1
        else:
            self.attempts += 1


@dataclass(frozen=True)
class CallDefaults:
    timeout: float | None = None
    metadata: md.Metadata = ()
    retry: RetryPolicy | None = field(default_factory=RetryPolicy)


class AsyncInvoker:
    def __init__(self, channel: Channel, defaults: CallDefaults) -> None:
        self.channel = channel
        self.defaults = defaults

    def setup(self, timeout: float | None, metadata: md.MetadataLike | None,
              retry: RetryPolicy | bool | None) -> CallSetup:
        timeout = self.defaults.timeout if timeout is None else timeout
        if timeout is not None and timeout < 0:
            raise ValueError(f"timeout must not be negative, not {timeout}")
        deadline = None if timeout is None or math.isinf(timeout) else time.monotonic() + timeout
        policy = self.defaults.retry if retry is None or retry is True else (None if retry is False else retry)
        return CallSetup(deadline, self.defaults.metadata + md.normalize(metadata), policy)

    async def start(self, method: Any, sink: CallSink, setup: CallSetup, *, message: bytes | None,
                    end_stream: bool) -> tuple[Connection, int]:
        connection = await self.channel.connection(setup.deadline)
        stream_id = await connection.start_call(method.path, sink, deadline=setup.deadline,
                                                metadata=setup.metadata, message=message, end_stream=end_stream)
        return connection, stream_id

    async def _with_retries(self, method: Any, setup: CallSetup, attempt: Callable[[], Awaitable[T]],
                            replayable: Callable[[], bool] = lambda: True) -> T:
        while True:
            try:
                return await attempt()
            except RPCError as failure:
                decision = decide(failure, idempotent=method.idempotent, policy=setup.policy,
                                  attempts=setup.attempts, transparent_retries=setup.transparent_retries,
                                  now=time.monotonic(), deadline=setup.deadline) if replayable() else None
                if decision is None:
                    raise
                setup.count(decision)
                await asyncio.sleep(decision.delay)

    async def unary(self, method: Any, request: Message, timeout: float | None,
                    metadata: md.MetadataLike | None, retry: RetryPolicy | bool | None) -> Any:
        setup = self.setup(timeout, metadata, retry)
        payload = request.SerializeToString()

        async def attempt() -> Message:
            sink = CallSink(asyncio.get_running_loop())
            connection, stream_id = await self.start(method, sink, setup, message=payload, end_stream=True)
            try:
                await sink.wait_ended()
            except BaseException:
                connection.cancel(stream_id)
                raise
            return single_response(method, sink)

        return await self._with_retries(method, setup, attempt)

    def server_stream(self, method: Any, request: Message, timeout: float | None,
                      metadata: md.MetadataLike | None, retry: RetryPolicy | bool | None) -> AsyncResponseStream[Any]:
        return AsyncResponseStream(self, method, request.SerializeToString(), self.setup(timeout, metadata, retry))

    async def client_stream(self, method: Any, requests: Iterable[Message] | AsyncIterable[Message],
                            timeout: float | None, metadata: md.MetadataLike | None,
                            retry: RetryPolicy | bool | None) -> Any:
        setup = self.setup(timeout, metadata, retry)
        consumed = False

        async def attempt() -> Message:
            nonlocal consumed
            sink = CallSink(asyncio.get_running_loop())
            connection, stream_id = await self.start(method, sink, setup, message=None, end_stream=False)
            try:
                async with contextlib.aclosing(_until_ended(requests, sink)) as source:
                    async for request in source:
                        consumed = True
                        payload = method.check_request(request).SerializeToString()
                        if not connection.send_message(stream_id, payload) or sink.ended:
                            break
                        await connection.writable()
                    else:
                        connection.half_close(stream_id)
                await sink.wait_ended()
            except BaseException:
                connection.cancel(stream_id)
                raise
            return single_response(method, sink)

        # A consumed iterator cannot be sent again; a sequence can.
        return await self._with_retries(method, setup, attempt, lambda: isinstance(requests, Sequence) or not consumed)

    async def close(self) -> None:
        await self.channel.close()


def single_response(method: Any, sink: CallSink) -> Message:
    if sink.error is not None:
        raise sink.error
    if sink.received != 1:
        raise RPCError(StatusCode.INTERNAL,
                       f"{method.path} ended OK with {sink.received} response messages instead of one")
    return decode(method.response_type, sink.pop() or b"")


async def _until_ended(requests: Iterable[T] | AsyncIterable[T], sink: CallSink) -> AsyncGenerator[T, None]:
    """The requests, stopping early when the call ends: an async source that waits forever does not hold up a call
    whose deadline passed or whose server answered early."""
    if not isinstance(requests, AsyncIterable):
        for request in requests:
            yield request
            if sink.ended:
                return
        return
    iterator = requests.__aiter__()
    try:
        while not sink.ended:
            following: asyncio.Future[Any] = asyncio.ensure_future(iterator.__anext__())
            await asyncio.wait([following, sink.end_future], return_when=asyncio.FIRST_COMPLETED)
            if not following.done():
                following.cancel()
                await asyncio.wait({following})  # the source is not running when it is closed below
                return
            try:
                item = following.result()
            except StopAsyncIteration:
                return
            yield item
    finally:
        close = getattr(iterator, "aclose", None)
        if close is not None:
            await close()


async def _pulled_in_thread(requests: Iterable[T]) -> AsyncGenerator[T, None]:
    """A blocking client's request iterator, advanced on a thread of its own so a slow source (a file, a generator
    that computes) never blocks the connection's loop. At most 256 items wait ahead."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[tuple[Any, BaseException | None]] = asyncio.Queue()
    slots = threading.Semaphore(256)
    stop = threading.Event()

    def produce() -> None:
        try:
            for item in requests:
                while not slots.acquire(timeout=0.1):
                    if stop.is_set():
                        return
                if stop.is_set():
                    return
                loop.call_soon_threadsafe(queue.put_nowait, (item, None))
            loop.call_soon_threadsafe(queue.put_nowait, (_END, None))
        except RuntimeError:  # the loop closed
            pass
        except BaseException as failure:  # the source failed: the call fails with its error
            try:
                loop.call_soon_threadsafe(queue.put_nowait, (_END, failure))
            except RuntimeError:
                pass

    threading.Thread(target=produce, name="pledgewire-requests", daemon=True).start()
    try:
        while True:
            item, failure = await queue.get()
            if item is _END:
                if failure is not None:
                    raise failure
                return
            slots.release()
            yield item
    finally:
        stop.set()


class SyncInvoker:
    """Runs an AsyncInvoker's calls on a private event loop thread, for callers on any thread: every call of the
    blocking client shares the one connection. Interrupting a waiting caller (Ctrl-C) cancels its call."""

    def __init__(self, invoker: AsyncInvoker) -> None:
        self.invoker = invoker
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="pledgewire-client", daemon=True)
        self._thread.start()

    def run(self, coroutine: Awaitable[T]) -> T:
        if self._loop.is_closed():
            raise RPCError(StatusCode.CANCELLED, "the client is closed")
        future: concurrent.futures.Future[T] = asyncio.run_coroutine_threadsafe(
            coroutine, self._loop)  # type: ignore[arg-type]
        try:
            return future.result()
        except concurrent.futures.CancelledError:
            raise RPCError(StatusCode.CANCELLED, "the client was closed during the call") from None
        except BaseException:  # Ctrl-C in the waiting thread: the call is cancelled on the wire
            future.cancel()
            raise

    def unary(self, method: Any, request: Message, timeout: float | None, metadata: md.MetadataLike | None,
              retry: RetryPolicy | bool | None) -> Any:
        return self.run(self.invoker.unary(method, request, timeout, metadata, retry))

    def server_stream(self, method: Any, request: Message, timeout: float | None,
                      metadata: md.MetadataLike | None, retry: RetryPolicy | bool | None) -> ResponseStream[Any]:
        return ResponseStream(self.invoker.server_stream(method, request, timeout, metadata, retry), self.run)

    def client_stream(self, method: Any, requests: Iterable[Message], timeout: float | None,
                      metadata: md.MetadataLike | None, retry: RetryPolicy | bool | None) -> Any:
        source = requests if isinstance(requests, Sequence) else _pulled_in_thread(requests)
        return self.run(self.invoker.client_stream(method, source, timeout, metadata, retry))

    async def _shut_down(self) -> None:
        """Closes the connections, then ends what still runs (a retry waiting out its backoff), so that no caller
        waits forever on a stopped loop."""
        await self.invoker.close()
        others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)

    def close(self) -> None:
        if self._loop.is_closed():
            return
        self.run(self._shut_down())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()
