from pledgewire.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ActorKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ACTOR_KIND_UNSPECIFIED: _ClassVar[ActorKind]
    ACTOR_KIND_PERSON: _ClassVar[ActorKind]
    ACTOR_KIND_COUNTRY: _ClassVar[ActorKind]
    ACTOR_KIND_ORGANIZATION: _ClassVar[ActorKind]
    ACTOR_KIND_GROUP: _ClassVar[ActorKind]

class AffiliationKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    AFFILIATION_KIND_UNSPECIFIED: _ClassVar[AffiliationKind]
    AFFILIATION_KIND_OFFICIAL_OF: _ClassVar[AffiliationKind]
    AFFILIATION_KIND_MEMBER_OF: _ClassVar[AffiliationKind]
    AFFILIATION_KIND_HAS_MEMBER: _ClassVar[AffiliationKind]
ACTOR_KIND_UNSPECIFIED: ActorKind
ACTOR_KIND_PERSON: ActorKind
ACTOR_KIND_COUNTRY: ActorKind
ACTOR_KIND_ORGANIZATION: ActorKind
ACTOR_KIND_GROUP: ActorKind
AFFILIATION_KIND_UNSPECIFIED: AffiliationKind
AFFILIATION_KIND_OFFICIAL_OF: AffiliationKind
AFFILIATION_KIND_MEMBER_OF: AffiliationKind
AFFILIATION_KIND_HAS_MEMBER: AffiliationKind

class Affiliation(_message.Message):
    __slots__ = ("actor_id", "kind")
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    actor_id: int
    kind: AffiliationKind
    def __init__(self, actor_id: _Optional[int] = ..., kind: _Optional[_Union[AffiliationKind, str]] = ...) -> None: ...

class ExternalId(_message.Message):
    __slots__ = ("scheme", "value")
    SCHEME_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    scheme: str
    value: str
    def __init__(self, scheme: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...

class Actor(_message.Message):
    __slots__ = ("id", "kind", "canonical_name", "aliases", "role", "country_code", "affiliations", "external_ids", "description", "version", "created_at_ms", "updated_at_ms", "merged_into_id", "merged_ids", "labels")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CANONICAL_NAME_FIELD_NUMBER: _ClassVar[int]
    ALIASES_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_CODE_FIELD_NUMBER: _ClassVar[int]
    AFFILIATIONS_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_IDS_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    MERGED_INTO_ID_FIELD_NUMBER: _ClassVar[int]
    MERGED_IDS_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    id: int
    kind: ActorKind
    canonical_name: str
    aliases: _containers.RepeatedScalarFieldContainer[str]
    role: str
    country_code: str
    affiliations: _containers.RepeatedCompositeFieldContainer[Affiliation]
    external_ids: _containers.RepeatedCompositeFieldContainer[ExternalId]
    description: str
    version: int
    created_at_ms: int
    updated_at_ms: int
    merged_into_id: int
    merged_ids: _containers.RepeatedScalarFieldContainer[int]
    labels: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[int] = ..., kind: _Optional[_Union[ActorKind, str]] = ..., canonical_name: _Optional[str] = ..., aliases: _Optional[_Iterable[str]] = ..., role: _Optional[str] = ..., country_code: _Optional[str] = ..., affiliations: _Optional[_Iterable[_Union[Affiliation, _Mapping]]] = ..., external_ids: _Optional[_Iterable[_Union[ExternalId, _Mapping]]] = ..., description: _Optional[str] = ..., version: _Optional[int] = ..., created_at_ms: _Optional[int] = ..., updated_at_ms: _Optional[int] = ..., merged_into_id: _Optional[int] = ..., merged_ids: _Optional[_Iterable[int]] = ..., labels: _Optional[_Iterable[str]] = ...) -> None: ...

class CreateActorRequest(_message.Message):
    __slots__ = ("actor",)
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    actor: Actor
    def __init__(self, actor: _Optional[_Union[Actor, _Mapping]] = ...) -> None: ...

class GetActorRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: int
    def __init__(self, id: _Optional[int] = ...) -> None: ...

class ListActorsRequest(_message.Message):
    __slots__ = ("kind", "name_prefix", "page_size", "page_token", "label")
    KIND_FIELD_NUMBER: _ClassVar[int]
    NAME_PREFIX_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    kind: ActorKind
    name_prefix: str
    page_size: int
    page_token: str
    label: str
    def __init__(self, kind: _Optional[_Union[ActorKind, str]] = ..., name_prefix: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., label: _Optional[str] = ...) -> None: ...

class ListActorsResponse(_message.Message):
    __slots__ = ("actors", "next_page_token")
    ACTORS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    actors: _containers.RepeatedCompositeFieldContainer[Actor]
    next_page_token: str
    def __init__(self, actors: _Optional[_Iterable[_Union[Actor, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class UpdateActorRequest(_message.Message):
    __slots__ = ("actor", "update_mask", "add_aliases", "remove_aliases", "add_affiliations", "remove_affiliations")
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    ADD_ALIASES_FIELD_NUMBER: _ClassVar[int]
    REMOVE_ALIASES_FIELD_NUMBER: _ClassVar[int]
    ADD_AFFILIATIONS_FIELD_NUMBER: _ClassVar[int]
    REMOVE_AFFILIATIONS_FIELD_NUMBER: _ClassVar[int]
    actor: Actor
    update_mask: _containers.RepeatedScalarFieldContainer[str]
    add_aliases: _containers.RepeatedScalarFieldContainer[str]
    remove_aliases: _containers.RepeatedScalarFieldContainer[str]
    add_affiliations: _containers.RepeatedCompositeFieldContainer[Affiliation]
    remove_affiliations: _containers.RepeatedCompositeFieldContainer[Affiliation]
    def __init__(self, actor: _Optional[_Union[Actor, _Mapping]] = ..., update_mask: _Optional[_Iterable[str]] = ..., add_aliases: _Optional[_Iterable[str]] = ..., remove_aliases: _Optional[_Iterable[str]] = ..., add_affiliations: _Optional[_Iterable[_Union[Affiliation, _Mapping]]] = ..., remove_affiliations: _Optional[_Iterable[_Union[Affiliation, _Mapping]]] = ...) -> None: ...

class MergeActorsRequest(_message.Message):
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

class DeleteActorRequest(_message.Message):
    __slots__ = ("id", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: int
    expected_version: int
    def __init__(self, id: _Optional[int] = ..., expected_version: _Optional[int] = ...) -> None: ...

class DeleteActorResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ResolveActorRequest(_message.Message):
    __slots__ = ("name", "kind", "max_candidates")
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    MAX_CANDIDATES_FIELD_NUMBER: _ClassVar[int]
    name: str
    kind: ActorKind
    max_candidates: int
    def __init__(self, name: _Optional[str] = ..., kind: _Optional[_Union[ActorKind, str]] = ..., max_candidates: _Optional[int] = ...) -> None: ...

class ActorCandidate(_message.Message):
    __slots__ = ("actor", "matched_name", "score")
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    MATCHED_NAME_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    actor: Actor
    matched_name: str
    score: float
    def __init__(self, actor: _Optional[_Union[Actor, _Mapping]] = ..., matched_name: _Optional[str] = ..., score: _Optional[float] = ...) -> None: ...

class ResolveActorResponse(_message.Message):
    __slots__ = ("candidates",)
    CANDIDATES_FIELD_NUMBER: _ClassVar[int]
    candidates: _containers.RepeatedCompositeFieldContainer[ActorCandidate]
    def __init__(self, candidates: _Optional[_Iterable[_Union[ActorCandidate, _Mapping]]] = ...) -> None: ...
