"""The data a run codes with: rules, actor dictionary, outlets and gazetteer, loaded once.

Nothing is loaded at import time; `load_resources()` reads and validates every data file
and records its version (a content hash) for the run report and the Parquet metadata.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from coder.actors import ActorDictionary, OutletTable
from coder.places import Gazetteer
from coder.rules import RuleSet
from coder.taxonomy import Taxonomy, load_taxonomy


@dataclass(frozen=True)
class Resources:
    rules: RuleSet
    actors: ActorDictionary
    outlets: OutletTable
    gazetteer: Gazetteer
    taxonomy: Taxonomy

    def versions(self) -> dict[str, str]:
        return {
            "rules": self.rules.version,
            "actors": self.actors.version,
            "outlets": self.outlets.version,
            "gazetteer": self.gazetteer.version,
            "code": code_version(),
            **({"gazetteer_extra": self.gazetteer.extra_version} if self.gazetteer.extra_version else {}),
        }


@lru_cache(maxsize=1)
def code_version() -> str:
    """A content hash of the coder's own source and packaged data: a coder whose code changed codes differently, so
    a dataset's stored articles are re-coded by it (like a change of rules or gazetteer), not kept as the old code
    read them."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(p for p in package.rglob("*") if p.suffix in {".py", ".toml", ".csv", ".json"}
                       and "__pycache__" not in p.parts):
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def load_resources(
    rules_dir: Path | None = None,
    actors_file: Path | None = None,
    gazetteer_dir: Path | None = None,
    gazetteer_extra: Path | None = None,
) -> Resources:
    """Load and validate every data file; raises coder.errors.DataFileError on a bad file."""
    return Resources(
        rules=RuleSet.load(rules_dir),
        actors=ActorDictionary.load(actors_file),
        outlets=OutletTable.load(),
        gazetteer=Gazetteer.load(gazetteer_dir, extra=gazetteer_extra),
        taxonomy=load_taxonomy(),
    )
