"""Issue 19: the README cannot drift. Every `materiel` command in its code blocks parses (the
command exists, its options exist and take the values shown); the reading commands and the
user commands run for real against the demo; every curl example is sent, as written, to the
app serving the demo."""

from __future__ import annotations

import datetime as dt
import json
import re
import shlex
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.core import TyperGroup
from typer.testing import CliRunner

from materiel.app import create_app
from materiel.cli import context
from materiel.cli.main import app
from materiel.db import get_engine
from materiel.testing import make_client, wait_until

README = Path(__file__).resolve().parents[1] / "README.md"
AS_OF = "2026-11-02"
PASSWORD = "Long-passphrase-42"
RUNNING = ("queued", "running")
#: commands run for real on the demo (the others write files, serve, or need files of the
#: reader's own: they are parsed only)
RUN = {
    ("status",),
    ("needs", "list"),
    ("needs", "cover"),
    ("pledges", "list"),
    ("stocks", "list"),
    ("drafts", "list"),
    ("audit", "verify"),
    ("audit", "head"),
    ("users", "add"),
    ("users", "token"),
    ("users", "unlock"),
    ("forecast",),
}


def code_lines() -> list[str]:
    """Every line of the README's fenced code blocks, comments removed."""
    blocks = re.findall(r"^```[a-z]*\n(.*?)^```", README.read_text(encoding="utf-8"), re.M | re.S)
    lines = []
    for block in blocks:
        for line in block.splitlines():
            line = re.split(r"\s+#\s", line)[0].strip()
            if line:
                lines.append(line)
    return lines


def commands() -> list[tuple[list[str], str | None]]:
    """(arguments after `materiel`, standard input) of every materiel command in the README."""
    out = []
    for line in code_lines():
        for part in line.split("; "):
            stdin = None
            m = re.match(r"^echo '([^']*)' \| (.*)$", part)
            if m:
                stdin, part = m.group(1) + "\n", m.group(2)
            part = part.split(" | ")[0]
            if not part.startswith(("materiel ", ".venv/bin/materiel ")):
                continue
            words = shlex.split(part)
            if words:
                out.append(([w.strip("[]") for w in words[1:]], stdin))
    return out


def curls() -> list[list[str]]:
    out = []
    for line in code_lines():
        m = re.match(r"^TOKEN=\$\((.*) \| jq -r \.access_token\)$", line)
        text = m.group(1) if m else line
        if text.startswith("curl "):
            out.append(shlex.split(text))
    return out


def resolve(args: list[str]) -> tuple[tuple[str, ...], Any]:
    """Parse ``args`` as the command line would, without running anything; the path of
    the command and its context (raises on an unknown command or option, a bad value)."""
    root = typer.main.get_command(app)
    ctx = root.make_context("materiel", list(args), resilient_parsing=False)
    cmd: Any = root
    path: list[str] = []
    while isinstance(cmd, TyperGroup):
        rest = [*ctx._protected_args, *ctx.args]
        name, cmd, rest = cmd.resolve_command(ctx, rest)
        assert cmd is not None, f"no command {name!r} in {args}"
        path.append(str(name))
        ctx = cmd.make_context(name, rest, parent=ctx)
    return tuple(path), ctx


def test_the_readme_has_examples() -> None:
    assert len(commands()) >= 40
    assert len(curls()) >= 3


@pytest.mark.parametrize("args", [a for a, _ in commands()], ids=lambda a: " ".join(a)[:60])
def test_every_readme_command_parses(args: list[str]) -> None:
    path, _ = resolve(args)
    assert path


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_copy: Callable[..., Path]) -> Iterator[str]:
    path = tmp_path_factory.mktemp("readme") / "materiel-demo.db"
    demo_copy(path, seed=2026, as_of=dt.date.fromisoformat(AS_OF))
    yield str(path)


def test_readme_commands_run_on_the_demo(demo: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(context.console, "_width", 100)
    # beside the demo, as after `make demo` (and nothing the commands write lands in the
    # repository)
    monkeypatch.chdir(Path(demo).parent)
    runner = CliRunner()
    todo = [(args, stdin, resolve(args)[0]) for args, stdin in commands()]
    # users first: the README adds `berlin` after using `--as berlin`
    todo.sort(key=lambda t: t[2] != ("users", "add"))
    ran = set()
    for args, stdin, path in todo:
        if path not in RUN:
            continue
        db = [] if "--db" in args else ["--db", demo]
        if path == ("users", "add") and stdin is None:
            stdin = f"{PASSWORD}\n{PASSWORD}\n"
        r = runner.invoke(app, [*db, *args], input=stdin)
        assert r.exit_code == 0, f"materiel {' '.join(args)}:\n{r.output}"
        ran.add(path)
    assert ran == RUN


def test_readme_curl_examples_answer_as_documented(demo: str) -> None:
    runner = CliRunner()
    r = runner.invoke(
        app,
        ["--db", demo, "users", "add", "chair", "--role", "coordinator", "--password-stdin"],
        input=PASSWORD + "\n",
    )
    assert r.exit_code == 0 or "exists already" in r.output, r.output
    engine = get_engine(demo)
    token = ""
    with make_client(create_app(engine, job_workers=1)) as client:
        for argv in curls():
            method, headers, data, url = "GET", {}, None, None
            it = iter(argv[1:])
            for a in it:
                if a == "-X":
                    method = next(it)
                elif a == "-H":
                    key, _, value = next(it).partition(": ")
                    headers[key] = value.replace("$TOKEN", token)
                elif a == "-d":
                    data = next(it)
                    method = "POST" if method == "GET" else method
                elif a == "-s":
                    continue
                else:
                    url = a
            assert url is not None and url.startswith("http://127.0.0.1:8000/"), argv
            resp = client.request(
                method, url.removeprefix("http://127.0.0.1:8000"), headers=headers, content=data
            )
            if url.endswith("/auth/login"):
                assert resp.status_code == 200, resp.text
                token = resp.json()["access_token"]
            elif method == "POST":
                assert resp.status_code == 202, resp.text
                job = f"/api/v1/jobs/{json.loads(resp.text)['id']}"
                auth = {"Authorization": headers["Authorization"]}

                def finished(job: str = job, auth: dict[str, str] = auth) -> bool:
                    return client.get(job, headers=auth).json()["status"] not in RUNNING

                wait_until(finished, "the plan job of the README's example")
                assert client.get(job, headers=auth).json()["status"] == "done"
            else:
                assert resp.status_code == 200, resp.text
    assert token
