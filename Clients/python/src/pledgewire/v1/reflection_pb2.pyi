from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class RpcKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RPC_KIND_UNSPECIFIED: _ClassVar[RpcKind]
    RPC_KIND_UNARY: _ClassVar[RpcKind]
    RPC_KIND_SERVER_STREAMING: _ClassVar[RpcKind]
    RPC_KIND_CLIENT_STREAMING: _ClassVar[RpcKind]
    RPC_KIND_BIDI_STREAMING: _ClassVar[RpcKind]
RPC_KIND_UNSPECIFIED: RpcKind
RPC_KIND_UNARY: RpcKind
RPC_KIND_SERVER_STREAMING: RpcKind
RPC_KIND_CLIENT_STREAMING: RpcKind
RPC_KIND_BIDI_STREAMING: RpcKind

class MethodInfo(_message.Message):
    __slots__ = ("name", "full_name", "input_type", "output_type", "kind", "idempotent")
    NAME_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    INPUT_TYPE_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_TYPE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENT_FIELD_NUMBER: _ClassVar[int]
    name: str
    full_name: str
    input_type: str
    output_type: str
    kind: RpcKind
    idempotent: bool
    def __init__(self, name: _Optional[str] = ..., full_name: _Optional[str] = ..., input_type: _Optional[str] = ..., output_type: _Optional[str] = ..., kind: _Optional[_Union[RpcKind, str]] = ..., idempotent: _Optional[bool] = ...) -> None: ...

class ServiceInfo(_message.Message):
    __slots__ = ("name", "methods")
    NAME_FIELD_NUMBER: _ClassVar[int]
    METHODS_FIELD_NUMBER: _ClassVar[int]
    name: str
    methods: _containers.RepeatedCompositeFieldContainer[MethodInfo]
    def __init__(self, name: _Optional[str] = ..., methods: _Optional[_Iterable[_Union[MethodInfo, _Mapping]]] = ...) -> None: ...

class ListServicesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListServicesResponse(_message.Message):
    __slots__ = ("services", "protocol_version", "server_agent")
    SERVICES_FIELD_NUMBER: _ClassVar[int]
    PROTOCOL_VERSION_FIELD_NUMBER: _ClassVar[int]
    SERVER_AGENT_FIELD_NUMBER: _ClassVar[int]
    services: _containers.RepeatedCompositeFieldContainer[ServiceInfo]
    protocol_version: str
    server_agent: str
    def __init__(self, services: _Optional[_Iterable[_Union[ServiceInfo, _Mapping]]] = ..., protocol_version: _Optional[str] = ..., server_agent: _Optional[str] = ...) -> None: ...

class GetDescriptorsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetDescriptorsResponse(_message.Message):
    __slots__ = ("file_descriptor_set",)
    FILE_DESCRIPTOR_SET_FIELD_NUMBER: _ClassVar[int]
    file_descriptor_set: bytes
    def __init__(self, file_descriptor_set: _Optional[bytes] = ...) -> None: ...
