"""Passwords: argon2id hashes (argon2-cffi) and the password policy.

Common and guessable passwords are refused with zxcvbn, which ships the frequency lists
(30,000 common passwords, names, English words, keyboard patterns) it matches against:
``password1234`` is one dictionary word and a sequence, estimated at 10^4 guesses.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

__all__ = [
    "MIN_LENGTH",
    "MIN_SCORE",
    "WeakPassword",
    "check_policy",
    "hash_password",
    "verify_password",
]

MIN_LENGTH = 12
MAX_LENGTH = 1024
MIN_SCORE = 3  # zxcvbn's scale 0-4: 3 is "safely unguessable" (about 10^8 guesses or more)
_ZXCVBN_MAX = 72  # zxcvbn refuses longer input; the first 72 characters decide
_HASHER = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Verified against when the user does not exist, so a miss costs the same time as a hit
    (made on first use: hashing costs a third of a second of CPU, not to be paid by every
    start of the command line)."""
    return _HASHER.hash("materiel-dummy-password-for-timing")


class WeakPassword(ValueError):
    """The password breaks the policy; the message says which rule."""


def _classes(password: str) -> set[str]:
    found = set()
    for ch in password:
        if ch.islower():
            found.add("lower")
        elif ch.isupper():
            found.add("upper")
        elif ch.isdigit():
            found.add("digit")
        else:
            found.add("symbol")
    return found


def check_policy(password: str, user_inputs: Sequence[str] = ()) -> None:
    """At least 12 characters, not all from one class (lower, upper, digit, symbol), and
    not common or guessable (zxcvbn score at least ``MIN_SCORE``; ``user_inputs`` such as
    the user name count as known words)."""
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"password too short: at least {MIN_LENGTH} characters required")
    if len(password) > MAX_LENGTH:
        raise WeakPassword(f"password too long: at most {MAX_LENGTH} characters")
    if len(_classes(password)) < 2:
        raise WeakPassword(
            "password uses a single class of characters: mix at least two of lower case, "
            "upper case, digits and symbols"
        )
    if len(set(password)) < 4:
        raise WeakPassword("password repeats too few distinct characters")
    words = [w for w in user_inputs if w]
    from zxcvbn import zxcvbn  # its frequency lists load when a password is checked

    found = zxcvbn(password[:_ZXCVBN_MAX], user_inputs=[*words, "materiel"])
    if found["score"] < MIN_SCORE:
        warning = found["feedback"].get("warning") or "it is too easy to guess"
        raise WeakPassword(
            f"password is common or easy to guess ({warning.rstrip('.')}): "
            "use a longer phrase of uncommon words"
        )


def hash_password(password: str, user_inputs: Sequence[str] = ()) -> str:
    check_policy(password, user_inputs)
    return _HASHER.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; always spends one argon2 verification."""
    try:
        return _HASHER.verify(password_hash or _dummy_hash(), password) and bool(password_hash)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
