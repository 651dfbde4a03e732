from pledgewire.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class PartyRole(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PARTY_ROLE_UNSPECIFIED: _ClassVar[PartyRole]
    PARTY_ROLE_MAKER: _ClassVar[PartyRole]
    PARTY_ROLE_ANNOUNCER: _ClassVar[PartyRole]
    PARTY_ROLE_BENEFICIARY: _ClassVar[PartyRole]

class PledgeCategory(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PLEDGE_CATEGORY_UNSPECIFIED: _ClassVar[PledgeCategory]
    PLEDGE_CATEGORY_DEFENCE_SPENDING: _ClassVar[PledgeCategory]
    PLEDGE_CATEGORY_TROOP_DEPLOYMENT: _ClassVar[PledgeCategory]
    PLEDGE_CATEGORY_PEACE_PROCESS: _ClassVar[PledgeCategory]
    PLEDGE_CATEGORY_SECURITY_GUARANTEE: _ClassVar[PledgeCategory]
    PLEDGE_CATEGORY_MILITARY_AID: _ClassVar[PledgeCategory]
    PLEDGE_CATEGORY_FINANCIAL_AID: _ClassVar[PledgeCategory]
    PLEDGE_CATEGORY_HUMANITARIAN_AID: _ClassVar[PledgeCategory]
    PLEDGE_CATEGORY_CLIMATE_AID: _ClassVar[PledgeCategory]
    PLEDGE_CATEGORY_DIPLOMATIC: _ClassVar[PledgeCategory]
    PLEDGE_CATEGORY_SANCTIONS: _ClassVar[PledgeCategory]
    PLEDGE_CATEGORY_OTHER: _ClassVar[PledgeCategory]
    PLEDGE_CATEGORY_DEVELOPMENT_AID: _ClassVar[PledgeCategory]

class Modality(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MODALITY_UNSPECIFIED: _ClassVar[Modality]
    MODALITY_PROPOSAL: _ClassVar[Modality]
    MODALITY_OFFER: _ClassVar[Modality]
    MODALITY_INTENT: _ClassVar[Modality]
    MODALITY_PROMISE: _ClassVar[Modality]
    MODALITY_AGREEMENT: _ClassVar[Modality]
    MODALITY_LEGAL_ACT: _ClassVar[Modality]

class ConditionState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CONDITION_STATE_UNSPECIFIED: _ClassVar[ConditionState]
    CONDITION_STATE_PENDING: _ClassVar[ConditionState]
    CONDITION_STATE_MET: _ClassVar[ConditionState]
    CONDITION_STATE_FAILED: _ClassVar[ConditionState]
    CONDITION_STATE_WITHDRAWN: _ClassVar[ConditionState]

class AmountStage(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    AMOUNT_STAGE_UNSPECIFIED: _ClassVar[AmountStage]
    AMOUNT_STAGE_COMMITTED: _ClassVar[AmountStage]
    AMOUNT_STAGE_ALLOCATED: _ClassVar[AmountStage]
    AMOUNT_STAGE_DELIVERED: _ClassVar[AmountStage]

class PledgeStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PLEDGE_STATUS_UNSPECIFIED: _ClassVar[PledgeStatus]
    PLEDGE_STATUS_ANNOUNCED: _ClassVar[PledgeStatus]
    PLEDGE_STATUS_IN_PROGRESS: _ClassVar[PledgeStatus]
    PLEDGE_STATUS_STALLED: _ClassVar[PledgeStatus]
    PLEDGE_STATUS_PARTIALLY_FULFILLED: _ClassVar[PledgeStatus]
    PLEDGE_STATUS_FULFILLED: _ClassVar[PledgeStatus]
    PLEDGE_STATUS_BROKEN: _ClassVar[PledgeStatus]
    PLEDGE_STATUS_WITHDRAWN: _ClassVar[PledgeStatus]

class EvidenceStance(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    EVIDENCE_STANCE_UNSPECIFIED: _ClassVar[EvidenceStance]
    EVIDENCE_STANCE_ANNOUNCES: _ClassVar[EvidenceStance]
    EVIDENCE_STANCE_REAFFIRMS: _ClassVar[EvidenceStance]
    EVIDENCE_STANCE_PROGRESS: _ClassVar[EvidenceStance]
    EVIDENCE_STANCE_FULFILS: _ClassVar[EvidenceStance]
    EVIDENCE_STANCE_BREAKS: _ClassVar[EvidenceStance]
    EVIDENCE_STANCE_WITHDRAWS: _ClassVar[EvidenceStance]
    EVIDENCE_STANCE_REPORTS: _ClassVar[EvidenceStance]
    EVIDENCE_STANCE_OPTS_OUT: _ClassVar[EvidenceStance]

class ConditionFilter(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CONDITION_FILTER_UNSPECIFIED: _ClassVar[ConditionFilter]
    CONDITION_FILTER_CONDITIONAL: _ClassVar[ConditionFilter]
    CONDITION_FILTER_UNCONDITIONAL: _ClassVar[ConditionFilter]

class PledgeEventKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PLEDGE_EVENT_KIND_UNSPECIFIED: _ClassVar[PledgeEventKind]
    PLEDGE_EVENT_KIND_CREATED: _ClassVar[PledgeEventKind]
    PLEDGE_EVENT_KIND_STATUS_CHANGED: _ClassVar[PledgeEventKind]
    PLEDGE_EVENT_KIND_UPDATED: _ClassVar[PledgeEventKind]
    PLEDGE_EVENT_KIND_EVIDENCE_ADDED: _ClassVar[PledgeEventKind]
    PLEDGE_EVENT_KIND_MERGED: _ClassVar[PledgeEventKind]
    PLEDGE_EVENT_KIND_DELETED: _ClassVar[PledgeEventKind]
PARTY_ROLE_UNSPECIFIED: PartyRole
PARTY_ROLE_MAKER: PartyRole
PARTY_ROLE_ANNOUNCER: PartyRole
PARTY_ROLE_BENEFICIARY: PartyRole
PLEDGE_CATEGORY_UNSPECIFIED: PledgeCategory
PLEDGE_CATEGORY_DEFENCE_SPENDING: PledgeCategory
PLEDGE_CATEGORY_TROOP_DEPLOYMENT: PledgeCategory
PLEDGE_CATEGORY_PEACE_PROCESS: PledgeCategory
PLEDGE_CATEGORY_SECURITY_GUARANTEE: PledgeCategory
PLEDGE_CATEGORY_MILITARY_AID: PledgeCategory
PLEDGE_CATEGORY_FINANCIAL_AID: PledgeCategory
PLEDGE_CATEGORY_HUMANITARIAN_AID: PledgeCategory
PLEDGE_CATEGORY_CLIMATE_AID: PledgeCategory
PLEDGE_CATEGORY_DIPLOMATIC: PledgeCategory
PLEDGE_CATEGORY_SANCTIONS: PledgeCategory
PLEDGE_CATEGORY_OTHER: PledgeCategory
PLEDGE_CATEGORY_DEVELOPMENT_AID: PledgeCategory
MODALITY_UNSPECIFIED: Modality
MODALITY_PROPOSAL: Modality
MODALITY_OFFER: Modality
MODALITY_INTENT: Modality
MODALITY_PROMISE: Modality
MODALITY_AGREEMENT: Modality
MODALITY_LEGAL_ACT: Modality
CONDITION_STATE_UNSPECIFIED: ConditionState
CONDITION_STATE_PENDING: ConditionState
CONDITION_STATE_MET: ConditionState
CONDITION_STATE_FAILED: ConditionState
CONDITION_STATE_WITHDRAWN: ConditionState
AMOUNT_STAGE_UNSPECIFIED: AmountStage
AMOUNT_STAGE_COMMITTED: AmountStage
AMOUNT_STAGE_ALLOCATED: AmountStage
AMOUNT_STAGE_DELIVERED: AmountStage
PLEDGE_STATUS_UNSPECIFIED: PledgeStatus
PLEDGE_STATUS_ANNOUNCED: PledgeStatus
PLEDGE_STATUS_IN_PROGRESS: PledgeStatus
PLEDGE_STATUS_STALLED: PledgeStatus
PLEDGE_STATUS_PARTIALLY_FULFILLED: PledgeStatus
PLEDGE_STATUS_FULFILLED: PledgeStatus
PLEDGE_STATUS_BROKEN: PledgeStatus
PLEDGE_STATUS_WITHDRAWN: PledgeStatus
EVIDENCE_STANCE_UNSPECIFIED: EvidenceStance
EVIDENCE_STANCE_ANNOUNCES: EvidenceStance
EVIDENCE_STANCE_REAFFIRMS: EvidenceStance
EVIDENCE_STANCE_PROGRESS: EvidenceStance
EVIDENCE_STANCE_FULFILS: EvidenceStance
EVIDENCE_STANCE_BREAKS: EvidenceStance
EVIDENCE_STANCE_WITHDRAWS: EvidenceStance
EVIDENCE_STANCE_REPORTS: EvidenceStance
EVIDENCE_STANCE_OPTS_OUT: EvidenceStance
CONDITION_FILTER_UNSPECIFIED: ConditionFilter
CONDITION_FILTER_CONDITIONAL: ConditionFilter
CONDITION_FILTER_UNCONDITIONAL: ConditionFilter
PLEDGE_EVENT_KIND_UNSPECIFIED: PledgeEventKind
PLEDGE_EVENT_KIND_CREATED: PledgeEventKind
PLEDGE_EVENT_KIND_STATUS_CHANGED: PledgeEventKind
PLEDGE_EVENT_KIND_UPDATED: PledgeEventKind
PLEDGE_EVENT_KIND_EVIDENCE_ADDED: PledgeEventKind
PLEDGE_EVENT_KIND_MERGED: PledgeEventKind
PLEDGE_EVENT_KIND_DELETED: PledgeEventKind

class PledgeParty(_message.Message):
    __slots__ = ("actor_id", "role", "opted_out", "opt_out_evidence_id")
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    OPTED_OUT_FIELD_NUMBER: _ClassVar[int]
    OPT_OUT_EVIDENCE_ID_FIELD_NUMBER: _ClassVar[int]
    actor_id: int
    role: PartyRole
    opted_out: bool
    opt_out_evidence_id: int
    def __init__(self, actor_id: _Optional[int] = ..., role: _Optional[_Union[PartyRole, str]] = ..., opted_out: _Optional[bool] = ..., opt_out_evidence_id: _Optional[int] = ...) -> None: ...

class Condition(_message.Message):
    __slots__ = ("text", "state", "evidence_id", "changed_at_ms")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_ID_FIELD_NUMBER: _ClassVar[int]
    CHANGED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    text: str
    state: ConditionState
    evidence_id: int
    changed_at_ms: int
    def __init__(self, text: _Optional[str] = ..., state: _Optional[_Union[ConditionState, str]] = ..., evidence_id: _Optional[int] = ..., changed_at_ms: _Optional[int] = ...) -> None: ...

class StageAmount(_message.Message):
    __slots__ = ("stage", "amount", "as_of_ms")
    STAGE_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    AS_OF_MS_FIELD_NUMBER: _ClassVar[int]
    stage: AmountStage
    amount: _common_pb2.Money
    as_of_ms: int
    def __init__(self, stage: _Optional[_Union[AmountStage, str]] = ..., amount: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., as_of_ms: _Optional[int] = ...) -> None: ...

class Evidence(_message.Message):
    __slots__ = ("id", "article_id", "quote", "range", "stance", "added_at_ms", "reported_amount", "reported_quantity", "party_actor_id", "note", "added_by")
    ID_FIELD_NUMBER: _ClassVar[int]
    ARTICLE_ID_FIELD_NUMBER: _ClassVar[int]
    QUOTE_FIELD_NUMBER: _ClassVar[int]
    RANGE_FIELD_NUMBER: _ClassVar[int]
    STANCE_FIELD_NUMBER: _ClassVar[int]
    ADDED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    REPORTED_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    REPORTED_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    PARTY_ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    ADDED_BY_FIELD_NUMBER: _ClassVar[int]
    id: int
    article_id: int
    quote: str
    range: _common_pb2.TextRange
    stance: EvidenceStance
    added_at_ms: int
    reported_amount: _common_pb2.Money
    reported_quantity: _common_pb2.Quantity
    party_actor_id: int
    note: str
    added_by: str
    def __init__(self, id: _Optional[int] = ..., article_id: _Optional[int] = ..., quote: _Optional[str] = ..., range: _Optional[_Union[_common_pb2.TextRange, _Mapping]] = ..., stance: _Optional[_Union[EvidenceStance, str]] = ..., added_at_ms: _Optional[int] = ..., reported_amount: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., reported_quantity: _Optional[_Union[_common_pb2.Quantity, _Mapping]] = ..., party_actor_id: _Optional[int] = ..., note: _Optional[str] = ..., added_by: _Optional[str] = ...) -> None: ...

class Extraction(_message.Message):
    __slots__ = ("extractor", "confidence", "candidate_id")
    EXTRACTOR_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    CANDIDATE_ID_FIELD_NUMBER: _ClassVar[int]
    extractor: str
    confidence: float
    candidate_id: int
    def __init__(self, extractor: _Optional[str] = ..., confidence: _Optional[float] = ..., candidate_id: _Optional[int] = ...) -> None: ...

class StatusChange(_message.Message):
    __slots__ = ("from_status", "to_status", "at_ms", "evidence", "note", "reopened", "changed_by", "recorded_at_ms")
    FROM_STATUS_FIELD_NUMBER: _ClassVar[int]
    TO_STATUS_FIELD_NUMBER: _ClassVar[int]
    AT_MS_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    REOPENED_FIELD_NUMBER: _ClassVar[int]
    CHANGED_BY_FIELD_NUMBER: _ClassVar[int]
    RECORDED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    from_status: PledgeStatus
    to_status: PledgeStatus
    at_ms: int
    evidence: Evidence
    note: str
    reopened: bool
    changed_by: str
    recorded_at_ms: int
    def __init__(self, from_status: _Optional[_Union[PledgeStatus, str]] = ..., to_status: _Optional[_Union[PledgeStatus, str]] = ..., at_ms: _Optional[int] = ..., evidence: _Optional[_Union[Evidence, _Mapping]] = ..., note: _Optional[str] = ..., reopened: _Optional[bool] = ..., changed_by: _Optional[str] = ..., recorded_at_ms: _Optional[int] = ...) -> None: ...

class Pledge(_message.Message):
    __slots__ = ("id", "parties", "action", "category", "modality", "condition", "amount", "stage_amounts", "made_at_ms", "due_at_ms", "status", "evidence", "history", "extraction", "version", "created_at_ms", "updated_at_ms", "quantity", "target", "made_precision", "due_precision", "makers_incomplete", "note", "part_of_id", "supersedes_id", "merged_into_id", "merged_ids", "labels")
    ID_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    MODALITY_FIELD_NUMBER: _ClassVar[int]
    CONDITION_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    STAGE_AMOUNTS_FIELD_NUMBER: _ClassVar[int]
    MADE_AT_MS_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_MS_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    HISTORY_FIELD_NUMBER: _ClassVar[int]
    EXTRACTION_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    MADE_PRECISION_FIELD_NUMBER: _ClassVar[int]
    DUE_PRECISION_FIELD_NUMBER: _ClassVar[int]
    MAKERS_INCOMPLETE_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    PART_OF_ID_FIELD_NUMBER: _ClassVar[int]
    SUPERSEDES_ID_FIELD_NUMBER: _ClassVar[int]
    MERGED_INTO_ID_FIELD_NUMBER: _ClassVar[int]
    MERGED_IDS_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    id: int
    parties: _containers.RepeatedCompositeFieldContainer[PledgeParty]
    action: str
    category: PledgeCategory
    modality: Modality
    condition: Condition
    amount: _common_pb2.Money
    stage_amounts: _containers.RepeatedCompositeFieldContainer[StageAmount]
    made_at_ms: int
    due_at_ms: int
    status: PledgeStatus
    evidence: _containers.RepeatedCompositeFieldContainer[Evidence]
    history: _containers.RepeatedCompositeFieldContainer[StatusChange]
    extraction: Extraction
    version: int
    created_at_ms: int
    updated_at_ms: int
    quantity: _common_pb2.Quantity
    target: _common_pb2.Ratio
    made_precision: _common_pb2.DatePrecision
    due_precision: _common_pb2.DatePrecision
    makers_incomplete: bool
    note: str
    part_of_id: int
    supersedes_id: int
    merged_into_id: int
    merged_ids: _containers.RepeatedScalarFieldContainer[int]
    labels: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[int] = ..., parties: _Optional[_Iterable[_Union[PledgeParty, _Mapping]]] = ..., action: _Optional[str] = ..., category: _Optional[_Union[PledgeCategory, str]] = ..., modality: _Optional[_Union[Modality, str]] = ..., condition: _Optional[_Union[Condition, _Mapping]] = ..., amount: _Optional[_Union[_common_pb2.Money, _Mapping]] = ..., stage_amounts: _Optional[_Iterable[_Union[StageAmount, _Mapping]]] = ..., made_at_ms: _Optional[int] = ..., due_at_ms: _Optional[int] = ..., status: _Optional[_Union[PledgeStatus, str]] = ..., evidence: _Optional[_Iterable[_Union[Evidence, _Mapping]]] = ..., history: _Optional[_Iterable[_Union[StatusChange, _Mapping]]] = ..., extraction: _Optional[_Union[Extraction, _Mapping]] = ..., version: _Optional[int] = ..., created_at_ms: _Optional[int] = ..., updated_at_ms: _Optional[int] = ..., quantity: _Optional[_Union[_common_pb2.Quantity, _Mapping]] = ..., target: _Optional[_Union[_common_pb2.Ratio, _Mapping]] = ..., made_precision: _Optional[_Union[_common_pb2.DatePrecision, str]] = ..., due_precision: _Optional[_Union[_common_pb2.DatePrecision, str]] = ..., makers_incomplete: _Optional[bool] = ..., note: _Optional[str] = ..., part_of_id: _Optional[int] = ..., supersedes_id: _Optional[int] = ..., merged_into_id: _Optional[int] = ..., merged_ids: _Optional[_Iterable[int]] = ..., labels: _Optional[_Iterable[str]] = ...) -> None: ...

class PledgeFilter(_message.Message):
    __slots__ = ("actor_id", "include_affiliated", "beneficiary_id", "categories", "statuses", "made_after_ms", "made_before_ms", "article_id", "condition", "makers_only", "part_of_id", "due_before_ms", "label")
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_AFFILIATED_FIELD_NUMBER: _ClassVar[int]
    BENEFICIARY_ID_FIELD_NUMBER: _ClassVar[int]
    CATEGORIES_FIELD_NUMBER: _ClassVar[int]
    STATUSES_FIELD_NUMBER: _ClassVar[int]
    MADE_AFTER_MS_FIELD_NUMBER: _ClassVar[int]
    MADE_BEFORE_MS_FIELD_NUMBER: _ClassVar[int]
    ARTICLE_ID_FIELD_NUMBER: _ClassVar[int]
    CONDITION_FIELD_NUMBER: _ClassVar[int]
    MAKERS_ONLY_FIELD_NUMBER: _ClassVar[int]
    PART_OF_ID_FIELD_NUMBER: _ClassVar[int]
    DUE_BEFORE_MS_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    actor_id: int
    include_affiliated: bool
    beneficiary_id: int
    categories: _containers.RepeatedScalarFieldContainer[PledgeCategory]
    statuses: _containers.RepeatedScalarFieldContainer[PledgeStatus]
    made_after_ms: int
    made_before_ms: int
    article_id: int
    condition: ConditionFilter
    makers_only: bool
    part_of_id: int
    due_before_ms: int
    label: str
    def __init__(self, actor_id: _Optional[int] = ..., include_affiliated: _Optional[bool] = ..., beneficiary_id: _Optional[int] = ..., categories: _Optional[_Iterable[_Union[PledgeCategory, str]]] = ..., statuses: _Optional[_Iterable[_Union[PledgeStatus, str]]] = ..., made_after_ms: _Optional[int] = ..., made_before_ms: _Optional[int] = ..., article_id: _Optional[int] = ..., condition: _Optional[_Union[ConditionFilter, str]] = ..., makers_only: _Optional[bool] = ..., part_of_id: _Optional[int] = ..., due_before_ms: _Optional[int] = ..., label: _Optional[str] = ...) -> None: ...

class CreatePledgeRequest(_message.Message):
    __slots__ = ("pledge",)
    PLEDGE_FIELD_NUMBER: _ClassVar[int]
    pledge: Pledge
    def __init__(self, pledge: _Optional[_Union[Pledge, _Mapping]] = ...) -> None: ...

class GetPledgeRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: int
    def __init__(self, id: _Optional[int] = ...) -> None: ...

class ListPledgesRequest(_message.Message):
    __slots__ = ("filter", "page_size", "page_token")
    FILTER_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    filter: PledgeFilter
    page_size: int
    page_token: str
    def __init__(self, filter: _Optional[_Union[PledgeFilter, _Mapping]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListPledgesResponse(_message.Message):
    __slots__ = ("pledges", "next_page_token")
    PLEDGES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    pledges: _containers.RepeatedCompositeFieldContainer[Pledge]
    next_page_token: str
    def __init__(self, pledges: _Optional[_Iterable[_Union[Pledge, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class UpdatePledgeStatusRequest(_message.Message):
    __slots__ = ("pledge_id", "status", "evidence", "note", "expected_version", "at_ms", "reopen")
    PLEDGE_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    AT_MS_FIELD_NUMBER: _ClassVar[int]
    REOPEN_FIELD_NUMBER: _ClassVar[int]
    pledge_id: int
    status: PledgeStatus
    evidence: Evidence
    note: str
    expected_version: int
    at_ms: int
    reopen: bool
    def __init__(self, pledge_id: _Optional[int] = ..., status: _Optional[_Union[PledgeStatus, str]] = ..., evidence: _Optional[_Union[Evidence, _Mapping]] = ..., note: _Optional[str] = ..., expected_version: _Optional[int] = ..., at_ms: _Optional[int] = ..., reopen: _Optional[bool] = ...) -> None: ...

class UpdatePledgeRequest(_message.Message):
    __slots__ = ("pledge", "update_mask", "add_parties", "remove_parties")
    PLEDGE_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ADD_PARTIES_FIELD_NUMBER: _ClassVar[int]
    REMOVE_PARTIES_FIELD_NUMBER: _ClassVar[int]
    pledge: Pledge
    update_mask: _containers.RepeatedScalarFieldContainer[str]
    add_parties: _containers.RepeatedCompositeFieldContainer[PledgeParty]
    remove_parties: _containers.RepeatedCompositeFieldContainer[PledgeParty]
    def __init__(self, pledge: _Optional[_Union[Pledge, _Mapping]] = ..., update_mask: _Optional[_Iterable[str]] = ..., add_parties: _Optional[_Iterable[_Union[PledgeParty, _Mapping]]] = ..., remove_parties: _Optional[_Iterable[_Union[PledgeParty, _Mapping]]] = ...) -> None: ...

class AddEvidenceRequest(_message.Message):
    __slots__ = ("pledge_id", "evidence", "expected_version", "condition_state")
    PLEDGE_ID_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    CONDITION_STATE_FIELD_NUMBER: _ClassVar[int]
    pledge_id: int
    evidence: Evidence
    expected_version: int
    condition_state: ConditionState
    def __init__(self, pledge_id: _Optional[int] = ..., evidence: _Optional[_Union[Evidence, _Mapping]] = ..., expected_version: _Optional[int] = ..., condition_state: _Optional[_Union[ConditionState, str]] = ...) -> None: ...

class MergePledgesRequest(_message.Message):
    __slots__ = ("survivor_id", "duplicate_id", "survivor_version", "duplicate_version")
    SURVIVOR_ID_FIELD_NUMBER: _ClassVar[int]
    DUPLICATE_ID_FIELD_NUMBER: _ClassVar[int]
    SURVIVOR_VERSION_FIELD_NUMBER: _ClassVar[int]
    DUPLICATE_VERSION_FIELD_NUMBER: _ClassVar[int]
    survivor_id: int
    duplicate_id: int
    survivor_version: int
    duplicate_version: int
    def __init__(self, survivor_id: _Optional[int] = ..., duplicate_id: _Optional[int] = ..., survivor_version: _Optional[int] = ..., duplicate_version: _Optional[int] = ...) -> None: ...

class DeletePledgeRequest(_message.Message):
    __slots__ = ("id", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: int
    expected_version: int
    def __init__(self, id: _Optional[int] = ..., expected_version: _Optional[int] = ...) -> None: ...

class DeletePledgeResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetPledgeHistoryRequest(_message.Message):
    __slots__ = ("pledge_id",)
    PLEDGE_ID_FIELD_NUMBER: _ClassVar[int]
    pledge_id: int
    def __init__(self, pledge_id: _Optional[int] = ...) -> None: ...

class PledgeHistory(_message.Message):
    __slots__ = ("pledge_id", "changes")
    PLEDGE_ID_FIELD_NUMBER: _ClassVar[int]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    pledge_id: int
    changes: _containers.RepeatedCompositeFieldContainer[StatusChange]
    def __init__(self, pledge_id: _Optional[int] = ..., changes: _Optional[_Iterable[_Union[StatusChange, _Mapping]]] = ...) -> None: ...

class FindSimilarPledgesRequest(_message.Message):
    __slots__ = ("pledge", "max_results", "window_days", "min_score", "exclude_id")
    PLEDGE_FIELD_NUMBER: _ClassVar[int]
    MAX_RESULTS_FIELD_NUMBER: _ClassVar[int]
    WINDOW_DAYS_FIELD_NUMBER: _ClassVar[int]
    MIN_SCORE_FIELD_NUMBER: _ClassVar[int]
    EXCLUDE_ID_FIELD_NUMBER: _ClassVar[int]
    pledge: Pledge
    max_results: int
    window_days: int
    min_score: float
    exclude_id: int
    def __init__(self, pledge: _Optional[_Union[Pledge, _Mapping]] = ..., max_results: _Optional[int] = ..., window_days: _Optional[int] = ..., min_score: _Optional[float] = ..., exclude_id: _Optional[int] = ...) -> None: ...

class SimilarPledge(_message.Message):
    __slots__ = ("pledge", "score", "reasons")
    PLEDGE_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    pledge: Pledge
    score: float
    reasons: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, pledge: _Optional[_Union[Pledge, _Mapping]] = ..., score: _Optional[float] = ..., reasons: _Optional[_Iterable[str]] = ...) -> None: ...

class FindSimilarPledgesResponse(_message.Message):
    __slots__ = ("pledges",)
    PLEDGES_FIELD_NUMBER: _ClassVar[int]
    pledges: _containers.RepeatedCompositeFieldContainer[SimilarPledge]
    def __init__(self, pledges: _Optional[_Iterable[_Union[SimilarPledge, _Mapping]]] = ...) -> None: ...

class WatchPledgesRequest(_message.Message):
    __slots__ = ("filter", "resume_token")
    FILTER_FIELD_NUMBER: _ClassVar[int]
    RESUME_TOKEN_FIELD_NUMBER: _ClassVar[int]
    filter: PledgeFilter
    resume_token: str
    def __init__(self, filter: _Optional[_Union[PledgeFilter, _Mapping]] = ..., resume_token: _Optional[str] = ...) -> None: ...

class PledgeEvent(_message.Message):
    __slots__ = ("kind", "pledge", "sequence", "resume_token", "at_ms")
    KIND_FIELD_NUMBER: _ClassVar[int]
    PLEDGE_FIELD_NUMBER: _ClassVar[int]
    SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    RESUME_TOKEN_FIELD_NUMBER: _ClassVar[int]
    AT_MS_FIELD_NUMBER: _ClassVar[int]
    kind: PledgeEventKind
    pledge: Pledge
    sequence: int
    resume_token: str
    at_ms: int
    def __init__(self, kind: _Optional[_Union[PledgeEventKind, str]] = ..., pledge: _Optional[_Union[Pledge, _Mapping]] = ..., sequence: _Optional[int] = ..., resume_token: _Optional[str] = ..., at_ms: _Optional[int] = ...) -> None: ...
