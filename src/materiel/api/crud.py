"""Entity routes, one thin layer over the read side and the use cases: every list, get,
create, update and delete of a record calls :mod:`materiel.queries.records` (what the
caller may see) or :mod:`materiel.services.records` (what it may change, one audited
transaction each) and formats the answer. The domain entities have typed routers
(:mod:`materiel.api.routers.domain`); :func:`add_routes` generates the same five routes for
the plain reference tables from an :class:`Entity` spec.

Lists: equality / range / prefix filters, ``sort`` (``-`` for descending) and keyset
cursor pagination; the envelope is ``{"items": [...], "count": N, "next_cursor": ...}``.
"""

import inspect
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, TypeAdapter, ValidationError
from sqlalchemy import Engine

from materiel.access import Principal
from materiel.api.deps import CurrentUser, EngineDep, IdemKey, IfMatch, require_if_match
from materiel.api.errors import ApiProblem
from materiel.api.readcache import Answer, cached_answer, stamped
from materiel.api.schemas import Page, Problem
from materiel.db import read_session
from materiel.queries.records import Condition, InvalidCursor, Parent, record, records
from materiel.services import Writer
from materiel.services.idempotency import Outcome, etag_of, run_write
from materiel.services.records import create_record, delete_record, update_record

API = "/api/v1"
MAX_ID = 2**62
P = inspect.Parameter

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": Problem, "content": {"application/problem+json": {}}, "description": d}
    for code, d in {
        401: "missing, unknown, expired or revoked token",
        403: "not allowed for your role",
        404: "no such record (or hidden from you)",
        409: "refused by a domain rule",
        412: "stale If-Match",
        422: "invalid request",
        428: "If-Match required",
    }.items()
}


@dataclass(frozen=True)
class Filter:
    """A list filter: ``column op value`` (op: eq, ge, le, prefix, contains, member)."""

    column: str
    op: str = "eq"
    type: Any = str
    description: str | None = None


@dataclass
class Child:
    """A collection nested under a parent record (``/funds/{id}/members``)."""

    parent: "Entity"
    segment: str  # URL segment under the parent, e.g. "members"
    link: str  # child column holding the parent's natural key, e.g. "fund_code"
    parent_attr: str  # that key on the parent, e.g. "code"


@dataclass
class Entity:
    name: str  # table name = policy entity
    path: str  # "/pledges"
    tag: str
    public: type[BaseModel]
    create: type[BaseModel] | None = None
    update: type[BaseModel] | None = None
    key: str = "id"
    key_type: Any = int
    filters: dict[str, Filter] = field(default_factory=dict)
    sorts: tuple[str, ...] = ("id",)
    deletable: bool = True
    child: Child | None = None
    cache: bool = True  # GET answers cached while the tables they read are unchanged

    @property
    def label(self) -> str:
        return self.name.replace("_", " ")


