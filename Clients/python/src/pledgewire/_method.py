"""A method as the schema describes it: its path, streaming kind, message types and idempotency."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from google.protobuf.message import Message

Req = TypeVar("Req", bound=Message)
Res = TypeVar("Res", bound=Message)


class MethodKind(enum.Enum):
    UNARY = "unary"
    SERVER_STREAMING = "server-streaming"
    CLIENT_STREAMING = "client-streaming"
    BIDI_STREAMING = "bidi-streaming"


@dataclass(frozen=True)
class MethodDescriptor(Generic[Req, Res]):
    """One RPC: `path` is "/pledgewire.v1.ActorService/GetActor"; `idempotent` means the schema marks it
    `idempotency_level = NO_SIDE_EFFECTS`, so it may be retried after UNAVAILABLE."""

    path: str
    kind: MethodKind
    request_type: type[Req]
    response_type: type[Res]
    idempotent: bool

    @property
    def service(self) -> str:
        return self.path.split("/")[1]

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[1]

    def build_request(self, request: Req | None, fields: dict[str, Any]) -> Req:
        """The request given, or one made from keyword fields (`get_actor(id=4)`)."""
        if request is None:
            return self.request_type(**fields)
        if fields:
            raise TypeError(f"{self.name}: pass a {self.request_type.__name__} or its fields, not both")
        if not isinstance(request, self.request_type):
            raise TypeError(f"{self.name} takes a {self.request_type.__name__}, not {type(request).__name__}")
        return request

    def check_request(self, request: Message) -> Req:
        if not isinstance(request, self.request_type):
            raise TypeError(f"{self.name} takes {self.request_type.__name__} messages, not {type(request).__name__}")
        return request  # type: ignore[return-value]
