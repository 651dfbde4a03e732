from pledgewire.v1 import actor_pb2 as _actor_pb2
from pledgewire.v1 import common_pb2 as _common_pb2
from pledgewire.v1 import pledge_pb2 as _pledge_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CandidateState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CANDIDATE_STATE_UNSPECIFIED: _ClassVar[CandidateState]
    CANDIDATE_STATE_PENDING: _ClassVar[CandidateState]
    CANDIDATE_STATE_ACCEPTED: _ClassVar[CandidateState]
    CANDIDATE_STATE_REJECTED: _ClassVar[CandidateState]

class RejectionReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    REJECTION_REASON_UNSPECIFIED: _ClassVar[RejectionReason]
    REJECTION_REASON_NOT_A_PLEDGE: _ClassVar[RejectionReason]
    REJECTION_REASON_WRONG_ATTRIBUTION: _ClassVar[RejectionReason]
    REJECTION_REASON_DUPLICATE: _ClassVar[RejectionReason]
    REJECTION_REASON_OUT_OF_SCOPE: _ClassVar[RejectionReason]
    REJECTION_REASON_OTHER: _ClassVar[RejectionReason]
CANDIDATE_STATE_UNSPECIFIED: CandidateState
CANDIDATE_STATE_PENDING: CandidateState
CANDIDATE_STATE_ACCEPTED: CandidateState
CANDIDATE_STATE_REJECTED: CandidateState
REJECTION_REASON_UNSPECIFIED: RejectionReason
REJECTION_REASON_NOT_A_PLEDGE: RejectionReason
REJECTION_REASON_WRONG_ATTRIBUTION: RejectionReason
REJECTION_REASON_DUPLICATE: RejectionReason
REJECTION_REASON_OUT_OF_SCOPE: RejectionReason
REJECTION_REASON_OTHER: RejectionReason

class ExtractedMention(_message.Message):
    __slots__ = ("text", "range", "actor_id", "actor_name", "kind", "confidence", "proposed", "rules")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    RANGE_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    PROPOSED_FIELD_NUMBER: _ClassVar[int]
    RULES_FIELD_NUMBER: _ClassVar[int]
    text: str
    range: _common_pb2.TextRange
    actor_id: int
    actor_name: str
    kind: _actor_pb2.ActorKind
    confidence: float
    proposed: bool
    rules: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, text: _Optional[str] = ..., range: _Optional[_Union[_common_pb2.TextRange, _Mapping]] = ..., actor_id: _Optional[int] = ..., actor_name: _Optional[str] = ..., kind: _Optional[_Union[_actor_pb2.ActorKind, str]] = ..., confidence: _Optional[float] = ..., proposed: _Optional[bool] = ..., rules: _Optional[_Iterable[str]] = ...) -> None: ...

class CandidateParty(_message.Message):
    __slots__ = ("actor_id", "name", "kind")
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    actor_id: int
    name: str
    kind: _actor_pb2.ActorKind
    def __init__(self, actor_id: _Optional[int] = ..., name: _Optional[str] = ..., kind: _Optional[_Union[_actor_pb2.ActorKind, str]] = ...) -> None: ...

