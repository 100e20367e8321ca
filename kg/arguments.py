"""The other arguments of a trigger (agent, genitive, target) and its (source, target) pairs.

The subject comes from kg/subjects.py; the target is the first actor to the trigger's right introduced
by one of the rule's prepositions (or a bare object close to a verb). Passives take the agent from
"oleh" or right after the verb; symmetric triggers pair "antara X dan Y" both ways."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.model import ActorMention
from kg.roles import (
    bloc_summit,
    casualty,
    casualty_clause,
    concurs_with,
    experiencer,
    helper,
    private_nationals,
    summit_holder,
    territory_owner,
    unnamed_forces,
)
from kg.subjects import Clause, Trigger, fronted_noun_subject, subject, verb_like
from kg.syntax import Group, verb_shaped

APPOSITIVE_OBJECT_WORDS = 5  # nouns of a direct object plus the apposition word ("negara mitra seperti")
AGENT_PHRASE_WORDS = 3  # plain nouns before the actor in a bare passive agent ("polisi laut Malaysia")
MAX_MUTUAL = 4  # parties of a symmetric event listed together; a longer list is a multilateral meeting
COMPLEMENT_WORDS = 2  # plain words between "bahwa" and the subject of its clause ("bahwa sebenarnya rezim Korut")
MUTUAL_REACH = 3  # tokens before a trigger (its auxiliaries included) a mutual word may stand
ANTECEDENT_WORDS = 6  # words between a coerced person and "yang" ("guru Indonesia di sekolah Osaka yang …")
OWNED_OBJECT_WORDS = 7  # words of an attacked place's noun phrase before its owner ("target militer dan fasilitas …")

def _stop_between(c: Clause, a: int, b: int) -> bool:
    stops = c.rules.wordsets["clause_stop"]
    return any(t.low in stops for t in c.tokens[a + 1 : b])


def after(
    c: Clause, t: Trigger, preps: Sequence[str], window: int | None = None, skip: Group | None = None
) -> Group | None:
    """First actor group after the trigger introduced by one of `preps` (other than `skip`)."""
    window = window or t.rule.target_window
    crosses = "*" in preps
    # A bare actor after a verb is its object; after a noun it is a genitive ("pertemuan PBB"),
    # which only rules with a `genitive` role use.
    direct = "" in preps and t.voice != "noun"
    direct_window = t.rule.direct_window or c.rules.settings["direct_window"]
    for g in c.groups:
        # a target inside a prepositional phrase is as far as its preposition ("ke negara-negara sekutu …, yaitu X")
        reach = g.np_at if g.prep is None and g.np_at is not None and g.np_prep in preps else g.first
        if direct and g.prep is None and reach > t.last + window and _appositive_object(c, t.last, g.first):
            reach = t.last + 1  # "mengajak negara-negara sahabat, antara lain X": as far as the object it names
        if g.first <= t.last or reach > t.last + window or g is skip:
            continue
        if g.prep is None and "bahwa" in preps and _complement_subject(c, t.last, g.first):
            return g  # "menuding bahwa rezim Korut …": the subject of the complement clause
        if not crosses and (_stop_between(c, t.last, g.first) or t.voice == "noun" and _new_clause_between(c, t, g.first)):
            return None
        if g.prep in preps and g.prep is not None or (crosses and g.prep != "oleh"):
            return g
        if "goods" in preps and _goods_from(c, g):
            return g  # "tarif terhadap impor dari China": whose goods are taxed or banned
        if g.prep is None and g.np_prep in preps and g.np_prep is not None:
            return g
        if g.prep is None and direct and g.first - t.last <= direct_window:
            return g
        if g.prep is None and _marked_by(c, t.last, g.first, preps):
            return g  # "mendesak agar Israel": a conjunction the rule lists, not a preposition
        if direct and g.prep is None and _appositive_object(c, t.last, g.first):
            return g  # "mengecam negara mitra seperti Kanada": the examples of the object
        if direct and g.prep is None and _owned_object(c, t, g.first):
            return g  # "menyerang pangkalan udara dan fasilitas nuklir Iran": whose places are hit
        if direct and g.prep in (None, "oleh") and t.cameo[:2] in c.rules.settings["object_agent_roots"] \
                and _agent_of_object(c, t.last, g.first):
            return g
        if not crosses and g.last + 1 < len(c.tokens) and c.tokens[g.last + 1].low == "yang":
            # "dukungan untuk diadilinya Myanmar yang melakukan kekerasan atas Rohingya": what follows is a
            # relative clause on an actor that is not the target; its obliques are not the trigger's
            return None
    return None


def _new_clause_between(c: Clause, t: Trigger, first: int) -> bool:
    """ "Setelah pulih dari serangan milisi, sang aktivis melanjutkan studinya di Inggris": after a nominal
    trigger, a comma and then an active verb not in a relative clause open another clause, whose obliques
    are not the trigger's ("pengiriman senjata, termasuk roket, kepada Wagner" stays one phrase)."""
    commas = [k for k in range(t.last + 1, first + 1) if c.comma_before(k)]
    return bool(commas) and any(
        verb_like(c, k) and c.tokens[k].low.startswith(("me", "ber")) and c.tokens[k - 1].low != "yang"
        for k in range(commas[0], first)
    )


