"""Avatars drawn from a commenter's initials: no Gravatar, no network."""

import hashlib

PALETTE_SIZE = 8  # matches .avatar--0 … .avatar--7 in site.css


def initials(name):
    """Up to two capital letters from the name, or "?" when it has none."""
    letters = [word[0] for word in (name or "").split() if word[:1].isalnum()]
    if not letters:
        return "?"
    picked = letters[0] + (letters[-1] if len(letters) > 1 else "")
    return picked.upper()


def colour_index(name):
    """A stable colour for a name, so one commenter keeps one colour."""
    digest = hashlib.blake2s((name or "").strip().lower().encode()).digest()
    return digest[0] % PALETTE_SIZE
