from pledgewire.v1 import rpc_pb2 as _rpc_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class StatusCount(_message.Message):
    __slots__ = ("code", "count")
    CODE_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    code: _rpc_pb2.StatusCode
    count: int
    def __init__(self, code: _Optional[_Union[_rpc_pb2.StatusCode, str]] = ..., count: _Optional[int] = ...) -> None: ...

class LatencySummary(_message.Message):
    __slots__ = ("count", "mean_us", "p50_us", "p90_us", "p99_us", "p999_us", "max_us")
    COUNT_FIELD_NUMBER: _ClassVar[int]
    MEAN_US_FIELD_NUMBER: _ClassVar[int]
    P50_US_FIELD_NUMBER: _ClassVar[int]
    P90_US_FIELD_NUMBER: _ClassVar[int]
    P99_US_FIELD_NUMBER: _ClassVar[int]
    P999_US_FIELD_NUMBER: _ClassVar[int]
    MAX_US_FIELD_NUMBER: _ClassVar[int]
    count: int
    mean_us: float
    p50_us: int
    p90_us: int
    p99_us: int
    p999_us: int
    max_us: int
    def __init__(self, count: _Optional[int] = ..., mean_us: _Optional[float] = ..., p50_us: _Optional[int] = ..., p90_us: _Optional[int] = ..., p99_us: _Optional[int] = ..., p999_us: _Optional[int] = ..., max_us: _Optional[int] = ...) -> None: ...

class MethodStats(_message.Message):
    __slots__ = ("method", "calls", "statuses", "latency")
    METHOD_FIELD_NUMBER: _ClassVar[int]
    CALLS_FIELD_NUMBER: _ClassVar[int]
    STATUSES_FIELD_NUMBER: _ClassVar[int]
    LATENCY_FIELD_NUMBER: _ClassVar[int]
    method: str
    calls: int
    statuses: _containers.RepeatedCompositeFieldContainer[StatusCount]
    latency: LatencySummary
    def __init__(self, method: _Optional[str] = ..., calls: _Optional[int] = ..., statuses: _Optional[_Iterable[_Union[StatusCount, _Mapping]]] = ..., latency: _Optional[_Union[LatencySummary, _Mapping]] = ...) -> None: ...

class ServerStats(_message.Message):
    __slots__ = ("started_at_ms", "uptime_ms", "connections_open", "connections_accepted", "connections_rejected", "streams_open", "bytes_received", "bytes_sent", "protocol_errors", "methods")
    STARTED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    UPTIME_MS_FIELD_NUMBER: _ClassVar[int]
    CONNECTIONS_OPEN_FIELD_NUMBER: _ClassVar[int]
    CONNECTIONS_ACCEPTED_FIELD_NUMBER: _ClassVar[int]
    CONNECTIONS_REJECTED_FIELD_NUMBER: _ClassVar[int]
    STREAMS_OPEN_FIELD_NUMBER: _ClassVar[int]
    BYTES_RECEIVED_FIELD_NUMBER: _ClassVar[int]
    BYTES_SENT_FIELD_NUMBER: _ClassVar[int]
    PROTOCOL_ERRORS_FIELD_NUMBER: _ClassVar[int]
    METHODS_FIELD_NUMBER: _ClassVar[int]
    started_at_ms: int
    uptime_ms: int
    connections_open: int
    connections_accepted: int
    connections_rejected: int
    streams_open: int
    bytes_received: int
    bytes_sent: int
    protocol_errors: int
    methods: _containers.RepeatedCompositeFieldContainer[MethodStats]
    def __init__(self, started_at_ms: _Optional[int] = ..., uptime_ms: _Optional[int] = ..., connections_open: _Optional[int] = ..., connections_accepted: _Optional[int] = ..., connections_rejected: _Optional[int] = ..., streams_open: _Optional[int] = ..., bytes_received: _Optional[int] = ..., bytes_sent: _Optional[int] = ..., protocol_errors: _Optional[int] = ..., methods: _Optional[_Iterable[_Union[MethodStats, _Mapping]]] = ...) -> None: ...

class GetServerStatsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