def _appositive_object(c: Clause, last: int, first: int) -> bool:
    """Is the group at `first` a list of examples ("seperti", "yaitu") of a short plain noun phrase that
    is the direct object of a trigger ending at `last`?"""
    between = c.tokens[last + 1 : first]
    words = tuple(tok.low for tok in between)
    # the example word, or a phrase of several ("antara lain", "di antaranya")
    size = 1 if words and words[-1] in c.rules.wordsets["object_examples"] else next(
        (len(p) for p in c.rules.multiword["object_examples"] if len(words) > len(p) and words[-len(p):] == p), 0
    )
    if not size or not 1 <= len(between) - size <= APPOSITIVE_OBJECT_WORDS - 1:
        return False
    sets = c.rules.wordsets
    noun = between[:-size]
    return all(
        tok.low.replace("-", "").isalpha() and not verb_shaped(tok.low) and tok.low not in sets["prepositions"]
        and tok.low not in sets["clause_stop"] and tok.low not in sets["aux"]
        for tok in noun
    ) and not any(c.comma_before(tok.i) for tok in noun)


def _owned_object(c: Clause, t: Trigger, first: int) -> bool:
    """Is the group at `first` the owner at the end of a plain noun phrase, headed by a word for a place
    or a military asset, that is the direct object of an attack ending at `last` ("mengebom pangkalan
    udara dan gudang amunisi Suriah")? Only plain lower-case words and "dan" may stand between."""
    if t.cameo[:2] not in c.rules.settings["owned_object_roots"]:
        return False
    between = c.tokens[t.last + 1 : first]
    sets = c.rules.wordsets
    if not 1 <= len(between) <= OWNED_OBJECT_WORDS or between[0].low not in sets["attacked_places"]:
        return False
    return all(
        tok.low.replace("-", "").isalpha() and not verb_shaped(tok.low) and not tok.text[:1].isupper()
        and tok.low not in sets["prepositions"] and tok.low not in sets["clause_stop"] and tok.low not in sets["aux"]
        for tok in between
    ) and not any(c.comma_before(tok.i) for tok in [*between, c.tokens[first]])


def _agent_of_object(c: Clause, last: int, first: int) -> bool:
    """ "menyesalkan ancaman yang dilontarkan Korut", "mengecam kekejaman yang dilakukan oleh Israel":
    the direct object is a thing an actor did, named by a passive relative clause right before the
    actor; the act is aimed at that actor."""
    k = first - 1
    if k > last and c.tokens[k].low == "oleh":
        k -= 1
    return (
        k - 1 > last
        and c.tokens[k].low.startswith("di")
        and verb_shaped(c.tokens[k].low)
        and c.tokens[k - 1].low == "yang"
        and not _stop_between(c, last, k - 1)
    )


def _goods_from(c: Clause, g: Group) -> bool:
    """ "impor dari China", "produk asal Indonesia": the actor after "dari"/"asal" following a word for
    traded goods."""
    return g.prep in ("dari", "asal") and g.first >= 2 and c.tokens[g.first - 2].low in c.rules.wordsets["trade_goods"]


def _complement_subject(c: Clause, last: int, first: int) -> bool:
    """Is the group at `first` the subject of a "bahwa" clause right after the trigger ending at `last`
    ("menuding bahwa sebenarnya rezim Korut …")? Only a few plain words may stand between."""
    if last + 1 >= first or c.tokens[last + 1].low != "bahwa":
        return False
    between = c.tokens[last + 2 : first]
    return len(between) <= COMPLEMENT_WORDS and all(
        tok.low.isalpha() and not verb_shaped(tok.low) and tok.low not in c.rules.wordsets["prepositions"]
        for tok in between
    )


def _marked_by(c: Clause, last: int, first: int, preps: Sequence[str]) -> bool:
    """Do only words of `preps` stand between a trigger ending at `last` and a group starting at `first`?"""
    between = c.tokens[last + 1 : first]
    return bool(between) and all(tok.low in preps for tok in between)


