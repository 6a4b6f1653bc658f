"""``materiel brief``: the meeting brief as one self-contained HTML file and a PDF."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from materiel.cli.context import console, err_console, fail, state
from materiel.plan_policy import HORIZON_WEEKS

STAGES = {
    "snapshot": "Reading the records into snapshots",
    "needs": "Needs as of the meeting",
    "pledges": "Pledges and deliveries",
    "stocks": "Stocks and depletion weeks",
    "funds": "Funds and what they buy",
    "plan": "The latest stored plan",
    "risk": "Monte Carlo risk per scenario",
    "compare": "Comparing with the previous meeting",
    "render": "Rendering HTML",
    "pdf": "Making the PDF (WeasyPrint)",
}
FORMATS = ("html", "pdf", "both")


def register(app: typer.Typer) -> None:
    app.command("brief")(brief)


def brief(
    ctx: typer.Context,
    meeting: str = typer.Option(..., "--meeting", help="Meeting ref (CG-32) or id"),
    out: Path = typer.Option(Path("."), "--out", help="Directory to write brief-<ref>.* to"),
    fmt: str = typer.Option("both", "--format", help="html, pdf or both"),
    scenario: list[str] | None = typer.Option(
        None,
        "--scenario",
        help="Scenario for the plan and risk (repeat; first plans). Default: all",
    ),
    horizon: int = typer.Option(HORIZON_WEEKS, "--horizon", min=1, max=104, help="Weeks ahead"),
    paths: int = typer.Option(500, "--paths", min=1, help="Monte Carlo paths per scenario"),
    seed: int = typer.Option(0, "--seed", help="Monte Carlo seed"),
    base_url: str = typer.Option("/api/v1", "--base-url", help="Where the footnote links point"),
) -> None:
    """Write the brief of a meeting: every figure footnoted with its records, the snapshot
    hash and the date; compared with the previous meeting. The plan section shows the
    latest stored plan run (``materiel plan`` first)."""
    from materiel import queries
    from materiel.brief import BriefError, Options, gather, html_to_pdf, to_html
    from materiel.db import read_session

    if fmt not in FORMATS:
        fail(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
        return
    st = state(ctx)
    engine = st.engine()
    viewer = st.viewer()
    with read_session(engine) as s:
        m = queries.meeting(s, viewer, meeting)
        if m is None:
            fail(f"--meeting: no meeting with ref or id {meeting!r}")
            return
        meeting_id, ref = m.id, m.ref
    opt = Options(
        base_url=base_url,
        scenarios=tuple(scenario) if scenario else None,
        horizon_weeks=horizon,
        paths=paths,
        seed=seed,
    )
    wanted = [k for k in STAGES if k != "pdf" or fmt != "html"]
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=err_console,
    ) as progress:
        task = progress.add_task(STAGES["snapshot"], total=len(wanted))

        def report(stage: str) -> None:
            if stage in wanted:
                progress.update(task, description=STAGES[stage], completed=wanted.index(stage))

        try:
            data = gather(engine, meeting_id, opt, progress=report, viewer=viewer)
        except (BriefError, LookupError) as exc:
            fail(str(exc))
            return
        report("render")
        html = to_html(data)
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in ref)
        if fmt in ("html", "both"):
            path = out / f"brief-{safe}.html"
            path.write_text(html, encoding="utf-8")
            written.append(path)
        if fmt in ("pdf", "both"):
            report("pdf")
            path = out / f"brief-{safe}.pdf"
            path.write_bytes(html_to_pdf(html))
            written.append(path)
        progress.update(task, completed=len(wanted), description="Done")
    note = " — SYNTHETIC demo data" if data.synthetic else ""
    console.print(
        f"Brief for {ref} (as of {data.as_of}, snapshot {data.snapshot_hash[:12]}){note}: "
        f"{len(data.footnotes)} footnotes"
    )
    for p in written:
        console.print(f"  wrote {p}")