# -- formatting ----------------------------------------------------------------------------
def json_body(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def json_response(out: Outcome) -> Response:
    return Response(json_body(out.body), out.status, out.headers, media_type="application/json")


def outcome(spec: Entity, obj: Any, status: int, location: str | None = None) -> Outcome:
    body = spec.public.model_validate(obj).model_dump(mode="json")
    headers = {"ETag": etag_of(obj)}
    if location:
        headers["Location"] = location
    return Outcome(status, body, headers)


_adapters: dict[Any, TypeAdapter[Any]] = {}


def page_body(spec: Entity, rows: list[Any], count: int, nxt: str | None) -> bytes:
    adapter = _adapters.get(spec.public)
    if adapter is None:
        adapter = _adapters[spec.public] = TypeAdapter(list[spec.public])  # type: ignore[name-defined]
    try:
        # loaded rows carry every column in their __dict__: validating those mappings is
        # three times faster than reading the attributes one by one
        items = adapter.dump_json(adapter.validate_python([r.__dict__ for r in rows]))
    except (ValidationError, AttributeError):  # something expired or not a mapped row
        items = adapter.dump_json(adapter.validate_python(rows, from_attributes=True))
    tail = json.dumps(nxt)
    return b'{"items":' + items + f',"count":{count},"next_cursor":{tail}}}'.encode()


# -- the five operations ---------------------------------------------------------------------
def conditions(spec: Entity, values: dict[str, Any]) -> list[Condition]:
    """The filters of ``spec`` given a value (query parameter name → value)."""
    return [
        Condition(f.column, f.op, values[name])
        for name, f in spec.filters.items()
        if values.get(name) is not None
    ]


def parent_of(spec: Entity, parent_key: Any) -> Parent | None:
    child = spec.child
    if child is None:
        return None
    return Parent(
        child.parent.name, parent_key, child.parent_attr, child.link, key_column=child.parent.key
    )


def location_of(spec: Entity, obj: Any, parent_key: Any = None) -> str:
    if spec.child is not None:
        return f"{API}{spec.child.parent.path}/{parent_key}/{spec.child.segment}/{obj.id}"
    return f"{API}{spec.path}/{getattr(obj, spec.key)}"


def list_answer(
    request: Request,
    principal: Principal,
    engine: Engine,
    spec: Entity,
    values: dict[str, Any],
    *,
    sort: str,
    cursor: str | None,
    limit: int,
    parent_key: Any = None,
) -> Response:
    """A page of ``spec`` records the caller may see (queries.records)."""

    def compute() -> Answer:
        with read_session(engine) as s, stamped(s) as stamper:
            try:
                page = records(
                    s,
                    principal,
                    spec.name,
                    conditions=conditions(spec, values),
                    parent=parent_of(spec, parent_key),
                    sort=sort,
                    cursor=cursor,
                    limit=limit,
                    key_column=spec.key,
                )
            except InvalidCursor as exc:
                raise ApiProblem(422, str(exc), field="cursor") from None
            body = page_body(spec, page.rows, page.count, page.next_cursor)
            return (stamper.stamp() if spec.cache else None), body, {}

    key = (principal.role, principal.nation, request.url.path, request.url.query)
    return cached_answer(request, key, compute, enabled=spec.cache)


def get_answer(
    request: Request,
    principal: Principal,
    engine: Engine,
    spec: Entity,
    key: Any,
    parent_key: Any = None,
) -> Response:
    """One ``spec`` record, with its ETag (queries.records.record)."""

    def compute() -> Answer:
        with read_session(engine) as s, stamped(s) as stamper:
            obj = record(
                s,
                principal,
                spec.name,
                key,
                key_column=spec.key,
                parent=parent_of(spec, parent_key),
            )
            out = outcome(spec, obj, 200)
            stamp = stamper.stamp() if spec.cache else None
        return stamp, json_body(out.body), out.headers

    cache_key = (principal.role, principal.nation, request.url.path, "")
    return cached_answer(request, cache_key, compute, enabled=spec.cache)


def create_answer(
    principal: Principal,
    engine: Engine,
    spec: Entity,
    body: BaseModel,
    idempotency_key: str | None,
    parent_key: Any = None,
) -> Response:
    """Create a ``spec`` record (services.records.create_record), Idempotency-Key honoured."""
    parent = parent_of(spec, parent_key)

    def action(w: Writer) -> Outcome:
        obj = create_record(w, principal, spec.name, body.model_dump(), parent=parent)
        return outcome(spec, obj, 201, location_of(spec, obj, parent_key))

    base = (
        f"{spec.child.parent.path}/{{parent_id}}/{spec.child.segment}" if spec.child else spec.path
    )
    out = run_write(
        engine,
        principal,
        action,
        key=idempotency_key,
        request_body=body.model_dump(mode="json"),
        route=f"{base}:{parent_key}",
    )
    return json_response(out)


def update_answer(
    principal: Principal,
    engine: Engine,
    spec: Entity,
    key: Any,
    body: BaseModel,
    if_match: str | None,
    parent_key: Any = None,
) -> Response:
    """Change a ``spec`` record at the version of If-Match (services.records)."""
    tags = require_if_match(if_match)
    changes = body.model_dump(exclude_unset=True)

    def action(w: Writer) -> Outcome:
        obj = update_record(
            w,
            principal,
            spec.name,
            key,
            changes,
            if_match=tags,
            key_column=spec.key,
            parent=parent_of(spec, parent_key),
        )
        return outcome(spec, obj, 200)

    return json_response(run_write(engine, principal, action))


def delete_answer(
    principal: Principal,
    engine: Engine,
    spec: Entity,
    key: Any,
    if_match: str | None,
    parent_key: Any = None,
) -> Response:
    """Delete a ``spec`` record (at the version of If-Match when given)."""
    tags = require_if_match(if_match) if if_match is not None else None

    def action(w: Writer) -> Outcome:
        delete_record(
            w,
            principal,
            spec.name,
            key,
            if_match=tags,
            key_column=spec.key,
            parent=parent_of(spec, parent_key),
        )
        return Outcome(204, None, {})

    run_write(engine, principal, action)
    return Response(status_code=204)


# -- the generator for plain reference tables --------------------------------------------------
def _kw(name: str, annotation: Any, default: Any = P.empty) -> P:
    return P(name, P.KEYWORD_ONLY, annotation=annotation, default=default)


def _endpoint(params: list[P], fn: Callable[..., Any], name: str) -> Callable[..., Any]:
    def call(**kw: Any) -> Any:
        return fn(**kw)

    call.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    call.__name__ = name
    return call


def _key_param(spec: Entity, name: str) -> P:
    if spec.key_type is int:
        return _kw(name, Annotated[int, Path(ge=1, le=MAX_ID)])
    return _kw(name, Annotated[str, Path(min_length=1, max_length=80)])


def _filter_params(spec: Entity) -> list[P]:
    out = []
    for name, f in spec.filters.items():
        if f.type is str:
            q = Query(max_length=200, pattern=r"^[^\x00]*$", description=f.description)
        elif f.type is int:
            q = Query(ge=0, le=MAX_ID, description=f.description)
        else:
            q = Query(description=f.description)
        out.append(_kw(name, Annotated[f.type | None, q], None))
    return out


def sort_param(spec: Entity) -> P:
    pattern = "^-?(" + "|".join(spec.sorts) + ")$"
    return _kw(
        "sort",
        Annotated[
            str,
            Query(pattern=pattern, description=f"one of {', '.join(spec.sorts)}; '-' descending"),
        ],
        spec.sorts[0],
    )


Cursor = Annotated[str | None, Query(max_length=500, pattern=r"^[A-Za-z0-9_\-]*$")]
Limit = Annotated[int, Query(ge=1, le=500)]
PAGE_PARAMS = [_kw("cursor", Cursor, None), _kw("limit", Limit, 50)]


def add_routes(router: APIRouter, spec: Entity) -> None:
    """Register list, create, get, update and delete for ``spec`` on ``router``."""
    child = spec.child
    if child is not None:
        base = f"{child.parent.path}/{{parent_id}}/{child.segment}"
        pre = [_key_param(child.parent, "parent_id")]
    else:
        base = spec.path
        pre = []
    item_path = f"{base}/{{{spec.key}}}"
    common = [_kw("principal", CurrentUser), _kw("engine", EngineDep)]
    label = spec.label
    key_params = [*pre, _key_param(spec, spec.key)]

    def list_(**kw: Any) -> Response:
        return list_answer(
            kw["request"],
            kw["principal"],
            kw["engine"],
            spec,
            kw,
            sort=kw["sort"],
            cursor=kw["cursor"],
            limit=kw["limit"],
            parent_key=kw.get("parent_id"),
        )

    params = [
        *pre,
        _kw("request", Request),
        *common,
        *_filter_params(spec),
        sort_param(spec),
        *PAGE_PARAMS,
    ]
    router.add_api_route(
        base,
        _endpoint(params, list_, f"list_{spec.name}"),
        methods=["GET"],
        response_model=Page[spec.public],  # type: ignore[name-defined]
        summary=f"List {label} records",
        operation_id=f"list_{spec.name}" + ("_of_parent" if child else ""),
        tags=[spec.tag],
        responses=ERRORS,
    )

    if spec.create is not None:

        def create(**kw: Any) -> Response:
            return create_answer(
                kw["principal"],
                kw["engine"],
                spec,
                kw["body"],
                kw["idempotency_key"],
                kw.get("parent_id"),
            )

        params = [*pre, *common, _kw("body", spec.create), _kw("idempotency_key", IdemKey, None)]
        router.add_api_route(
            base,
            _endpoint(params, create, f"create_{spec.name}"),
            methods=["POST"],
            status_code=201,
            response_model=spec.public,
            summary=f"Create a {label} (Idempotency-Key supported)",
            operation_id=f"create_{spec.name}",
            tags=[spec.tag],
            responses=ERRORS,
        )

    def get(**kw: Any) -> Response:
        return get_answer(
            kw["request"], kw["principal"], kw["engine"], spec, kw[spec.key], kw.get("parent_id")
        )

    router.add_api_route(
        item_path,
        _endpoint([*key_params, _kw("request", Request), *common], get, f"get_{spec.name}"),
        methods=["GET"],
        response_model=spec.public,
        summary=f"One {label} (ETag header for If-Match)",
        operation_id=f"get_{spec.name}",
        tags=[spec.tag],
        responses=ERRORS,
    )

    if spec.update is not None:

        def update(**kw: Any) -> Response:
            return update_answer(
                kw["principal"],
                kw["engine"],
                spec,
                kw[spec.key],
                kw["body"],
                kw["if_match"],
                kw.get("parent_id"),
            )

        params = [*key_params, *common, _kw("body", spec.update), _kw("if_match", IfMatch, None)]
        router.add_api_route(
            item_path,
            _endpoint(params, update, f"update_{spec.name}"),
            methods=["PATCH"],
            response_model=spec.public,
            summary=f"Change a {label} (If-Match required)",
            operation_id=f"update_{spec.name}",
            tags=[spec.tag],
            responses=ERRORS,
        )

    if spec.deletable:

        def delete(**kw: Any) -> Response:
            return delete_answer(
                kw["principal"],
                kw["engine"],
                spec,
                kw[spec.key],
                kw["if_match"],
                kw.get("parent_id"),
            )

        params = [*key_params, *common, _kw("if_match", IfMatch, None)]
        router.add_api_route(
            item_path,
            _endpoint(params, delete, f"delete_{spec.name}"),
            methods=["DELETE"],
            status_code=204,
            response_class=Response,
            summary=f"Delete a {label} (If-Match optional)",
            operation_id=f"delete_{spec.name}",
            tags=[spec.tag],
            responses=ERRORS,
        )
