from pledgewire.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ArticleView(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ARTICLE_VIEW_UNSPECIFIED: _ClassVar[ArticleView]
    ARTICLE_VIEW_BASIC: _ClassVar[ArticleView]
    ARTICLE_VIEW_FULL: _ClassVar[ArticleView]
ARTICLE_VIEW_UNSPECIFIED: ArticleView
ARTICLE_VIEW_BASIC: ArticleView
ARTICLE_VIEW_FULL: ArticleView

class ActorMention(_message.Message):
    __slots__ = ("actor_id", "range", "surface_text", "confidence")
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    RANGE_FIELD_NUMBER: _ClassVar[int]
    SURFACE_TEXT_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    actor_id: int
    range: _common_pb2.TextRange
    surface_text: str
    confidence: float
    def __init__(self, actor_id: _Optional[int] = ..., range: _Optional[_Union[_common_pb2.TextRange, _Mapping]] = ..., surface_text: _Optional[str] = ..., confidence: _Optional[float] = ...) -> None: ...

class Article(_message.Message):
    __slots__ = ("id", "canonical_url", "title", "outlet", "byline", "language", "published_at_ms", "dateline", "body", "content_hash", "ingested_at_ms", "mentions", "labels", "submitted_url", "warnings")
    ID_FIELD_NUMBER: _ClassVar[int]
    CANONICAL_URL_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    OUTLET_FIELD_NUMBER: _ClassVar[int]
    BYLINE_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    DATELINE_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    CONTENT_HASH_FIELD_NUMBER: _ClassVar[int]
    INGESTED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    MENTIONS_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    SUBMITTED_URL_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    id: int
    canonical_url: str
    title: str
    outlet: str
    byline: str
    language: str
    published_at_ms: int
    dateline: str
    body: str
    content_hash: str
    ingested_at_ms: int
    mentions: _containers.RepeatedCompositeFieldContainer[ActorMention]
    labels: _containers.RepeatedScalarFieldContainer[str]
    submitted_url: str
    warnings: _containers.RepeatedCompositeFieldContainer[_common_pb2.Warning]
    def __init__(self, id: _Optional[int] = ..., canonical_url: _Optional[str] = ..., title: _Optional[str] = ..., outlet: _Optional[str] = ..., byline: _Optional[str] = ..., language: _Optional[str] = ..., published_at_ms: _Optional[int] = ..., dateline: _Optional[str] = ..., body: _Optional[str] = ..., content_hash: _Optional[str] = ..., ingested_at_ms: _Optional[int] = ..., mentions: _Optional[_Iterable[_Union[ActorMention, _Mapping]]] = ..., labels: _Optional[_Iterable[str]] = ..., submitted_url: _Optional[str] = ..., warnings: _Optional[_Iterable[_Union[_common_pb2.Warning, _Mapping]]] = ...) -> None: ...

class CreateArticleRequest(_message.Message):
    __slots__ = ("article", "extract")
    ARTICLE_FIELD_NUMBER: _ClassVar[int]
    EXTRACT_FIELD_NUMBER: _ClassVar[int]
    article: Article
    extract: bool
    def __init__(self, article: _Optional[_Union[Article, _Mapping]] = ..., extract: _Optional[bool] = ...) -> None: ...

class GetArticleRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: int
    def __init__(self, id: _Optional[int] = ...) -> None: ...

class ListArticlesRequest(_message.Message):
    __slots__ = ("outlet", "published_after_ms", "published_before_ms", "mentions_actor_id", "view", "page_size", "page_token", "label")
    OUTLET_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AFTER_MS_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_BEFORE_MS_FIELD_NUMBER: _ClassVar[int]
    MENTIONS_ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    VIEW_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    outlet: str
    published_after_ms: int
    published_before_ms: int
    mentions_actor_id: int
    view: ArticleView
    page_size: int
    page_token: str
    label: str
    def __init__(self, outlet: _Optional[str] = ..., published_after_ms: _Optional[int] = ..., published_before_ms: _Optional[int] = ..., mentions_actor_id: _Optional[int] = ..., view: _Optional[_Union[ArticleView, str]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., label: _Optional[str] = ...) -> None: ...

class ListArticlesResponse(_message.Message):
    __slots__ = ("articles", "next_page_token")
    ARTICLES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    articles: _containers.RepeatedCompositeFieldContainer[Article]
    next_page_token: str
    def __init__(self, articles: _Optional[_Iterable[_Union[Article, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class SearchArticlesRequest(_message.Message):
    __slots__ = ("query", "published_after_ms", "published_before_ms", "page_size", "page_token")
    QUERY_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AFTER_MS_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_BEFORE_MS_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    query: str
    published_after_ms: int
    published_before_ms: int
    page_size: int
    page_token: str
    def __init__(self, query: _Optional[str] = ..., published_after_ms: _Optional[int] = ..., published_before_ms: _Optional[int] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class SearchHit(_message.Message):
    __slots__ = ("article_id", "title", "outlet", "published_at_ms", "snippet", "score")
    ARTICLE_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    OUTLET_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    SNIPPET_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    article_id: int
    title: str
    outlet: str
    published_at_ms: int
    snippet: str
    score: float
    def __init__(self, article_id: _Optional[int] = ..., title: _Optional[str] = ..., outlet: _Optional[str] = ..., published_at_ms: _Optional[int] = ..., snippet: _Optional[str] = ..., score: _Optional[float] = ...) -> None: ...

class SearchArticlesResponse(_message.Message):
    __slots__ = ("hits", "next_page_token")
    HITS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    hits: _containers.RepeatedCompositeFieldContainer[SearchHit]
    next_page_token: str
    def __init__(self, hits: _Optional[_Iterable[_Union[SearchHit, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class DeleteArticleRequest(_message.Message):
    __slots__ = ("id", "force")
    ID_FIELD_NUMBER: _ClassVar[int]
    FORCE_FIELD_NUMBER: _ClassVar[int]
    id: int
    force: bool
    def __init__(self, id: _Optional[int] = ..., force: _Optional[bool] = ...) -> None: ...

class DeleteArticleResponse(_message.Message):
    __slots__ = ("evidence_deleted",)
    EVIDENCE_DELETED_FIELD_NUMBER: _ClassVar[int]
    evidence_deleted: int
    def __init__(self, evidence_deleted: _Optional[int] = ...) -> None: ...
