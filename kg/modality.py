"""The modality of a trigger: asserted, planned, possible, alleged, negated or denied.

Markers (data/lexicon/modality.json) are local (a few tokens before the trigger, within its clause)
or clause-wide; a denial or a claim before "bahwa" makes what follows denied or alleged.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.errors import LexiconError
from kg.lexicon import LEXICON_DIR, load_json
from kg.model import MODALITIES
from kg.subjects import Clause, Trigger, verb_like

REAL_MODALITIES = frozenset({"asserted", "negated", "denied"})  # not planned, possible, alleged
REPORT_LOOKAHEAD = 3  # "menyatakan kekhawatiran bahwa": bahwa may follow the verb's object


_WORD_LISTS = (
    "local_stops", "purpose", "purpose_fillers", "intent_roots", "intent_nouns", "claim_heads", "evidence_verbs",
    "evidence_nouns", "source_frames", "complementizers", "complement_verbs",
)
_BY_MODALITY = ("local", "clause", "cancel_after", "cancel_before")


@lru_cache(maxsize=4)
def load_modality(directory: str | None = None) -> dict[str, Any]:
    path = Path(directory) if directory else LEXICON_DIR
    data = load_json(path / "modality.json")
    file = str(path / "modality.json")
    keys = {"order", "window", *_WORD_LISTS, *_BY_MODALITY}
    if not isinstance(data, dict) or not keys <= set(data):
        raise LexiconError(file, None, "expected keys " + ", ".join(sorted(keys)))
    for key in _WORD_LISTS:
        if not isinstance(data[key], list) or not all(isinstance(w, str) for w in data[key]):
            raise LexiconError(file, None, f"{key}: expected a list of strings")
    for part in _BY_MODALITY:
        for name, words in data[part].items():
            if name not in MODALITIES or not isinstance(words, list):
                raise LexiconError(file, None, f"{part}.{name}: unknown modality or not a word list")
    out: dict[str, Any] = {"order": tuple(data["order"]), "window": int(data["window"])}
    out.update({key: frozenset(w.lower() for w in data[key]) for key in _WORD_LISTS})
    out["intent_roots"] = tuple(data["intent_roots"])
    out.update({part: {k: frozenset(w.lower() for w in v) for k, v in data[part].items()} for part in _BY_MODALITY})
    return out


def modality(c: Clause, t: Trigger, data: dict[str, Any], parties_inside: bool = False) -> str:
    """The modality of a trigger from the markers before it (data/lexicon/modality.json).

    A local marker governs a trigger a few tokens on, within its clause: not across a clause_stop
    word, not into a relative clause after "yang", not when a word next to it cancels it ("tidak
    hanya", "sudah dapat"); a purpose clause ("akan bertolak ke X pekan ini untuk melakukan
    pertemuan") takes the markers of the verb it depends on. A clause marker governs every later
    trigger up to a clause_stop word. What follows "bahwa" after a denial or a claim ("membantah
    tuduhan bahwa ...") is denied or alleged. A negation before a prepositional phrase whose noun
    trigger names both its parties (`parties_inside`: "tidak terlibat dalam perang X-Y") is about
    the phrase's head, not the trigger. Planned markers leave an intent code (03x) asserted:
    the stated intent is the event."""
    anchor = t.first if t.governor is None else t.governor  # a threat's modality is the threat's own
    stops = c.rules.wordsets["clause_stop"]
    found = _local_markers(c, anchor, data, stops)
    if parties_inside and t.governor is None and _prep_between(c, anchor, data):
        # "menolak keterlibatan negaranya dalam konflik X-Y": the negation is about the noun the
        # prepositional phrase completes, not about the conflict between the parties it names
        found.discard("negated")
    for j in range(anchor - 1, -1, -1):
        low = _word(c, j)
        if low == "bahwa":
            heads = {_word(c, k) for k in range(max(0, j - REPORT_LOOKAHEAD - 1), j)}
            if heads & data["local"].get("denied", frozenset()):
                found.add("denied")
            if heads & data["claim_heads"]:
                found.add("alleged")
        if low in stops or _complementizer(c, j, data):
            break
        found.update(
            name for name, words in data["clause"].items()
            if low in words and not _source_frame(c, j, data) and not (name == "alleged" and _denied_claim(c, j, data))
        )
        if low in data["evidence_verbs"] and _evidence_before(c, j, data):
            found.add("alleged")  # "informasi baru yang menunjukkan upaya Rusia untuk ..."
    if t.cameo.startswith(data["intent_roots"]):
        found.discard("planned")
    return next((name for name in data["order"] if name in found), "asserted")


def _local_markers(c: Clause, anchor: int, data: dict[str, Any], stops: frozenset[str]) -> set[str]:
    found: set[str] = set()
    local_stops = data["local_stops"]
    window_start = max(0, anchor - data["window"])
    j = anchor - 1
    while j >= window_start:
        low = _word(c, j)
        if low in stops or low in local_stops:
            break
        after = c.tokens[j + 1].low
        before = c.tokens[j - 1].low if j > 0 else ""
        found.update(
            name
            for name, words in data["local"].items()
            if low in words
            and after not in data["cancel_after"].get(name, ())
            and before not in data["cancel_before"].get(name, ())
        )
        if low in data["intent_nouns"] and after in data["purpose"]:
            found.add("planned")  # "menerima undangan untuk menghadiri …"
        if low in data["purpose"] and not found and _purpose_clause(c, j, anchor, data):
            verb = _verb_before(c, j, data["window"], stops | local_stops)
            if verb is not None:  # reach on to the markers of the verb the purpose clause depends on
                window_start = min(window_start, max(0, verb - data["window"]))
        j -= 1
    return found


def _prep_between(c: Clause, anchor: int, data: dict[str, Any]) -> bool:
    """Does a preposition ("dalam", "di", "pada", "ke") stand right before the trigger at anchor, after a
    word that is no negation ("keterlibatan … dalam konflik", "tidak terlibat dalam perang")?"""
    if anchor < 2 or c.tokens[anchor - 1].low not in c.rules.wordsets["pp_heads"]:
        return False
    return c.tokens[anchor - 2].low not in data["local"].get("negated", ())


def _purpose_clause(c: Clause, j: int, anchor: int, data: dict[str, Any]) -> bool:
    """Does "untuk" at j open a purpose clause whose event is the trigger at anchor: "untuk bertemu",
    "untuk saling membahas", "untuk melakukan pertemuan"; not "untuk perang" (no verb) nor "untuk
    melanjutkan perang" (the war is not what is planned)."""
    between = range(j + 1, anchor)
    aux = c.rules.wordsets["aux"]
    if not all(c.tokens[k].low in aux or c.tokens[k].low in data["purpose_fillers"] for k in between):
        return False
    return any(verb_like(c, k) for k in range(j + 1, anchor + 1))


def _denied_claim(c: Clause, j: int, data: dict[str, Any]) -> bool:
    """ "membantah seluruh tudingan tersebut dan menolak …": a claim a denial verb just before it
    rejects marks nothing after it as alleged (a "bahwa" clause after it is handled apart)."""
    denials = data["local"].get("denied", ())
    return any(c.tokens[k].low in denials for k in range(max(0, j - 3), j))


def _source_frame(c: Clause, j: int, data: dict[str, Any]) -> bool:
    """ "Menurutnya, …": a source named before a comma frames the sentence; no allegation."""
    return c.tokens[j].low in data["source_frames"] and c.comma_before(j + 1)


def _evidence_before(c: Clause, j: int, data: dict[str, Any]) -> bool:
    """Is an evidence noun ("informasi", "laporan") the subject of the evidence verb at j?"""
    return any(c.tokens[k].low in data["evidence_nouns"] for k in range(max(0, j - REPORT_LOOKAHEAD), j))


def _complementizer(c: Clause, j: int, data: dict[str, Any]) -> bool:
    """ "mengungkapkan bila pihaknya sudah …": a conditional word right after a reporting verb, with
    no comma between, is most often a plain "bahwa" (that), no condition."""
    if j == 0 or c.tokens[j].low not in data["complementizers"] or c.comma_before(j):
        return False
    verb = c.tokens[j - 1].low
    return verb in c.rules.wordsets["reporting_prefix"] or verb in data["complement_verbs"]


def _word(c: Clause, j: int) -> str:
    """Token j lower-cased, a reduplicated word as its base ("kemungkinan-kemungkinan")."""
    low = c.tokens[j].low
    head, dash, rest = low.partition("-")
    return head if dash and head == rest else low


def _verb_before(c: Clause, j: int, reach: int, stops: frozenset[str]) -> int | None:
    for k in range(j - 1, max(-1, j - 1 - reach * 2), -1):
        low = c.tokens[k].low
        if low in stops:
            return None
        if verb_like(c, k):
            return k
    return None
