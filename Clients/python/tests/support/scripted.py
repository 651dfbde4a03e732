"""A scripted peer on loopback, for the protocol situations the real server cannot be steered into on cue (a GOAWAY
between two HEADERS, a refused stream, a broken frame). Each accepted connection runs the test's script in a
thread; a script that fails (an assertion, a read that timed out) is reported by `check()`."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable

from pledgewire import v1
from pledgewire._frames import ACK, PREFACE, Frame, FrameDecoder, FrameType


class Peer:
    """The server's side of one connection."""

    def __init__(self, sock: socket.socket, index: int) -> None:
        self.sock = sock
        self.index = index
        self.decoder = FrameDecoder("server")
        self.received: list[Frame] = []
        self._pending: list[Frame] = []

    def send(self, *frames: Frame, preface: bool = False) -> None:
        self.sock.sendall((PREFACE if preface else b"") + b"".join(f.encode() for f in frames))

    def handshake(self, **settings) -> None:
        """Sends the preface and SETTINGS at once (as the real server does), then reads the client's."""
        self.send(Frame(FrameType.SETTINGS, 0, 0, v1.Settings(**settings).SerializeToString()), preface=True)
        first = self.read()
        assert first.type == FrameType.SETTINGS and not first.flags & ACK

    def read(self, timeout: float = 5.0) -> Frame:
        """The next frame, SETTINGS and PING acknowledgements included."""
        self.sock.settimeout(timeout)
        while not self._pending:
            data = self.sock.recv(65536)
            if not data:
                raise EOFError("the client closed the connection")
            self._pending += self.decoder.feed(data)
        frame = self._pending.pop(0)
        self.received.append(frame)
        return frame

    def call(self, timeout: float = 5.0) -> tuple[int, str]:
        """Reads up to the next call's HEADERS: its stream id and method (its request MESSAGE is read too)."""
        while True:
            frame = self.read(timeout)
            if frame.type == FrameType.HEADERS:
                method = v1.RequestHeaders.FromString(frame.payload).method
                body = self.read(timeout)
                assert body.type == FrameType.MESSAGE and body.stream_id == frame.stream_id
                return frame.stream_id, method

    def quiet(self, seconds: float) -> list[Frame]:
        """Frames that arrive within `seconds` (none expected, usually)."""
        frames = []
        try:
            while True:
                frames.append(self.read(seconds))
        except (TimeoutError, socket.timeout, EOFError):
            return frames

    def respond(self, stream_id: int, message: bytes = b"") -> None:
        self.send(Frame(FrameType.MESSAGE, 0, stream_id, message), Frame(FrameType.TRAILERS, 0, stream_id))

    def fail(self, stream_id: int, code: int, message: str = "", reason: str = "") -> None:
        trailers = v1.Trailers(code=code, message=message, details=v1.ErrorDetails(reason=reason))
        self.send(Frame(FrameType.TRAILERS, 0, stream_id, trailers.SerializeToString()))

    def goaway(self, last_stream_id: int, error_code: int = 0, message: str = "") -> None:
        goaway = v1.GoAway(last_stream_id=last_stream_id, error_code=error_code, message=message)
        self.send(Frame(FrameType.GOAWAY, 0, 0, goaway.SerializeToString()))


class ScriptedServer:
    def __init__(self, *scripts: Callable[[Peer], None]) -> None:
        """`scripts[i]` runs for the i-th connection (the last one for any after it)."""
        self.scripts = scripts
        self.peers: list[Peer] = []
        self.failures: list[BaseException] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._threads: list[threading.Thread] = []
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def target(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while True:
            try:
                sock, _ = self._listener.accept()
            except OSError:
                return
            peer = Peer(sock, len(self.peers))
            self.peers.append(peer)
            script = self.scripts[min(peer.index, len(self.scripts) - 1)]
            thread = threading.Thread(target=self._run, args=(script, peer), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _run(self, script: Callable[[Peer], None], peer: Peer) -> None:
        try:
            script(peer)
        except BaseException as failure:  # noqa: BLE001 - reported by check()
            self.failures.append(failure)
        finally:
            peer.sock.close()

    def check(self, timeout: float = 10.0) -> None:
        """Waits for every script to end and re-raises the first failure."""
        for thread in list(self._threads):
            thread.join(timeout)
            assert not thread.is_alive(), "a script did not finish"
        if self.failures:
            raise self.failures[0]

    def close(self) -> None:
        self._listener.close()
        for peer in self.peers:
            peer.sock.close()
