"""Who plays which part in the frames that name their parties in an unusual place: casualties of an
attack ("X tewas dalam serangan Y"), acts undergone ("X mengalami pengeboman oleh Y"), helpers ("X
membantu Y melawan Z"), the unnamed forces of a state, a territory named as part of a state, a bloc's
summit with a partner, private nationals who do not act for their state. kg/arguments.py calls these
while it pairs a trigger's source and target."""

from __future__ import annotations

from kg.model import ActorMention
from kg.subjects import Clause, Trigger, subject
from kg.syntax import Group

PLACE_WORDS = 5  # words of "di <place>, <state>" after the unnamed forces of a state ("militer di Rakhine State, Myanmar")
TERRITORY_GAP = 2  # plain words between the territory noun and its owner ("wilayah seberang laut AS")


def private_nationals(c: Clause, m: ActorMention) -> bool:
    """ "wisman Cina", "imigran gelap Somalia": a bare state name right after a noun for private people
    (or goods) of it names its nationals, not the state."""
    if m.type != "state" or m.id != m.code:
        return False
    at = next((tok.i for tok in c.tokens if tok.end > m.start), None)
    if at is None:
        return False
    private = c.rules.wordsets["private_nationals"]
    for k in range(at - 1, max(-1, at - 3), -1):
        if c.comma_before(k + 1):
            return False
        if c.tokens[k].low in private:
            return True
    return False


def unnamed_forces(c: Clause, between: Group) -> Group | None:
    """ "bentrokan antara ARSA dan militer di Rakhine, Myanmar": an armed group that fights the unnamed
    forces of the state it fights in fights that state. Only right after a lone armed group, and only
    when the place is a state (or a place inside one, named after a comma)."""
    if len(between.members) != 1 or between.members[0].type != "armed_group":
        return None
    k = between.last + 1
    if k >= len(c.tokens) or c.tokens[k].low not in c.rules.wordsets["partner_links"]:
        return None
    k += 1
    words = tuple(tok.low for tok in c.tokens[k : k + 2])
    size = next((len(p) for p in c.rules.multiword["state_forces"] if words[: len(p)] == p), 0) \
        or int(bool(words) and words[0] in c.rules.wordsets["state_forces"])
    k += size
    if not size or k >= len(c.tokens) or c.tokens[k].low != "di":
        return None
    place = next((g for g in c.groups if g.np_at == k or g.prep == "di" and g.first == k + 1), None)
    if place is None or place.first > k + PLACE_WORDS or any(m.type != "state" for m in place.members) \
            or len(place.members) != 1 or place.members[0].code == between.members[0].code:
        return None
    return Group((between.members[0], place.members[0]), between.first, place.last, between.prep)


def summit_holder(c: Clause) -> Group | None:
    """ "Dalam KTT ASEAN, para pemimpin yang hadir, yakni …": the bloc whose summit the sentence names,
    right after the summit noun (an ordinal such as "ke-43" may stand between)."""
    nouns = c.rules.wordsets["summit_nouns"]
    for k, tok in enumerate(c.tokens):
        if tok.low not in nouns:
            continue
        g = next((g for g in c.groups if k < g.first <= k + 2 and g.prep is None), None)
        if g is not None and all(c.tokens[j].low.startswith("ke") for j in range(k + 1, g.first)):
            return g
    return None


def bloc_summit(c: Clause, t: Trigger, pairs: list[tuple[ActorMention, ActorMention]]) -> list[tuple[ActorMention, ActorMention]]:
    """ "KTT ASEAN-Selandia Baru": a summit of a bloc with a partner is the partner's attending the
    bloc's summit, coded from the partner to the bloc only (as every partner at a bloc's summit is);
    of two blocs ("KTT ASEAN-PBB") the one named first holds it."""
    if c.tokens[t.first].low not in c.rules.wordsets["summit_nouns"]:
        return pairs
    blocs = {m.code for pair in pairs for m in pair if m.type == "organisation"}
    if blocs and all(m.code in blocs for pair in pairs for m in pair):
        blocs = {pairs[0][0].code}  # "KTT ASEAN-PBB": the bloc named first holds it
    if not blocs:
        return pairs
    return [(a, b) for a, b in pairs if a.code not in blocs and b.code in blocs]


def casualty(c: Clause, t: Trigger) -> Group | None:
    """The actor that died or was hurt in an attack named by a noun right after "tewas dalam" /
    "terluka akibat" …: the subject of that casualty verb."""
    k = t.first - 1
    if k < 1 or c.tokens[k].low not in c.rules.wordsets["casualty_links"] or c.tokens[k - 1].low not in c.rules.wordsets["casualty_verbs"]:
        return None
    victim = subject(c, k - 1)
    if victim is None or any(
        c.tokens[m].low in c.rules.wordsets["reporting_prefix"] for m in range(victim.last + 1, k - 1)
    ):
        return None  # "pejabat Afghanistan mengatakan 16 warga sipil tewas dalam serangan …": not the officials
    return victim


