"""Generic list / get / create / update / delete routes for one entity, driven by an
:class:`Entity` spec. Access decisions are delegated to :mod:`materiel.access.policy`;
writes go through :mod:`materiel.services` (one audited transaction each).

Lists: equality / range / prefix filters, ``sort`` (``-`` for descending) and keyset
cursor pagination; the envelope is ``{"items": [...], "count": N, "next_cursor": ...}``.
"""

import base64
import datetime as dt
import inspect
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, TypeAdapter, ValidationError
from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from materiel.access import Principal, policy
from materiel.api.deps import (
    CurrentUser,
    EngineDep,
    IdemKey,
    IfMatch,
    Outcome,
    etag_of,
    expected_version,
    require_if_match,
    run_write,
)
from materiel.api.errors import ApiProblem
from materiel.api.readcache import Answer, cached_answer, stamped
from materiel.api.schemas import Page, Problem
from materiel.db import read_session
from materiel.records import Base
from materiel.services import Writer

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
    column: str
    op: str = "eq"  # eq, ge, le, prefix, contains, or any other with ``clause``
    type: Any = str
    description: str | None = None
    clause: Callable[[Any], Any] | None = None  # the condition for a value, when given


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
    model: type[Base]
    public: type[BaseModel]
    create: type[BaseModel] | None = None
    update: type[BaseModel] | None = None
    key: str = "id"
    key_type: Any = int
    filters: dict[str, Filter] = field(default_factory=dict)
    sorts: tuple[str, ...] = ("id",)
    deletable: bool = True
    child: Child | None = None
    # hooks: the policy checks for GET one and PATCH/DELETE (default: policy.check_*)
    read_check: Callable[[Principal, Session, Any], None] | None = None
    write_check: Callable[[Principal, Session, Any, dict[str, Any]], None] | None = None
    before_write: Callable[[Writer, Any], None] | None = None
    cache: bool = True  # GET answers cached while the tables they read are unchanged

    @property
    def singular(self) -> str:
        return self.name

    def check_read(self, p: Principal, s: Session, obj: Any) -> None:
        if self.read_check is not None:
            self.read_check(p, s, obj)
        else:
            policy.check_read(p, self.name, obj)

    def check_write(self, p: Principal, s: Session, obj: Any, changes: dict[str, Any]) -> None:
        if self.write_check is not None:
            self.write_check(p, s, obj, changes)
        else:
            policy.check_update(p, self.name, obj, changes)


# -- signatures ----------------------------------------------------------------------------
def _kw(name: str, annotation: Any, default: Any = P.empty) -> P:
    return P(name, P.KEYWORD_ONLY, annotation=annotation, default=default)


def _endpoint(params: list[P], fn: Callable[..., Any], name: str) -> Callable[..., Any]:
    def call(**kw: Any) -> Any:
        return fn(**kw)

    call.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    call.__name__ = name
    return call


def _key_param(spec: "Entity", name: str) -> P:
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