class PledgeCandidate(_message.Message):
    __slots__ = ("id", "article_id", "state", "quote", "range", "makers", "announcers", "beneficiaries", "action", "category", "modality", "condition", "amount", "quantity", "target", "due_at_ms", "due_precision", "makers_incomplete", "confidence", "rules", "pledge_id", "attached", "rejection_reason", "rejection_note", "reviewed_by", "reviewed_at_ms", "created_at_ms", "version", "extractor")
    ID_FIELD_NUMBER: _ClassVar[int]
    ARTICLE_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    QUOTE_FIELD_NUMBER: _ClassVar[int]
    RANGE_FIELD_NUMBER: _ClassVar[int]
    MAKERS_FIELD_NUMBER: _ClassVar[int]
    ANNOUNCERS_FIELD_NUMBER: _ClassVar[int]
    BENEFICIARIES_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    MODALITY_FIELD_NUMBER: _ClassVar[int]
    CONDITION_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_MS_FIELD_NUMBER: _ClassVar[int]
    DUE_PRECISION_FIELD_NUMBER: _ClassVar[int]
    MAKERS_INCOMPLETE_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    RULES_FIELD_NUMBER: _ClassVar[int]
    PLEDGE_ID_FIELD_NUMBER: _ClassVar[int]
    ATTACHED_FIELD_NUMBER: _ClassVar[int]
    REJECTION_REASON_FIELD_NUMBER: _ClassVar[int]
    REJECTION_NOTE_FIELD_NUMBER: _ClassVar[int]
    REVIEWED_BY_FIELD_NUMBER: _ClassVar[int]
    REVIEWED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    EXTRACTOR_FIELD_NUMBER: _ClassVar[int]
    id: int
    article_id: int
    state: CandidateState
    quote: str
    range: _common_pb2.TextRange
    makers: _containers.RepeatedCompositeFieldContainer[CandidateParty]
    announcers: _containers.RepeatedCompositeFieldContainer[CandidateParty]
    beneficiaries: _containers.RepeatedCompositeFieldContainer[CandidateParty]
    action: str
    category: _pledge_pb2.PledgeCategory
    modality: _pledge_pb2.Modality
    condition: str
    amount: _common_pb2.Money
    quantity: _common_pb2.Quantity
    target: _common_pb2.Ratio
    due_at_ms: int
    due_precision: _common_pb2.DatePrecision
    makers_incomplete: bool
    confidence: float
    rules: _containers.RepeatedScalarFieldContainer[str]
    pledge_id: int
    attached: bool
    rejection_reason: RejectionReason
    rejection_note: str
    reviewed_by: str
    reviewed_at_ms: int
    created_at_ms: int
    version: int
    extractor: str
    def __init__(self, id: _Optional[int] = ..., article_id: _Optional[int] = ..., state: _Optional[_Union[CandidateState, str]] = ..., quote: _Optional[str] = ..., range: _Optional[_Union[_common_pb2.TextRange, _Mapping]] = ..., makers: _Optional[_Iterable[_Union[CandidateParty, _Mapping]]] = ..., announcers: _Optional[_Iterable[_Union[CandidateParty, _Mapping]]] = ..., beneficiaries: _Optional[_Iterable[_Union[CandidateParty, _Mapping]]] = ..., action: _Optional[str] = ..., category: _Optional[_Union[_pledge_pb2.PledgeCategory, str]] = ..., modality: _Optional[_Union[_pledge_pb2.Modality, str]] = ..., condition: _Optional[str] = ..., amount: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., quantity: _Optional[_Union[_common_pb2.Quantity, _Mapping]] = ..., target: _Optional[_Union[_common_pb2.Ratio, _Mapping]] = ..., due_at_ms: _Optional[int] = ..., due_precision: _Optional[_Union[_common_pb2.DatePrecision, str]] = ..., makers_incomplete: _Optional[bool] = ..., confidence: _Optional[float] = ..., rules: _Optional[_Iterable[str]] = ..., pledge_id: _Optional[int] = ..., attached: _Optional[bool] = ..., rejection_reason: _Optional[_Union[RejectionReason, str]] = ..., rejection_note: _Optional[str] = ..., reviewed_by: _Optional[str] = ..., reviewed_at_ms: _Optional[int] = ..., created_at_ms: _Optional[int] = ..., version: _Optional[int] = ..., extractor: _Optional[str] = ...) -> None: ...

class ExtractRequest(_message.Message):
    __slots__ = ("text", "published_at_ms")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    text: str
    published_at_ms: int
    def __init__(self, text: _Optional[str] = ..., published_at_ms: _Optional[int] = ...) -> None: ...

