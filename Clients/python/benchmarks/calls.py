"""Calls per second and latency of the Python client against a running server (BENCHMARKS.md, "Python client").

    .venv/bin/python Clients/python/benchmarks/calls.py --server 127.0.0.1:7979 [--seconds 5]

Runs, one after another: blocking unary calls from 1 thread and from 8 threads, asyncio unary calls one at a time
and 64 at a time (all on one connection), and a client stream of CreateActor requests (ImportActors; it adds
actors to the server's database). Prints one line per scenario: calls/s, p50 and p99 latency, and the client's own
CPU time per call (the client and the server share the machine's cores).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import threading
import time

from pledgewire import AsyncClient, Client, v1


def report(name: str, latencies: list[float], elapsed: float, cpu: float) -> None:
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    print(f"{name:<34} {len(latencies) / elapsed:>9,.0f} calls/s   p50 {statistics.median(latencies) * 1e6:>7,.0f} us"
          f"   p99 {p99 * 1e6:>7,.0f} us   client CPU {cpu / len(latencies) * 1e6:>5,.0f} us/call")


def blocking(server: str, seconds: float, threads: int) -> None:
    with Client(server, timeout=10) as client:
        client.actor.get_actor(id=1)
        latencies: list[float] = []
        lock = threading.Lock()
        stop = time.monotonic() + seconds

        def work() -> None:
            mine = []
            while time.monotonic() < stop:
                started = time.perf_counter()
                client.actor.get_actor(id=1)
                mine.append(time.perf_counter() - started)
            with lock:
                latencies.extend(mine)

        cpu, started = time.process_time(), time.perf_counter()
        workers = [threading.Thread(target=work) for _ in range(threads)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        report(f"blocking GetActor, {threads} thread(s)", latencies, time.perf_counter() - started,
               time.process_time() - cpu)


async def concurrent(server: str, seconds: float, in_flight: int) -> None:
    async with AsyncClient(server, timeout=10) as client:
        await client.actor.get_actor(id=1)
        latencies: list[float] = []
        stop = time.monotonic() + seconds

        async def work() -> None:
            while time.monotonic() < stop:
                started = time.perf_counter()
                await client.actor.get_actor(id=1)
                latencies.append(time.perf_counter() - started)

        cpu, started = time.process_time(), time.perf_counter()
        await asyncio.gather(*(work() for _ in range(in_flight)))
        report(f"asyncio GetActor, {in_flight} in flight", latencies, time.perf_counter() - started,
               time.process_time() - cpu)


async def client_stream(server: str, count: int) -> None:
    async with AsyncClient(server, timeout=120) as client:
        requests = [v1.CreateActorRequest(actor=v1.Actor(kind=v1.ACTOR_KIND_PERSON, canonical_name=f"Bench {i}"))
                    for i in range(count)]
        cpu, started = time.process_time(), time.perf_counter()
        result = await client.actor.import_actors(requests)
        elapsed = time.perf_counter() - started
        assert result.created == count, result
        print(f"{'asyncio ImportActors (client stream)':<34} {count / elapsed:>9,.0f} items/s   "
              f"client CPU {(time.process_time() - cpu) / count * 1e6:>5,.0f} us/item")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", default="127.0.0.1:7979")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--items", type=int, default=20000, help="actors sent by the client stream")
    args = parser.parse_args()
    blocking(args.server, args.seconds, 1)
    blocking(args.server, args.seconds, 8)
    asyncio.run(concurrent(args.server, args.seconds, 1))
    asyncio.run(concurrent(args.server, args.seconds, 64))
    asyncio.run(client_stream(args.server, args.items))


if __name__ == "__main__":
    main()
