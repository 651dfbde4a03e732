"""The README's Python example runs as written against the real server, and what the Swift CLI prints as JSON
(the proto3 JSON mapping) is read back by protobuf's json_format and by the README's pandas one-liner."""

from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import threading

import pytest
from google.protobuf import json_format

from pledgewire import Client, v1
from support.server import REPO, swift_product


def readme_python_blocks() -> list[str]:
    readme = (REPO / "README.md").read_text()
    section = readme.split("## The Python client", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def lines_of(process: subprocess.Popen) -> queue.Queue:
    lines: queue.Queue = queue.Queue()

    def pump() -> None:
        for line in process.stdout:
            lines.put(line.rstrip("\n"))

    threading.Thread(target=pump, daemon=True).start()
    return lines


def test_the_readme_example_resolves_lists_and_watches(server):
    example = readme_python_blocks()[0].replace('"127.0.0.1:7979"', repr(server.target))
    process = subprocess.Popen([sys.executable, "-u", "-c", example], stdout=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONPATH": ""})
    try:
        lines = lines_of(process)
        with Client(server.target, timeout=10) as client:
            ukraine = client.actor.resolve_actor(name="Kyiv").candidates[0].actor
            expected = client.pledge.list_pledges(filter=v1.PledgeFilter(beneficiary_id=ukraine.id)).pledges
            assert expected
            for pledge in expected:
                assert lines.get(timeout=20) == f"{pledge.id} PLEDGE_STATUS_ANNOUNCED {pledge.action}"
            # The example now watches: change pledges until one of its events shows up.
            for pledge in client.pledge.list_pledges().pledges:
                client.pledge.update_pledge_status(pledge_id=pledge.id, status=v1.PLEDGE_STATUS_IN_PROGRESS)
                try:
                    line = lines.get(timeout=1)
                    break
                except queue.Empty:
                    continue
            else:
                pytest.fail("the example printed no event")
        kind, pledge_id, token = line.split(" ")
        assert kind == "PLEDGE_EVENT_KIND_STATUS_CHANGED" and int(pledge_id) > 0 and token
    finally:
        process.kill()
        process.wait(10)


@pytest.fixture
def cli_jsonl(server, tmp_path):
    """`pledgewire pledge list --output jsonl` from the Swift CLI, saved as pledges.jsonl."""
    cli = swift_product("pledgewire")
    output = subprocess.run([str(cli), "pledge", "list", "--output", "jsonl", "--server", server.target], check=True,
                            capture_output=True, text=True, timeout=60).stdout
    path = tmp_path / "pledges.jsonl"
    path.write_text(output)
    return path


def test_json_lines_from_the_swift_cli_parse_into_the_same_messages(server, cli_jsonl):
    parsed = [json_format.Parse(line, v1.Pledge()) for line in open(cli_jsonl)]
    with Client(server.target, timeout=10) as client:
        assert parsed == list(client.pledge.list_pledges().pledges)
    # And back: what Python writes in the same mapping reads the same.
    again = [json_format.Parse(json_format.MessageToJson(p), v1.Pledge()) for p in parsed]
    assert again == parsed


def test_the_readme_pandas_one_liner_reads_an_export(cli_jsonl, monkeypatch):
    pandas_block = next(b for b in readme_python_blocks() if "pandas" in b)
    monkeypatch.chdir(cli_jsonl.parent)
    scope: dict = {}
    exec(pandas_block, scope)  # noqa: S102 - the README's own code
    frame = scope["pledges"]
    ids = [json_format.Parse(line, v1.Pledge()).id for line in open(cli_jsonl)]
    assert list(frame["id"]) == ids
    assert set(frame["status"]) == {"PLEDGE_STATUS_ANNOUNCED"}
    assert len(frame) == len(ids)
