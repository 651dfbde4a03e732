"""Metadata is checked before it is sent; the error names the key."""

from __future__ import annotations

import pytest

from pledgewire import RPCError, StatusCode
from pledgewire.metadata import bearer, normalize


def test_mappings_and_pairs_become_pairs_in_order_with_repeats():
    assert normalize({"x-a": "1", "x-b-bin": b"\x00\xff"}) == (("x-a", "1"), ("x-b-bin", b"\x00\xff"))
    assert normalize([("k", "1"), ("k", "2")]) == (("k", "1"), ("k", "2"))
    assert normalize(None) == ()


@pytest.mark.parametrize("pairs,named", [
    ([("X-Upper", "v")], "'X-Upper'"),
    ([("spa ce", "v")], "'spa ce'"),
    ([("", "v")], "''"),
    ([("pw-deadline", "v")], "reserved"),
    ([("k", "caf\u00e9")], "printable ASCII"),
    ([("k", "line\nbreak")], "printable ASCII"),
    ([("k", b"bytes")], "printable ASCII"),
    ([("k-bin", "text")], "takes bytes"),
])
def test_invalid_metadata_is_invalid_argument_naming_it(pairs, named):
    with pytest.raises(RPCError) as caught:
        normalize(pairs)
    assert caught.value.code == StatusCode.INVALID_ARGUMENT and named in caught.value.message


def test_a_token_travels_as_a_bearer_authorization():
    assert bearer("s3cr3t") == (("authorization", "Bearer s3cr3t"),)
