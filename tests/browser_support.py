"""What the two browser test modules (test_web_browser, test_web_dash_browser) share: Debian's
Chromium, how it is started, whether pages are photographed, and the module skip when it is
missing. Not a test module; imported by name (pytest puts tests/ on the path)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: where photographs of the pages land (a module's own folder under it)
SHOTS_ROOT = Path(__file__).resolve().parents[1] / "artefacts" / "screenshots"
#: photographs are for people to look at; CI, where nobody does, sets MATERIEL_SCREENSHOTS=0
#: (the pages are still opened and checked)
SCREENSHOTS = os.environ.get("MATERIEL_SCREENSHOTS", "1") != "0"


def require_chromium() -> Any:
    """Skip the calling module without /usr/bin/chromium (fail instead when
    MATERIEL_REQUIRE_BROWSER=1, as CI sets); Playwright's sync API otherwise."""
    if not CHROMIUM.exists():
        if os.environ.get("MATERIEL_REQUIRE_BROWSER") == "1":
            pytest.fail("MATERIEL_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing")
        pytest.skip("no /usr/bin/chromium (apt-get install chromium)", allow_module_level=True)
    return pytest.importorskip("playwright.sync_api")


def launch(sync_api: Any, shots: Path) -> Iterator[Any]:
    """A headless Chromium for a module-scoped fixture to yield (``shots`` made first)."""
    shots.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def shot(page: Any, path: Path, full: bool = True) -> None:
    """Photograph ``page`` to ``path`` unless MATERIEL_SCREENSHOTS=0."""
    if SCREENSHOTS:
        page.screenshot(path=str(path), full_page=full)
