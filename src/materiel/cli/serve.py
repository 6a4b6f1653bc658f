"""``materiel serve`` (the API server) and
``materiel users add|list|disable|password|unlock|token``."""

from __future__ import annotations

import sys
from typing import Any

import typer
from rich.table import Table
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from materiel import queries
from materiel.access import WeakPassword
from materiel.access.policy import LOCAL
from materiel.access.policy import ROLES as ROLE_NAMES
from materiel.access.users import add_user, create_api_token, disable_user, set_password
from materiel.cli.context import console, database_problem, fail, print_json, state
from materiel.db import read_session, write_session
from materiel.services import DomainError

users_app = typer.Typer(help="Accounts of the API server.", no_args_is_help=True)
ROLES = ", ".join(ROLE_NAMES)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(users_app, name="users")


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="address to listen on"),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="server processes"),
    log_level: str = typer.Option("info", "--log-level"),
    trusted_proxy: list[str] = typer.Option(
        [],
        "--trusted-proxy",
        help="address or network of a reverse proxy whose X-Forwarded-For/-Proto headers "
        "are believed (repeatable); without it they are ignored",
    ),
) -> None:
    """Serve the REST API (/api/v1, docs at /docs) on the database of --db."""
    from materiel import migrations
    from materiel.app import run

    st = state(ctx)
    engine = st.engine(create=True)
    migrations.upgrade(engine)
    shown = engine.url.render_as_string(hide_password=True)
    console.print(f"materiel API on http://{host}:{port}/api/v1 (docs /docs), database {shown}")
    proxies = ",".join(p.strip() for p in trusted_proxy if p.strip()) or None
    run(
        engine,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        trusted_proxies=proxies,
    )


@users_app.command("add")
def users_add(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="user name"),
    role: str = typer.Option(..., "--role", help=ROLES),
    nation: str | None = typer.Option(None, "--nation", help="ISO3 nation (donor, recipient)"),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="read the password from standard input"
    ),
) -> None:
    """Create a user (password: at least 12 characters of at least two classes, not a
    common or easily guessed one)."""
    password = _read_password(password_stdin)
    engine = state(ctx).engine()
    try:
        with write_session(engine) as s:
            user = add_user(
                s,
                username=name,
                password=password,
                role=role,
                nation=nation.upper() if nation else None,
                actor="cli",
            )
            desc = (
                f"{user.username} ({user.role}{' ' + user.nation_code if user.nation_code else ''})"
            )
    except WeakPassword as exc:
        fail(str(exc))
    except DomainError as exc:
        fail(exc.message)
    except OperationalError as exc:
        fail(database_problem(exc))
    console.print(f"User {desc} created.", style="green")


@users_app.command("list")
def users_list(
    ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="JSON output")
) -> None:
    """Every user with role, nation and state."""
    with read_session(state(ctx).engine()) as s:
        users = queries.users(s, LOCAL)
    rows: list[dict[str, str | bool | None]] = [
        {
            "username": u.username,
            "role": u.role,
            "nation": u.nation_code,
            "active": u.active,
            "locked_until": u.locked_until.isoformat() if u.locked_until else None,
        }
        for u in users
    ]
    if as_json:
        print_json(rows)
        return
    table = Table("user", "role", "nation", "active", "locked until", title=f"{len(rows)} users")
    for u in users:
        table.add_row(
            u.username,
            u.role,
            u.nation_code or "",
            "yes" if u.active else "no",
            f"{u.locked_until:%Y-%m-%d %H:%M}" if u.locked_until else "",
        )
    console.print(table)


def _user(s: Session, name: str) -> Any:
    user = queries.user(s, LOCAL, name)
    if user is None:
        fail(f"no user {name!r}")
    assert user is not None
    return user


@users_app.command("disable")
def users_disable(ctx: typer.Context, name: str = typer.Argument(...)) -> None:
    """Deactivate a user and revoke all its tokens."""
    with write_session(state(ctx).engine()) as s:
        disable_user(s, _user(s, name), actor="cli")
    console.print(f"User {name} disabled; its tokens are revoked.", style="green")


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(typer.prompt("password", hide_input=True, confirmation_prompt=True))


@users_app.command("password")
def users_password(
    ctx: typer.Context,
    name: str = typer.Argument(...),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="read the new password from standard input"
    ),
) -> None:
    """Set a new password; every session and API token of the user is revoked."""
    password = _read_password(password_stdin)
    try:
        with write_session(state(ctx).engine()) as s:
            revoked = set_password(s, _user(s, name), password, actor="cli")
    except WeakPassword as exc:
        fail(str(exc))
    console.print(f"Password of {name} changed; {revoked} token(s) revoked.")


@users_app.command("unlock")
def users_unlock(ctx: typer.Context, name: str = typer.Argument(...)) -> None:
    """Lift the lockout after repeated failed logins (the owner may log in again now)."""
    with write_session(state(ctx).engine()) as s:
        user = _user(s, name)
        user.failed_logins = 0
        user.locked_until = None
    console.print(f"User {name} unlocked.")


@users_app.command("token")
def users_token(
    ctx: typer.Context,
    name: str = typer.Argument(...),
    days: int = typer.Option(90, "--days", min=1, max=366, help="validity in days"),
    label: str = typer.Option("cli", "--name", help="label of the token"),
) -> None:
    """Print a new API token for scripts (shown once; only its hash is stored)."""
    with write_session(state(ctx).engine()) as s:
        user = _user(s, name)
        if not user.active:
            fail(f"user {name} is disabled")
        raw, tok = create_api_token(s, user, days=days, name=label, actor="cli")
        expires = tok.expires_at
    typer.echo(raw)
    err = f"expires {expires:%Y-%m-%d %H:%M} UTC ({days} days)"
    typer.echo(err, err=True)
