"""The one exception every call raises: a status code, a message and the server's details."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from .v1 import rpc_pb2

if TYPE_CHECKING:
    from .metadata import Metadata

__all__ = ["StatusCode", "RPCError"]


class StatusCode(enum.IntEnum):
    """gRPC's status codes, with gRPC's numbers (docs/PROTOCOL.md §5). An unset status on the wire reads as OK."""

    OK = 0
    CANCELLED = 1
    UNKNOWN = 2
    INVALID_ARGUMENT = 3
    DEADLINE_EXCEEDED = 4
    NOT_FOUND = 5
    ALREADY_EXISTS = 6
    PERMISSION_DENIED = 7
    RESOURCE_EXHAUSTED = 8
    FAILED_PRECONDITION = 9
    ABORTED = 10
    OUT_OF_RANGE = 11
    UNIMPLEMENTED = 12
    INTERNAL = 13
    UNAVAILABLE = 14
    DATA_LOSS = 15
    UNAUTHENTICATED = 16

    @classmethod
    def from_wire(cls, value: int) -> StatusCode:
        """The code for a wire value; a number this client does not know reads as UNKNOWN."""
        try:
            return cls(value)
        except ValueError:
            return cls.UNKNOWN


class RPCError(Exception):
    """A call that did not succeed: its status `code`, a `message` for people, and the server's `details`
    (field violations, an existing record's id, the id a write committed before the call failed).

    `metadata` holds the trailers' metadata. Errors the client makes itself (a connection that failed, a deadline
    that passed, an invalid argument caught before sending) carry details with a `reason` too.
    """

    def __init__(
        self,
        code: StatusCode,
        message: str = "",
        details: rpc_pb2.ErrorDetails | None = None,
        metadata: Metadata = (),
    ) -> None:
        super().__init__(code, message)
        self.code = StatusCode(code)
        self.message = message
        self.details = details if details is not None else rpc_pb2.ErrorDetails()
        self.metadata = metadata

    @classmethod
    def from_trailers(cls, trailers: rpc_pb2.Trailers, metadata: Metadata = ()) -> RPCError:
        details = rpc_pb2.ErrorDetails()
        details.CopyFrom(trailers.details)
        return cls(StatusCode.from_wire(trailers.code), trailers.message, details, metadata)

    @property
    def reason(self) -> str:
        """The stable UPPER_SNAKE reason, e.g. "REFUSED_STREAM", "STALE_VERSION"; "" when none was given."""
        return self.details.reason

    @property
    def field_violations(self) -> dict[str, str]:
        """Each invalid request field (`pledge.parties[2].actor_id`) with what is wrong with it."""
        return {v.field: v.description for v in self.details.field_violations}

    @property
    def existing_id(self) -> int | None:
        """ALREADY_EXISTS: the id of the record that exists already."""
        return self.details.existing_id or None

    @property
    def committed_id(self) -> int | None:
        """The write committed although the call failed afterwards: the id it created or changed. Do not retry."""
        return self.details.committed_id or None

    @property
    def retry_after(self) -> float | None:
        """The server's hint, in seconds, for when a retry may succeed."""
        return self.details.retry_after_ms / 1000 if self.details.retry_after_ms else None

    def __str__(self) -> str:
        return f"{self.code.name}: {self.message}" if self.message else self.code.name

    def __repr__(self) -> str:
        return f"RPCError({self.code.name}, {self.message!r}, reason={self.reason!r})"
