"""The pledge lifecycle, in one place: announced → committed → delivering → delivered,
and cancelled from any state before delivered."""

from __future__ import annotations

from materiel.records.pledges import PledgeStatus as S
from materiel.services.errors import RuleViolation

ALLOWED: dict[S, frozenset[S]] = {
    S.announced: frozenset({S.committed, S.cancelled}),
    S.committed: frozenset({S.delivering, S.cancelled}),
    S.delivering: frozenset({S.delivered, S.cancelled}),
    S.delivered: frozenset(),
    S.cancelled: frozenset(),
}


def parse_status(value: str) -> S:
    try:
        return S(value)
    except ValueError:
        allowed = ", ".join(s.value for s in S)
        raise RuleViolation(
            f"unknown pledge status {value!r} (allowed: {allowed})", entity="pledge", field="status"
        ) from None


def check_transition(current: str, new: str) -> None:
    """Refuse an illegal change of status with a message saying what is allowed."""
    cur, nxt = parse_status(current), parse_status(new)
    if cur == nxt:
        return
    if nxt not in ALLOWED[cur]:
        options = ", ".join(sorted(s.value for s in ALLOWED[cur])) or "none (final state)"
        raise RuleViolation(
            f"pledge cannot go from {cur.value} to {nxt.value}; allowed next: {options}",
            entity="pledge",
            field="status",
        )


def path_to(current: str, new: str) -> list[S]:
    """The forward steps from ``current`` to ``new`` (e.g. announced → delivering passes
    committed). Empty when already there; raises when ``new`` is not reachable."""
    order = [S.announced, S.committed, S.delivering, S.delivered]
    cur, nxt = parse_status(current), parse_status(new)
    if cur == nxt:
        return []
    if nxt == S.cancelled:
        check_transition(current, new)
        return [S.cancelled]
    if cur in order and nxt in order and order.index(nxt) > order.index(cur):
        return order[order.index(cur) + 1 : order.index(nxt) + 1]
    check_transition(current, new)
    return [nxt]
