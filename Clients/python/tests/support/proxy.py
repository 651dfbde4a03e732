"""A loopback TCP proxy in front of the real server that decodes what the client sends, so a test can see the
frames on the wire (HEADERS metadata, CANCEL codes) without changing either side."""

from __future__ import annotations

import socket
import threading
import time

from pledgewire import v1
from pledgewire._frames import Frame, FrameDecoder, FrameType


class RecordingProxy:
    def __init__(self, upstream_port: int) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._upstream_port = upstream_port
        self._lock = threading.Lock()
        self._frames: list[Frame] = []
        self._sockets: list[socket.socket] = []
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def target(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def frames(self) -> list[Frame]:
        """Every frame the clients sent so far, in order."""
        with self._lock:
            return list(self._frames)

    def headers(self) -> list[v1.RequestHeaders]:
        return [v1.RequestHeaders.FromString(f.payload) for f in self.frames if f.type == FrameType.HEADERS]

    def wait_for(self, frame_type: FrameType, timeout: float = 5.0) -> Frame:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [f for f in self.frames if f.type == frame_type]
            if found:
                return found[-1]
            time.sleep(0.01)
        raise AssertionError(f"no {frame_type.name} from the client within {timeout} s")

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self._upstream_port))
            with self._lock:
                self._sockets += [client, upstream]
            decoder = FrameDecoder("server")
            threading.Thread(target=self._pump, args=(client, upstream, decoder), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, None), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, decoder: FrameDecoder | None) -> None:
        try:
            while data := source.recv(65536):
                if decoder is not None:
                    frames = decoder.feed(data)
                    with self._lock:
                        self._frames += frames
                sink.sendall(data)
        except OSError:
            pass
        finally:
            try:
                sink.shutdown(socket.SHUT_WR)
            except OSError:
                pass

    def close(self) -> None:
        self._closed = True
        self._listener.close()
        with self._lock:
            for s in self._sockets:
                s.close()
