"""Loading and validating the data files under data/lexicon/.

Every lexicon is JSONL (one entry per line, `#` comment lines and blank lines allowed) or JSON, and
is checked against a small field schema on load, so a bad entry is reported with its file and line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from kg.errors import LexiconError

LEXICON_DIR = Path(__file__).resolve().parent.parent / "data" / "lexicon"

# A field spec: expected python type(s), and whether the field is required.
FieldSpec = tuple[type | tuple[type, ...], bool]


def lexicon_path(name: str, directory: Path | None = None) -> Path:
    return (directory or LEXICON_DIR) / name


def iter_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) for each entry of a JSONL lexicon file."""
    if not path.is_file():
        raise LexiconError(str(path), None, "file not found")
    with path.open(encoding="utf-8") as fh:
        for number, raw in enumerate(fh, start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise LexiconError(str(path), number, f"not valid JSON ({exc.msg})") from None
            if not isinstance(obj, dict):
                raise LexiconError(str(path), number, "expected a JSON object")
            yield number, obj


WIKIDATA_ID = re.compile(r"Q[1-9][0-9]*")


def check_fields(
    obj: Mapping[str, Any], spec: Mapping[str, FieldSpec], path: Path, line: int | None
) -> None:
    """Raise LexiconError unless obj has the required fields, of the right types, and no others."""
    for key, (types, required) in spec.items():
        if key not in obj or obj[key] is None:
            if required:
                raise LexiconError(str(path), line, f"missing required field '{key}'")
            continue
        if not isinstance(obj[key], types):
            want = types.__name__ if isinstance(types, type) else "/".join(t.__name__ for t in types)
            raise LexiconError(str(path), line, f"field '{key}' should be {want}, got {obj[key]!r}")
    unknown = sorted(set(obj) - set(spec))
    if unknown:
        raise LexiconError(str(path), line, f"unknown field(s) {', '.join(unknown)}")
    qid = obj.get("wikidata")
    if isinstance(qid, str) and not WIKIDATA_ID.fullmatch(qid):
        raise LexiconError(str(path), line, f"field 'wikidata' should be a Wikidata item id like Q30, got {qid!r}")


def load_jsonl(
    path: Path,
    spec: Mapping[str, FieldSpec],
    check: Callable[[dict[str, Any], Path, int], None] | None = None,
) -> list[dict[str, Any]]:
    """Load a JSONL lexicon, validating each entry against spec (and an optional extra check)."""
    entries = []
    for number, obj in iter_jsonl(path):
        check_fields(obj, spec, path, number)
        if check is not None:
            check(obj, path, number)
        entries.append(obj)
    return entries


def load_json(path: Path) -> Any:
    if not path.is_file():
        raise LexiconError(str(path), None, "file not found")
    try:
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)
    except json.JSONDecodeError as exc:
        raise LexiconError(str(path), exc.lineno, f"not valid JSON ({exc.msg})") from None


@cache
def cached_json(path: str) -> Any:
    return load_json(Path(path))
