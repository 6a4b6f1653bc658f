"""Passwords: argon2id hashes (argon2-cffi) and the password policy."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

__all__ = ["MIN_LENGTH", "WeakPassword", "check_policy", "hash_password", "verify_password"]

MIN_LENGTH = 12
MAX_LENGTH = 1024
_HASHER = PasswordHasher()
# verified against when the user does not exist, so a miss costs the same time as a hit
_DUMMY_HASH = _HASHER.hash("materiel-dummy-password-for-timing")


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


def check_policy(password: str) -> None:
    """At least 12 characters, and not all from one class (lower, upper, digit, symbol)."""
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


def hash_password(password: str) -> str:
    check_policy(password)
    return _HASHER.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; always spends one argon2 verification."""
    try:
        return _HASHER.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