# -- helpers ---------------------------------------------------------------------------------
def json_body(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def json_response(out: Outcome) -> Response:
    return Response(json_body(out.body), out.status, out.headers, media_type="application/json")


def outcome(spec: Entity, obj: Base, status: int, location: str | None = None) -> Outcome:
    body = spec.public.model_validate(obj).model_dump(mode="json")
    headers = {"ETag": etag_of(obj)}
    if location:
        headers["Location"] = location
    return Outcome(status, body, headers)


def _encode_cursor(sort: str, value: Any, key: Any) -> str:
    if isinstance(value, dt.date):
        value = value.isoformat()
    raw = json.dumps([sort, value, key], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str, sort: str, column: Any, key_type: Any) -> tuple[Any, Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        s, value, key = json.loads(raw)
        if s != sort:
            raise ValueError("sort")
        py = column.type.python_type
        if value is not None:
            if py is dt.date:
                value = dt.date.fromisoformat(value)
            elif py is dt.datetime:
                value = dt.datetime.fromisoformat(value)
            elif py is bool:
                value = bool(value)
            elif py in (int, float, str) and not isinstance(value, py):
                value = py(value)
        if not isinstance(key, key_type):
            raise ValueError("key")
        return value, key
    except Exception:
        raise ApiProblem(
            422, "invalid cursor (it must come from next_cursor with the same sort)", field="cursor"
        ) from None


def apply_filters(spec: Entity, stmt: Select[Any], values: dict[str, Any]) -> Select[Any]:
    for name, f in spec.filters.items():
        v = values.get(name)
        if v is None:
            continue
        col = getattr(spec.model, f.column)
        if f.clause is not None:
            stmt = stmt.where(f.clause(v))
        elif f.op == "eq":
            stmt = stmt.where(col == v)
        elif f.op == "ge":
            stmt = stmt.where(col >= v)
        elif f.op == "le":
            stmt = stmt.where(col <= v)
        elif f.op == "prefix":
            stmt = stmt.where(or_(col == v, col.startswith(v.rstrip(".") + ".", autoescape=True)))
        elif f.op == "contains":
            stmt = stmt.where(col.icontains(v, autoescape=True))
    return stmt


def paginate(
    session: Session,
    spec: Entity,
    stmt: Select[Any],
    *,
    sort: str,
    cursor: str | None,
    limit: int,
) -> tuple[list[Any], int, str | None]:
    count = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    desc = sort.startswith("-")
    name = sort.lstrip("-")
    col = getattr(spec.model, name)
    key = getattr(spec.model, spec.key)
    if cursor:
        value, kv = _decode_cursor(cursor, sort, col, spec.key_type)
        if name == spec.key:
            stmt = stmt.where(key < kv if desc else key > kv)
        elif desc:
            stmt = stmt.where(or_(col < value, and_(col == value, key < kv)))
        else:
            stmt = stmt.where(or_(col > value, and_(col == value, key > kv)))
    order = [col.desc() if desc else col.asc()]
    if name != spec.key:
        order.append(key.desc() if desc else key.asc())
    rows = list(session.scalars(stmt.order_by(*order).limit(limit + 1)))
    nxt = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        nxt = _encode_cursor(sort, getattr(last, name), getattr(last, spec.key))
    return rows, count, nxt


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


_adapters: dict[Any, TypeAdapter[Any]] = {}


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


PAGE_PARAMS = [
    _kw("cursor", Annotated[str | None, Query(max_length=500, pattern=r"^[A-Za-z0-9_\-]*$")], None),
    _kw("limit", Annotated[int, Query(ge=1, le=500)], 50),
]


# -- the routes ------------------------------------------------------------------------------
def _load(session: Session, spec: Entity, key: Any, *, lock: bool = False) -> Any:
    stmt = select(spec.model).where(getattr(spec.model, spec.key) == key)
    if lock:
        stmt = stmt.with_for_update()
    obj = session.scalars(stmt).one_or_none()
    if obj is None:
        raise ApiProblem(404, f"no {spec.name.replace('_', ' ')} {key}")
    return obj


def _parent_link(session: Session, spec: Entity, parent_key: Any, p: Principal) -> Any:
    assert spec.child is not None
    parent = _load(session, spec.child.parent, parent_key)
    spec.child.parent.check_read(p, session, parent)
    return getattr(parent, spec.child.parent_attr)


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
    label = spec.name.replace("_", " ")

    def location(kw: dict[str, Any], obj: Any) -> str:
        if child is not None:
            return f"{API}{child.parent.path}/{kw['parent_id']}/{child.segment}/{obj.id}"
        return f"{API}{spec.path}/{getattr(obj, spec.key)}"

    # list
    def list_(**kw: Any) -> Response:
        p: Principal = kw["principal"]
        policy.require_list(p, spec.name)
        request: Request = kw["request"]

        def compute() -> Answer:
            with read_session(kw["engine"]) as s, stamped(s) as stamper:
                stmt = policy.row_filter(p, spec.name, select(spec.model))
                if child is not None:
                    link = _parent_link(s, spec, kw["parent_id"], p)
                    stmt = stmt.where(getattr(spec.model, child.link) == link)
                stmt = apply_filters(spec, stmt, kw)
                rows, count, nxt = paginate(
                    s, spec, stmt, sort=kw["sort"], cursor=kw["cursor"], limit=kw["limit"]
                )
                body = page_body(spec, rows, count, nxt)
                return (stamper.stamp() if spec.cache else None), body, {}

        key = (p.role, p.nation, request.url.path, request.url.query)
        return cached_answer(request, key, compute, enabled=spec.cache)

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

    # create
    if spec.create is not None:

        def create(**kw: Any) -> Response:
            p: Principal = kw["principal"]
            body: BaseModel = kw["body"]
            fields = body.model_dump()
            if child is None:
                policy.check_create(p, spec.name, fields)

            def action(w: Writer) -> Outcome:
                if child is not None:
                    link = _parent_link(w.session, spec, kw["parent_id"], p)
                    policy.check_create(p, spec.name, fields)
                    fields[child.link] = link
                obj = w.create(spec.model, **fields)
                return outcome(spec, obj, 201, location(kw, obj))

            out = run_write(
                kw["engine"],
                p,
                action,
                key=kw["idempotency_key"],
                request_body=body.model_dump(mode="json"),
                route=f"{base}:{kw.get('parent_id')}",
            )
            return json_response(out)

        params = [
            *pre,
            *common,
            _kw("body", spec.create),
            _kw("idempotency_key", IdemKey, None),
        ]
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

    # get one
    def get(**kw: Any) -> Response:
        p: Principal = kw["principal"]
        policy.require_list(p, spec.name)
        request: Request = kw["request"]

        def compute() -> Answer:
            with read_session(kw["engine"]) as s, stamped(s) as stamper:
                obj = _load_child(s, kw, p)
                spec.check_read(p, s, obj)
                out = outcome(spec, obj, 200)
                stamp = stamper.stamp() if spec.cache else None
            return stamp, json_body(out.body), out.headers

        key = (p.role, p.nation, request.url.path, "")
        return cached_answer(request, key, compute, enabled=spec.cache)

    def _load_child(s: Session, kw: dict[str, Any], p: Principal, lock: bool = False) -> Any:
        obj = _load(s, spec, kw[spec.key], lock=lock)
        if child is not None:
            link = _parent_link(s, spec, kw["parent_id"], p)
            if getattr(obj, child.link) != link:
                raise ApiProblem(404, f"no {label} {kw[spec.key]} under this parent")
        return obj

    key_params = [*pre, _key_param(spec, spec.key)]
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

    # update
    if spec.update is not None:

        def update(**kw: Any) -> Response:
            p: Principal = kw["principal"]
            require_if_match(kw["if_match"])
            changes = kw["body"].model_dump(exclude_unset=True)

            def action(w: Writer) -> Outcome:
                obj = _load_child(w.session, kw, p, lock=True)
                spec.check_write(p, w.session, obj, changes)
                version = expected_version(obj, kw["if_match"])
                if spec.before_write is not None:
                    spec.before_write(w, obj)
                w.update(obj, expected_version=version, **changes)
                return outcome(spec, obj, 200)

            return json_response(run_write(kw["engine"], p, action))

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

    # delete
    if spec.deletable:

        def delete(**kw: Any) -> Response:
            p: Principal = kw["principal"]

            def action(w: Writer) -> Outcome:
                obj = _load_child(w.session, kw, p, lock=True)
                spec.check_write(p, w.session, obj, {})
                if kw["if_match"] is not None:
                    expected_version(obj, kw["if_match"])
                if spec.before_write is not None:
                    spec.before_write(w, obj)
                w.delete(obj)
                return Outcome(204, None, {})

            run_write(kw["engine"], p, action)
            return Response(status_code=204)

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