def _agent_phrase(c: Clause, t: Trigger) -> Group | None:
    """ "ditangkap polisi laut Malaysia": the agent of a di- passive right after the verb may be a
    short noun phrase headed by an authority ("polisi", "otoritas", "pasukan" …) that ends in the actor."""
    sets = c.rules.wordsets
    for g in c.groups:
        if g.first <= t.last:
            continue
        between = c.tokens[t.last + 1 : g.first]
        plain = all(
            tok.low.isalpha() and not verb_shaped(tok.low) and not tok.text[:1].isupper()
            and not any(tok.low in sets[k] for k in ("prepositions", "aux", "clause_stop", "coordination"))
            for tok in between
        )
        ok = g.prep is None and 1 <= len(between) <= AGENT_PHRASE_WORDS and plain
        ok = ok and between[0].low in sets["authority_nouns"]
        ok = ok and not any(c.comma_before(tok.i) for tok in [*between, c.tokens[g.first]])
        return g if ok else None
    return None


def _distant_antecedent(c: Clause, t: Trigger) -> Group | None:
    """ "guru Indonesia di sekolah Osaka yang ditahan …", "WNI lainnya bernama Budi yang dideportasi …":
    the person a passive relative clause of coercion (extraction.json distant_patient_roots) is about,
    named before a place ("di …") or a name ("bernama …") that is no actor. Only plain words, capitalised
    names and the words of wordsets.json antecedent_links may stand between."""
    if t.cameo[:2] not in c.rules.settings["distant_patient_roots"]:
        return None
    sets = c.rules.wordsets
    j = t.first - 1
    while j >= 0 and c.tokens[j].low in sets["aux"]:
        j -= 1
    if j < 1 or c.tokens[j].low != "yang" or c.comma_before(j):
        return None
    for k in range(j - 1, max(-1, j - 1 - ANTECEDENT_WORDS), -1):
        g = next((g for g in c.groups if g.last == k), None)
        if g is not None:
            return g if g.prep is None and k < j - 1 else None
        tok = c.tokens[k]
        plain = tok.low.replace("-", "").isalpha() and not verb_shaped(tok.low) and not any(
            tok.low in sets[name] for name in ("prepositions", "aux", "clause_stop", "coordination")
        )
        if c.comma_before(k + 1) or not (plain or tok.low in sets["antecedent_links"]):
            return None
    return None


def _state_where(c: Clause, t: Trigger) -> Group | None:
    """ "WNI ditahan di Turki": a state named as the place of an arrest or a trial acts through its
    authorities (only a state: "ditahan di Guantanamo" names no actor)."""
    place = after(c, t, ("di",), window=4)
    if place is None or place.prep != "di" or any(m.type != "state" for m in place.members):
        return None
    return place


def genitive(c: Clause, t: Trigger) -> Group | None:
    """An actor directly after a nominal trigger (and its object): "penjualan senjata Korea Utara"."""
    for g in c.groups:
        if t.last < g.first and _gap_outside_brackets(c, t.last, g.first) <= 3 and g.prep is None \
                and (g.np_at is None or g.np_at < t.first):
            return g  # not one under a preposition after the trigger ("dialog dengan Pangeran MBS")
    return None


def _gap_outside_brackets(c: Clause, a: int, b: int) -> int:
    """b - a, not counting the words of a parenthesis between ("kunjungan kehormatan (courtesy call)
    Presiden X": a gloss in brackets does not part a noun from its genitive)."""
    if not c.text:
        return b - a
    gap, inside = b - a, False
    for k in range(a + 1, b):
        before = c.text[c.tokens[k - 1].end - c.offset : c.tokens[k].start - c.offset]
        inside = (inside or "(" in before) and ")" not in before
        gap -= inside
    return gap


def _agent_right_after(c: Clause, t: Trigger) -> Group | None:
    """ "penolakan dari Cina": "dari" right after a nominal trigger names its agent even where the rule
    takes "dari" for the target of the verb ("menolak bantuan dari AS")."""
    g = after(c, t, ("dari",), window=2)
    return g if g is not None and g.prep == "dari" and g.first == t.last + 2 else None


def partner(c: Clause, t: Trigger) -> Group | None:
    """The counterpart of an exchange stated earlier: "memperoleh A dari Y dengan imbalan B"."""
    for g in reversed(c.groups):
        if g.last < t.first and g.prep in ("dari", "dengan", "ke", "kepada"):
            return g
    return None


