"""Access: passwords, tokens, login and THE authorisation policy (``access.policy``)."""

from materiel.access.login import FailureLimiter, LoginRefused, authenticate
from materiel.access.passwords import WeakPassword, check_policy, hash_password, verify_password
from materiel.access.policy import Hidden, Principal, Refused
from materiel.access.tokens import hash_token, issue_token, resolve_token, revoke_token

__all__ = [
    "FailureLimiter",
    "Hidden",
    "LoginRefused",
    "Principal",
    "Refused",
    "WeakPassword",
    "authenticate",
    "check_policy",
    "hash_password",
    "hash_token",
    "issue_token",
    "resolve_token",
    "revoke_token",
    "verify_password",
]
