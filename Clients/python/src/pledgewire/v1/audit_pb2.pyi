from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class RecordType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RECORD_TYPE_UNSPECIFIED: _ClassVar[RecordType]
    RECORD_TYPE_ARTICLE: _ClassVar[RecordType]
    RECORD_TYPE_ACTOR: _ClassVar[RecordType]
    RECORD_TYPE_PLEDGE: _ClassVar[RecordType]
    RECORD_TYPE_CANDIDATE: _ClassVar[RecordType]
RECORD_TYPE_UNSPECIFIED: RecordType
RECORD_TYPE_ARTICLE: RecordType
RECORD_TYPE_ACTOR: RecordType
RECORD_TYPE_PLEDGE: RecordType
RECORD_TYPE_CANDIDATE: RecordType

class AuditEntry(_message.Message):
    __slots__ = ("sequence", "at_ms", "principal", "method", "record_type", "record_id", "version_before", "version_after", "summary", "peer")
    SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    AT_MS_FIELD_NUMBER: _ClassVar[int]
    PRINCIPAL_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    RECORD_TYPE_FIELD_NUMBER: _ClassVar[int]
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_BEFORE_FIELD_NUMBER: _ClassVar[int]
    VERSION_AFTER_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    PEER_FIELD_NUMBER: _ClassVar[int]
    sequence: int
    at_ms: int
    principal: str
    method: str
    record_type: RecordType
    record_id: int
    version_before: int
    version_after: int
    summary: str
    peer: str
    def __init__(self, sequence: _Optional[int] = ..., at_ms: _Optional[int] = ..., principal: _Optional[str] = ..., method: _Optional[str] = ..., record_type: _Optional[_Union[RecordType, str]] = ..., record_id: _Optional[int] = ..., version_before: _Optional[int] = ..., version_after: _Optional[int] = ..., summary: _Optional[str] = ..., peer: _Optional[str] = ...) -> None: ...

class ListAuditEntriesRequest(_message.Message):
    __slots__ = ("record_type", "record_id", "principal", "after_ms", "before_ms", "page_size", "page_token")
    RECORD_TYPE_FIELD_NUMBER: _ClassVar[int]
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    PRINCIPAL_FIELD_NUMBER: _ClassVar[int]
    AFTER_MS_FIELD_NUMBER: _ClassVar[int]
    BEFORE_MS_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    record_type: RecordType
    record_id: int
    principal: str
    after_ms: int
    before_ms: int
    page_size: int
    page_token: str
    def __init__(self, record_type: _Optional[_Union[RecordType, str]] = ..., record_id: _Optional[int] = ..., principal: _Optional[str] = ..., after_ms: _Optional[int] = ..., before_ms: _Optional[int] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListAuditEntriesResponse(_message.Message):
    __slots__ = ("entries", "next_page_token")
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    entries: _containers.RepeatedCompositeFieldContainer[AuditEntry]
    next_page_token: str
    def __init__(self, entries: _Optional[_Iterable[_Union[AuditEntry, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...
