"""One spelling of the headline figures (materiel.display): the meeting page and the brief
write them with it; a change of a share is in percentage points; no "-0"."""

from __future__ import annotations

import math

from materiel.display import fmt_int, fmt_money, headline_text


def test_headline_figures_and_their_changes() -> None:
    assert headline_text(21.82e9, "EUR") == "EUR 21.82 bn"
    assert headline_text(616.24e6, "EUR") == "EUR 616.2 m"
    assert headline_text(413_092.4, "EUR") == "EUR 413,092"
    assert headline_text(5e6, "EUR", change=True) == "+EUR 5.0 m"
    assert headline_text(-5e6, "EUR", change=True) == "EUR -5.0 m"
    assert headline_text(83.4, "%") == "83 %"
    assert headline_text(4.6, "%", change=True) == "+5 pts"
    assert headline_text(-4.6, "%", change=True) == "-5 pts"
    assert headline_text(18, "pledges", change=True) == "+18"
    assert headline_text(-3, "needs", change=True) == "-3"
    assert headline_text(0, "needs", change=True) == "0"
    assert headline_text(None, "%") == "n/a"
    assert headline_text(math.nan, "EUR") == "n/a"


def test_no_negative_zero() -> None:
    assert fmt_int(-0.2) == "0"
    assert headline_text(-0.3, "%", change=True) == "0 pts"
    assert fmt_money(-0.2, "USD") == "USD 0"
    assert fmt_money(-0.0, "EUR") == "EUR 0"
