"""Pledgewire's official Python client.

    from pledgewire import Client

    with Client("127.0.0.1:7979") as client:
        actor = client.actor.resolve_actor(name="Kyiv").candidates[0].actor
        for pledge in client.pledge.list_pledges(filter={"beneficiary_id": actor.id}).pledges:
            print(pledge.id, pledge.action)

`Client` blocks and may be shared between threads; `AsyncClient` has the same surface for asyncio. Messages are
protobuf classes generated from the schema, in `pledgewire.v1`. Every failure is an `RPCError`.
"""

from . import v1
from ._method import MethodDescriptor, MethodKind
from ._services import METHODS
from .calls import AsyncResponseStream, ResponseStream
from .client import AsyncClient, Client
from .errors import RPCError, StatusCode
from .metadata import Metadata, MetadataLike
from .retry import Backoff, RetryPolicy

__version__ = "0.1.0"

__all__ = [
    "AsyncClient",
    "AsyncResponseStream",
    "Backoff",
    "Client",
    "METHODS",
    "Metadata",
    "MetadataLike",
    "MethodDescriptor",
    "MethodKind",
    "RPCError",
    "ResponseStream",
    "RetryPolicy",
    "StatusCode",
    "v1",
]