class ExtractResponse(_message.Message):
    __slots__ = ("mentions", "candidates", "extractor")
    MENTIONS_FIELD_NUMBER: _ClassVar[int]
    CANDIDATES_FIELD_NUMBER: _ClassVar[int]
    EXTRACTOR_FIELD_NUMBER: _ClassVar[int]
    mentions: _containers.RepeatedCompositeFieldContainer[ExtractedMention]
    candidates: _containers.RepeatedCompositeFieldContainer[PledgeCandidate]
    extractor: str
    def __init__(self, mentions: _Optional[_Iterable[_Union[ExtractedMention, _Mapping]]] = ..., candidates: _Optional[_Iterable[_Union[PledgeCandidate, _Mapping]]] = ..., extractor: _Optional[str] = ...) -> None: ...

class ListCandidatesRequest(_message.Message):
    __slots__ = ("article_id", "state", "min_confidence", "page_size", "page_token")
    ARTICLE_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    MIN_CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    article_id: int
    state: CandidateState
    min_confidence: float
    page_size: int
    page_token: str
    def __init__(self, article_id: _Optional[int] = ..., state: _Optional[_Union[CandidateState, str]] = ..., min_confidence: _Optional[float] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListCandidatesResponse(_message.Message):
    __slots__ = ("candidates", "next_page_token")
    CANDIDATES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    candidates: _containers.RepeatedCompositeFieldContainer[PledgeCandidate]
    next_page_token: str
    def __init__(self, candidates: _Optional[_Iterable[_Union[PledgeCandidate, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetCandidateRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: int
    def __init__(self, id: _Optional[int] = ...) -> None: ...

class AcceptCandidateRequest(_message.Message):
    __slots__ = ("candidate_id", "expected_version", "pledge", "attach_to_pledge_id", "stance", "reported_amount", "create_missing_actors")
    CANDIDATE_ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    PLEDGE_FIELD_NUMBER: _ClassVar[int]
    ATTACH_TO_PLEDGE_ID_FIELD_NUMBER: _ClassVar[int]
    STANCE_FIELD_NUMBER: _ClassVar[int]
    REPORTED_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CREATE_MISSING_ACTORS_FIELD_NUMBER: _ClassVar[int]
    candidate_id: int
    expected_version: int
    pledge: _pledge_pb2.Pledge
    attach_to_pledge_id: int
    stance: _pledge_pb2.EvidenceStance
    reported_amount: _common_pb2.Money
    create_missing_actors: bool
    def __init__(self, candidate_id: _Optional[int] = ..., expected_version: _Optional[int] = ..., pledge: _Optional[_Union[_pledge_pb2.Pledge, _Mapping]] = ..., attach_to_pledge_id: _Optional[int] = ..., stance: _Optional[_Union[_pledge_pb2.EvidenceStance, str]] = ..., reported_amount: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., create_missing_actors: _Optional[bool] = ...) -> None: ...

class AcceptCandidateResponse(_message.Message):
    __slots__ = ("candidate", "pledge")
    CANDIDATE_FIELD_NUMBER: _ClassVar[int]
    PLEDGE_FIELD_NUMBER: _ClassVar[int]
    candidate: PledgeCandidate
    pledge: _pledge_pb2.Pledge
    def __init__(self, candidate: _Optional[_Union[PledgeCandidate, _Mapping]] = ..., pledge: _Optional[_Union[_pledge_pb2.Pledge, _Mapping]] = ...) -> None: ...

class RejectCandidateRequest(_message.Message):
    __slots__ = ("candidate_id", "expected_version", "reason", "note")
    CANDIDATE_ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    candidate_id: int
    expected_version: int
    reason: RejectionReason
    note: str
    def __init__(self, candidate_id: _Optional[int] = ..., expected_version: _Optional[int] = ..., reason: _Optional[_Union[RejectionReason, str]] = ..., note: _Optional[str] = ...) -> None: ...