def _pairs(sources: Group | None, targets: Group | None) -> list[tuple[ActorMention, ActorMention]]:
    if sources is None or targets is None:
        return []
    return [(s, t) for s in sources.members for t in targets.members]


_DYAD_JOIN = re.compile(r"[-\u2010\u2011]{1,2}|\s*[\u2013\u2014]\s*")


def _hyphen_dyad(c: Clause, t: Trigger) -> Group | None:
    """ "perang Israel-Iran", "KTT ASEAN–Selandia Baru": actors joined only by a hyphen or a dash right
    after a two-sided event noun are its parties, as "antara Israel dan Suriah" would be. Every party
    must be an actor of its own ("Korea-Selatan" is one name, "Arab-Kurdi" names none)."""
    gen = genitive(c, t)
    if gen is None or len(gen.members) != 1:
        return None
    members = [gen.members[0]]
    for g in c.groups:
        if g.members[0].start <= members[-1].start:
            continue
        if not _DYAD_JOIN.fullmatch(c.text[members[-1].end - c.offset : g.members[0].start - c.offset]):
            break
        members.extend(g.members)
    if len(members) < 2 or len({m.code for m in members}) < len(members):
        return None
    return Group(tuple(members), gen.first, gen.last, None)


def _mutual(group: Group | None) -> list[tuple[ActorMention, ActorMention]]:
    """Every ordered pair of a coordinated group ("antara X dan Y"); a long list names the parties of a
    multilateral meeting, not of pairwise events, and gives none."""
    if group is None or not 2 <= len(group.members) <= MAX_MUTUAL:
        return []
    return [(a, b) for a in group.members for b in group.members if a is not b]


def _mutual_marked(c: Clause, t: Trigger) -> bool:
    """ "AS dan Australia masing-masing akan menginvestasikan …", "… akan berinvestasi masing-masing …",
    "saling membantu": a mutual word right before a cooperative trigger (or right after it) makes the
    act of a coordinated subject one each does to the other."""
    if t.cameo[:2] not in c.rules.settings["mutual_roots"]:
        return False
    marks = c.rules.wordsets["mutual_markers"]
    if t.last + 1 < len(c.tokens) and c.tokens[t.last + 1].low in marks:
        return True
    aux = c.rules.wordsets["aux"]
    for k in range(t.first - 1, max(-1, t.first - 1 - MUTUAL_REACH), -1):
        if c.tokens[k].low in marks:
            return True
        if c.tokens[k].low not in aux or c.comma_before(k + 1):
            return False
    return False


def _genitive_roles(c: Clause, t: Trigger, subject_group: Group | None) -> tuple[Group | None, Group | None]:
    """ "invasi Ukraina": the genitive is the target; "invasi Rusia ke Ukraina": it is the source."""
    gen = genitive(c, t)
    marked = after(c, t, tuple(p for p in t.rule.target if p), skip=gen)
    if gen is not None and marked is not None:
        return gen, marked
    return subject_group, gen or marked


def arguments(c: Clause, t: Trigger) -> list[tuple[ActorMention, ActorMention]]:
    """(source, target) pairs of a trigger; unnamed nationals ("wisman Cina") do not act for their
    state in diplomacy, so they are sources only of material conflict (extraction.json)."""
    pairs = _arguments(c, t)
    if t.rule.source_types:
        pairs = [(s, o) for s, o in pairs if s.type in t.rule.source_types]
    if t.rule.target_types:
        pairs = [(s, o) for s, o in pairs if o.type in t.rule.target_types]
    if int(t.cameo[:2]) < c.rules.settings["group_source_min_root"]:
        # a meeting or cooperation with nationals is none between states, seen from either side, and
        # neither is praise of one ("memuji miliuner China")
        mutual = t.rule.reciprocal or t.rule.symmetric or int(t.cameo[:2]) < c.rules.settings["private_target_max_root"]
        pairs = [
            (s, o) for s, o in pairs
            if s.type != "group" and not private_nationals(c, s) and not (mutual and private_nationals(c, o))
        ]
    return pairs