def casualty_clause(c: Clause, t: Trigger, source: Group | None) -> Group | None:
    """ "dua tentara Prancis terluka ketika milisi Mali menembaki pos mereka": an attack told, with
    no target of its own, in a clause of time right after a casualty verb is aimed at whoever died or
    was hurt (the subject of that verb)."""
    if source is None or t.cameo[:2] not in c.rules.settings["casualty_roots"]:
        return None
    k = source.first - 1
    words = c.rules.wordsets
    if k < 1 or c.tokens[k].low not in words["casualty_clauses"] or c.tokens[k - 1].low not in words["casualty_verbs"]:
        return None
    victim = subject(c, k - 1)
    if victim is None or any(c.tokens[m].low in words["reporting_prefix"] for m in range(victim.last + 1, k - 1)):
        return None
    return victim


def experiencer(c: Clause, t: Trigger) -> Group | None:
    """ "Serbia mengalami pengeboman oleh NATO", "kerap menghadapi serangan dan penembakan dari Rusia":
    a hostile act named by a noun that a verb of undergoing governs is aimed at that verb's subject.
    Only measure words, coordinated act nouns and a preposition may stand between."""
    sets = c.rules.wordsets
    if t.cameo[:2] not in c.rules.settings["experienced_roots"]:
        return None
    k = t.first - 1
    while k >= 0 and k >= t.first - 4 and not c.comma_before(k + 1) and (
        c.tokens[k].low in sets["experienced_fillers"]
        or any(voice == "noun" for _, phrase, voice in c.rules.index.get(c.tokens[k].low, ()) if len(phrase) == 1)
    ):
        k -= 1
    if k < 0 or c.tokens[k].low not in sets["experiencer_verbs"] or (k + 1 <= t.first - 1 and c.comma_before(k + 1)):
        return None
    if any(k < g.first < t.first for g in c.groups):
        return None
    victim = subject(c, k)
    if victim is not None and all(private_nationals(c, m) for m in victim.members):
        return None  # "pakar Italia menghadapi kritik dari X": a private national, not the state
    return victim


def helper(c: Clause, source: Group) -> Group | None:
    """ "pasukan AS membantu militer Afghanistan melawan Taliban": whoever helps the source (the object
    of a helping verb right before it, the trigger right after it) fights alongside it."""
    k = source.first - 1
    if k < 1 or c.tokens[k].low not in c.rules.wordsets["helping_verbs"]:
        return None
    return subject(c, k)


def territory_owner(c: Clause, g: Group) -> Group | None:
    """ "berniat mengebom Greenland, sebuah wilayah Denmark": a state-coded territory renamed right after
    it as a territory of another state is, as a target, that state. Only a comma, "salah satu" or "sebuah",
    a territory noun and a few plain words may stand between; the owner has no preposition ("wilayah di
    Pasifik" names no owner)."""
    if len(g.members) != 1 or g.members[0].type != "state" or not c.comma_before(g.last + 1):
        return None
    sets = c.rules.wordsets
    k = g.last + 1
    words = [tok.low for tok in c.tokens[k : k + 3]]
    if words[:2] == ["salah", "satu"]:
        k += 2
    elif words[:1] == ["sebuah"]:
        k += 1
    if k >= len(c.tokens) or c.tokens[k].low not in sets["territory_nouns"]:
        return None
    owner = next((h for h in c.groups if h.first > k), None)
    if owner is None or owner.prep is not None or owner.first - k - 1 > TERRITORY_GAP:
        return None
    if len(owner.members) != 1 or owner.members[0].type != "state" or owner.members[0].code == g.members[0].code:
        return None
    between = c.tokens[k + 1 : owner.first]
    if any(not tok.low.isalpha() or tok.low in sets["prepositions"] or c.comma_before(tok.i) for tok in between):
        return None
    return Group(owner.members, owner.first, owner.last, g.prep, g.np_prep, g.np_at)


def concurs_with(c: Clause, t: Trigger, target: Group | None) -> bool:
    """ "Trump sepakat dengan Netanyahu bahwa …": agreeing with someone that something is so is the
    subject's own stance, not an act of both."""
    return (
        target is not None
        and c.tokens[t.head_last].low == "dengan"
        and target.last + 1 < len(c.tokens)
        and c.tokens[target.last + 1].low == "bahwa"
    )
