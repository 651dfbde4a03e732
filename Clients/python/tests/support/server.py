"""The real pledgewire-server, started for a test on an ephemeral loopback port."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[4]
LISTENING = re.compile(r"listening on (\S+):(\d+)")


def swift_product(name: str) -> Path:
    """A product of this repository's Swift package, built (debug) when missing. $PLEDGEWIRE_BIN_DIR overrides
    where to find it."""
    directory = Path(os.environ.get("PLEDGEWIRE_BIN_DIR", REPO / ".build" / "debug"))
    binary = directory / name
    if not binary.exists():
        subprocess.run(["swift", "build", "--product", name], cwd=REPO, check=True)
    return binary


class ServerProcess:
    """`pledgewire-server --db :memory: --sample-data --auth off` plus `args` (which may choose `--auth`); its standard error is collected in `log`."""

    def __init__(self, binary: Path, args: list[str] = (), port: int = 0, start_timeout: float = 20.0) -> None:
        self.binary = binary
        self.args = list(args)
        self._lines: list[str] = []
        self._lock = threading.Lock()
        self.process = subprocess.Popen(
            [
                str(binary), "--port", str(port), "--db", ":memory:", "--sample-data", "--log-level", "debug",
                *([] if "--auth" in self.args else ["--auth", "off"]), *self.args,
            ],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        threading.Thread(target=self._collect, daemon=True).start()
        deadline = time.monotonic() + start_timeout
        while True:
            match = LISTENING.search(self.log)
            if match:
                self.host, self.port = match.group(1), int(match.group(2))
                break
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.kill()
                raise RuntimeError(f"pledgewire-server did not start:\n{self.log}")
            time.sleep(0.01)

    def _collect(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            with self._lock:
                self._lines.append(line)

    @property
    def log(self) -> str:
        with self._lock:
            return "".join(self._lines)

    @property
    def target(self) -> str:
        return f"127.0.0.1:{self.port}"

    def terminate(self, timeout: float = 15.0) -> int:
        """SIGTERM (a graceful shutdown) and the exit status."""
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def wait_for_log(self, pattern: str, timeout: float = 10.0) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            match = re.search(pattern, self.log)
            if match:
                return match
            time.sleep(0.01)
        raise AssertionError(f"the server did not log {pattern!r} within {timeout} s:\n{self.log}")
