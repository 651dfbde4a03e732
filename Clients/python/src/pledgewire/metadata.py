"""Call metadata: keys and values checked as docs/PROTOCOL.md §4 defines them, before anything is sent."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Union

from .errors import RPCError, StatusCode
from .v1 import rpc_pb2

__all__ = ["Metadata", "MetadataLike", "normalize", "from_entries", "bearer"]

#: Metadata as the client hands it back: (key, value) pairs in order, keys may repeat; values of keys ending in
#: "-bin" are bytes, the others str.
Metadata = tuple[tuple[str, Union[str, bytes]], ...]
#: What a call accepts as metadata: a mapping or (key, value) pairs.
MetadataLike = Union[Mapping[str, Union[str, bytes]], Iterable[tuple[str, Union[str, bytes]]]]

_KEY = re.compile(r"[0-9a-z_.-]+")
_PRINTABLE = re.compile(rb"[\x20-\x7e]*")


def _invalid(message: str) -> RPCError:
    return RPCError(StatusCode.INVALID_ARGUMENT, message, rpc_pb2.ErrorDetails(reason="INVALID_METADATA"))


def normalize(metadata: MetadataLike | None) -> Metadata:
    """Checks metadata and returns it as pairs. Raises RPCError(INVALID_ARGUMENT) naming the bad key."""
    if not metadata:
        return ()
    pairs = metadata.items() if isinstance(metadata, Mapping) else metadata
    result: list[tuple[str, str | bytes]] = []
    for key, value in pairs:
        if not isinstance(key, str) or not _KEY.fullmatch(key):
            raise _invalid(f"metadata key {key!r} must be lowercase ASCII letters, digits, '_', '.' or '-'")
        if key.startswith("pw-"):
            raise _invalid(f"metadata key {key!r}: keys starting with 'pw-' are reserved for the protocol")
        if key.endswith("-bin"):
            if not isinstance(value, (bytes, bytearray)):
                raise _invalid(f"metadata {key!r}: a key ending in '-bin' takes bytes")
            result.append((key, bytes(value)))
        else:
            if not isinstance(value, str) or not _PRINTABLE.fullmatch(value.encode("utf-8")):
                raise _invalid(f"metadata {key!r}: the value must be printable ASCII (use a '-bin' key for bytes)")
            result.append((key, value))
    return tuple(result)


def to_entries(metadata: Metadata) -> list[rpc_pb2.MetadataEntry]:
    return [
        rpc_pb2.MetadataEntry(key=k, value=v if isinstance(v, bytes) else v.encode("ascii")) for k, v in metadata
    ]


def size(metadata: Metadata) -> int:
    """The size the protocol limits: keys and values, in bytes."""
    return sum(len(k) + len(v) for k, v in metadata)


def from_entries(entries: Iterable[rpc_pb2.MetadataEntry]) -> Metadata:
    """Metadata received from the server; a value that is not ASCII under a text key is decoded leniently."""
    return tuple(
        (e.key, bytes(e.value) if e.key.endswith("-bin") else e.value.decode("ascii", "replace")) for e in entries
    )


def bearer(token: str) -> Metadata:
    """The `authorization: Bearer …` entry a token travels in."""
    return normalize([("authorization", f"Bearer {token}")])
