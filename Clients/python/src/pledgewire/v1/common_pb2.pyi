from pledgewire.v1 import rpc_pb2 as _rpc_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AmountQualifier(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    AMOUNT_QUALIFIER_UNSPECIFIED: _ClassVar[AmountQualifier]
    AMOUNT_QUALIFIER_EXACT: _ClassVar[AmountQualifier]
    AMOUNT_QUALIFIER_UP_TO: _ClassVar[AmountQualifier]
    AMOUNT_QUALIFIER_ABOUT: _ClassVar[AmountQualifier]
    AMOUNT_QUALIFIER_AT_LEAST: _ClassVar[AmountQualifier]

class MoneyPeriod(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MONEY_PERIOD_UNSPECIFIED: _ClassVar[MoneyPeriod]
    MONEY_PERIOD_PER_DAY: _ClassVar[MoneyPeriod]
    MONEY_PERIOD_PER_WEEK: _ClassVar[MoneyPeriod]
    MONEY_PERIOD_PER_MONTH: _ClassVar[MoneyPeriod]
    MONEY_PERIOD_PER_YEAR: _ClassVar[MoneyPeriod]

class DatePrecision(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DATE_PRECISION_UNSPECIFIED: _ClassVar[DatePrecision]
    DATE_PRECISION_DAY: _ClassVar[DatePrecision]
    DATE_PRECISION_MONTH: _ClassVar[DatePrecision]
    DATE_PRECISION_YEAR: _ClassVar[DatePrecision]
    DATE_PRECISION_UNKNOWN: _ClassVar[DatePrecision]
AMOUNT_QUALIFIER_UNSPECIFIED: AmountQualifier
AMOUNT_QUALIFIER_EXACT: AmountQualifier
AMOUNT_QUALIFIER_UP_TO: AmountQualifier
AMOUNT_QUALIFIER_ABOUT: AmountQualifier
AMOUNT_QUALIFIER_AT_LEAST: AmountQualifier
MONEY_PERIOD_UNSPECIFIED: MoneyPeriod
MONEY_PERIOD_PER_DAY: MoneyPeriod
MONEY_PERIOD_PER_WEEK: MoneyPeriod
MONEY_PERIOD_PER_MONTH: MoneyPeriod
MONEY_PERIOD_PER_YEAR: MoneyPeriod
DATE_PRECISION_UNSPECIFIED: DatePrecision
DATE_PRECISION_DAY: DatePrecision
DATE_PRECISION_MONTH: DatePrecision
DATE_PRECISION_YEAR: DatePrecision
DATE_PRECISION_UNKNOWN: DatePrecision

class TextRange(_message.Message):
    __slots__ = ("start", "end")
    START_FIELD_NUMBER: _ClassVar[int]
    END_FIELD_NUMBER: _ClassVar[int]
    start: int
    end: int
    def __init__(self, start: _Optional[int] = ..., end: _Optional[int] = ...) -> None: ...

class Money(_message.Message):
    __slots__ = ("amount", "currency", "qualifier", "period", "text")
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    QUALIFIER_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    amount: str
    currency: str
    qualifier: AmountQualifier
    period: MoneyPeriod
    text: str
    def __init__(self, amount: _Optional[str] = ..., currency: _Optional[str] = ..., qualifier: _Optional[_Union[AmountQualifier, str]] = ..., period: _Optional[_Union[MoneyPeriod, str]] = ..., text: _Optional[str] = ...) -> None: ...

class Quantity(_message.Message):
    __slots__ = ("value", "unit", "qualifier", "text")
    VALUE_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    QUALIFIER_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    value: str
    unit: str
    qualifier: AmountQualifier
    text: str
    def __init__(self, value: _Optional[str] = ..., unit: _Optional[str] = ..., qualifier: _Optional[_Union[AmountQualifier, str]] = ..., text: _Optional[str] = ...) -> None: ...

class Ratio(_message.Message):
    __slots__ = ("percent", "of", "qualifier", "text")
    PERCENT_FIELD_NUMBER: _ClassVar[int]
    OF_FIELD_NUMBER: _ClassVar[int]
    QUALIFIER_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    percent: str
    of: str
    qualifier: AmountQualifier
    text: str
    def __init__(self, percent: _Optional[str] = ..., of: _Optional[str] = ..., qualifier: _Optional[_Union[AmountQualifier, str]] = ..., text: _Optional[str] = ...) -> None: ...

class Warning(_message.Message):
    __slots__ = ("reason", "message", "related_id")
    REASON_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    RELATED_ID_FIELD_NUMBER: _ClassVar[int]
    reason: str
    message: str
    related_id: int
    def __init__(self, reason: _Optional[str] = ..., message: _Optional[str] = ..., related_id: _Optional[int] = ...) -> None: ...

class ImportFailure(_message.Message):
    __slots__ = ("index", "code", "message", "details")
    INDEX_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    index: int
    code: _rpc_pb2.StatusCode
    message: str
    details: _rpc_pb2.ErrorDetails
    def __init__(self, index: _Optional[int] = ..., code: _Optional[_Union[_rpc_pb2.StatusCode, str]] = ..., message: _Optional[str] = ..., details: _Optional[_Union[_rpc_pb2.ErrorDetails, _Mapping]] = ...) -> None: ...

class ImportResponse(_message.Message):
    __slots__ = ("received", "created", "ids", "failures", "failures_omitted")
    RECEIVED_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    IDS_FIELD_NUMBER: _ClassVar[int]
    FAILURES_FIELD_NUMBER: _ClassVar[int]
    FAILURES_OMITTED_FIELD_NUMBER: _ClassVar[int]
    received: int
    created: int
    ids: _containers.RepeatedScalarFieldContainer[int]
    failures: _containers.RepeatedCompositeFieldContainer[ImportFailure]
    failures_omitted: int
    def __init__(self, received: _Optional[int] = ..., created: _Optional[int] = ..., ids: _Optional[_Iterable[int]] = ..., failures: _Optional[_Iterable[_Union[ImportFailure, _Mapping]]] = ..., failures_omitted: _Optional[int] = ...) -> None: ...
