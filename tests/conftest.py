"""Shared test helpers. Tests that need ../shared skip where it is absent, and fail when CI=true."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"


def require_shared(path: Path = SHARED) -> Path:
    """Return `path` if it exists; else skip (a user's clone) or fail (CI=true)."""
    if not path.exists():
        reason = f"{path} not found: these tests need the ../shared folder beside the repository"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return path
