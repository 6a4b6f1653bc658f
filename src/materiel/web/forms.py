"""Form validation with the API's own rules: the entity schemas of :mod:`materiel.schemas`
first, then the use cases' DomainError; errors keyed by form field."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from materiel.access import Hidden, Refused
from materiel.services import DomainError, NotFound

M = TypeVar("M", bound=BaseModel)
FORM = "__form__"  # errors that belong to no single field


def clean(data: Mapping[str, Any], fields: list[str]) -> dict[str, Any]:
    """The submitted values of ``fields``: stripped strings, empty ones left out (so the
    schema's defaults and "required" messages apply)."""
    out: dict[str, Any] = {}
    for f in fields:
        v = data.get(f)
        if isinstance(v, str):
            v = v.strip()
            if v == "":
                continue
        if v is not None:
            out[f] = v
    return out


def _message(err: Mapping[str, Any]) -> str:
    msg = str(err.get("msg", "invalid value"))
    if err.get("type") == "missing":
        return "This field is required."
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    return msg[0].upper() + msg[1:] + ("" if msg.endswith(".") else ".")


def validate(schema: type[M], values: Mapping[str, Any]) -> tuple[M | None, dict[str, str]]:
    """``schema.model_validate(values)`` with errors as {field: message}."""
    try:
        return schema.model_validate(dict(values)), {}
    except ValidationError as exc:
        errors: dict[str, str] = {}
        for err in exc.errors():
            loc = err.get("loc") or ()
            field = str(loc[0]) if loc else FORM
            errors.setdefault(field, _message(err))
        return None, errors


def domain_errors(exc: DomainError, known: list[str]) -> dict[str, str]:
    """A Writer refusal as a field error (its ``field`` when the form has it)."""
    field = exc.field if exc.field in known else FORM
    return {field: exc.message}


def attempt(
    action: Callable[[], Any], known: list[str], *, refusals_as_errors: bool = True
) -> tuple[Any, dict[str, str]]:
    """Run a write; a DomainError (and, unless ``refusals_as_errors`` is off, a policy
    refusal) becomes form errors, and nothing was written: the Writer's transaction rolled
    back. A record the caller may not see reads as not found."""
    try:
        return action(), {}
    except NotFound as exc:
        what = exc.entity.replace("_", " ") if exc.entity else "record"
        field = f"{exc.entity}_id" if f"{exc.entity}_id" in known else FORM
        return None, {field: f"no such {what}"}
    except DomainError as exc:
        return None, domain_errors(exc, known)
    except Refused as exc:
        if not refusals_as_errors:
            raise
        return None, {FORM: str(exc)}
    except Hidden:
        return None, {FORM: "no such record"}