def _arguments(c: Clause, t: Trigger) -> list[tuple[ActorMention, ActorMention]]:
    rule = t.rule
    if t.voice == "passive":
        # the agent of a di- passive follows "oleh" or, just as often, the verb itself
        # ("WNI ditangkap polisi Malaysia")
        agent = after(c, t, ("oleh",)) or after(c, t, ("",), window=1) or _agent_phrase(c, t)
        if agent is None and rule.location_agent:
            agent = _state_where(c, t)
        return _pairs(agent, subject(c, t.first) or _distant_antecedent(c, t))
    if rule.source_prep:
        holder = subject(c, t.first)
        if holder is None and rule.target_types:
            holder = summit_holder(c)
        return _pairs(after(c, t, rule.source_prep), holder)
    if t.voice in ("noun", "base") and (rule.symmetric or rule.reciprocal or rule.dyad):
        dyad = _hyphen_dyad(c, t)
        if dyad is not None:
            return bloc_summit(c, t, _mutual(dyad))
    if rule.symmetric:
        between = next((g for g in c.groups if g.prep == "antara" and t.last < g.first <= t.last + 4), None)
        if between is None and t.voice == "noun":
            # "Perundingan Armenia dan Azerbaijan": a coordinated genitive of a symmetric noun
            gen = genitive(c, t)
            between = gen if gen is not None and len(gen.members) > 1 else None
        if between is None and t.voice != "noun" and not verb_like(c, t.last):
            # "Trump ingin memperkuat hubungan AS dan Israel": a subject that is one of the coordinated
            # genitive of the relation noun a verb phrase ends in acts on the others
            gen = genitive(c, t)
            own = subject(c, t.first, rule.subject) if gen is not None and len(gen.members) > 1 else None
            if own is not None and gen is not None and gen.first == t.last + 1:
                codes = {m.code for m in own.members}
                if any(m.code in codes for m in gen.members):
                    return [(a, b) for a in own.members for b in gen.members if b.code not in codes]
        if between is not None:
            return _mutual(unnamed_forces(c, between) or between)
    source: Group | None = None
    if t.voice == "noun":
        # the agent of a nominal trigger: "kunjungan … oleh X", "penolakan dari Cina"
        agents = ("oleh",) if "dari" in rule.target else ("oleh", "dari")
        source = after(c, t, agents, window=6) or _agent_right_after(c, t)
        if source is not None and "goods" in rule.target and _goods_from(c, source):
            source = None  # "tarif terhadap impor dari China": the goods' origin is the target, not the agent
        if source is None and rule.genitive == "source":
            source = genitive(c, t)
    if source is None and t.voice == "base" and rule.genitive == "source" and rule.subject == "any":
        # "perang Rusia di Suriah": the war's genitive, right after it, wages it, not whoever is named before
        gen = genitive(c, t)
        source = gen if gen is not None and gen.first == t.last + 1 and not c.comma_before(gen.first) else None
    if source is None and t.voice == "noun" and t.cameo[:2] in c.rules.settings["fronted_noun_roots"]:
        source = fronted_noun_subject(c, t.first)
    if source is None:
        near = t.voice == "base" and rule.subject == "any"
        source = subject(c, t.first, rule.subject, noun=t.voice == "noun", near=near)
    victim = None
    if t.voice == "noun" and not (rule.symmetric or rule.reciprocal):
        victim = casualty(c, t) or experiencer(c, t)
    target: Group | None
    if victim is not None:
        # "pemimpin Al Qaeda terbunuh dalam serangan udara AS di dekat Sarmada, Suriah": the attack
        # is on whoever died in it, not on the place
        source = source if source is not victim else None
        target = victim
    elif rule.genitive == "target" and t.voice in ("noun", "base"):
        source, target = _genitive_roles(c, t, source)
    elif "partner" in rule.target:
        target = partner(c, t)
    else:
        target = after(c, t, rule.target, skip=source)
        if target is not None:
            target = territory_owner(c, target) or target
        if target is None and t.voice != "noun":
            target = casualty_clause(c, t, source)
    if target is None and (rule.symmetric or _mutual_marked(c, t)):
        return _mutual(source)
    if target is not None and target.prep == "antara" and not rule.between:
        # "prihatin dengan perundingan antara Rusia dan Korea Utara": only a symmetric trigger
        # relates to both, and so does a mediation (rule field `between`); anything else is aimed at the
        # first named.
        target = Group(target.members[:1], target.first, target.last, target.prep, target.np_prep, target.np_at)
    pairs = _pairs(source, target)
    if pairs and source is not None and t.cameo[:2] in c.rules.settings["helped_roots"] and source.last + 1 == t.first:
        pairs += _pairs(helper(c, source), target)
    if rule.reciprocal and t.governor is None and not concurs_with(c, t, target):
        # "X bertemu dengan Y" is a meeting of both: coded in both directions, as CAMEO coders do;
        # a meeting only pledged or threatened ("X siap membuka hubungan dengan Y") is X's intent alone
        pairs += [(b, a) for a, b in pairs]
    return pairs

