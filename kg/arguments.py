"""Argument search for a trigger: who does it (subject, agent, genitive) and to whom (target).

Indonesian word order is SVO with prepositions marking most non-subject arguments: the subject of a
trigger is the nearest actor to its left not governed by a preposition (or the clause-chain subject when
the clause opens with "dan"/"sambil"...), and its target is the first actor to its right introduced by
one of the rule's prepositions. Passives take the agent from "oleh"; symmetric triggers pair "antara X
dan Y" both ways.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.model import ActorMention
from kg.rules import Rule, RuleSet
from kg.syntax import Group, Token, group_at, verb_shaped


@dataclass(frozen=True, slots=True)
class Trigger:
    rule: Rule
    voice: str
    first: int  # token index of the trigger's first token
    head_last: int  # last token of the trigger phrase itself
    last: int  # last token of trigger + required object
    cameo: str
    governor: int | None = None  # token of "mengancam" when the trigger is the content of a threat


@dataclass(frozen=True, slots=True)
class Clause:
    """Everything the argument search needs about one sentence."""

    tokens: list[Token]
    groups: list[Group]
    rules: RuleSet
    text: str = ""  # the sentence, for the punctuation between tokens
    offset: int = 0  # document offset of text[0]

    def comma_before(self, k: int) -> bool:
        """Is there a comma between token k - 1 and token k?"""
        if not self.text or k <= 0 or k >= len(self.tokens):
            return False
        return "," in self.text[self.tokens[k - 1].end - self.offset : self.tokens[k].start - self.offset]


def _skip_aux_back(c: Clause, i: int) -> int:
    aux = c.rules.wordsets["aux"]
    j = i - 1
    while j >= 0 and c.tokens[j].low in aux:
        j -= 1
    return j


def _region_start(c: Clause, i: int) -> int:
    for j in range(i - 1, -1, -1):
        if c.tokens[j].low == "bahwa":
            return j + 1
    return 0


def _verb_like(c: Clause, j: int) -> bool:
    low = c.tokens[j].low
    return verb_shaped(low) and low not in c.rules.wordsets["aux"]


def main_subject(c: Clause, i: int) -> Group | None:
    """The subject of the clause chain a trigger at token i continues: the first actor not governed by
    a preposition that stands before the chain's first verb."""
    start = _region_start(c, i)
    in_group = {k for g in c.groups for k in range(g.first, g.last + 1)}
    first_verb = next((j for j in range(start, i) if j not in in_group and _verb_like(c, j)), i)
    for g in c.groups:
        if g.first >= start and g.last < first_verb and g.prep is None:
            return g
    return None


APPOSITIVE_OBJECT_WORDS = 5  # nouns of a direct object plus the apposition word ("negara mitra seperti")
AGENT_PHRASE_WORDS = 3  # plain nouns before the actor in a bare passive agent ("polisi laut Malaysia")
MAX_MUTUAL = 4  # parties of a symmetric event listed together; a longer list is a multilateral meeting
MUTUAL_REACH = 3  # tokens before a trigger (its auxiliaries included) a mutual word may stand

# Prepositions completing a noun phrase ("Duta Besar Belgia untuk PBB", "warga asal Suriah"): a
# relative clause after such a phrase is about its head, not about the actor the preposition governs.
_OWNED = frozenset({"untuk", "asal"})

# Prepositions that, even across a short noun phrase, mark an actor as an oblique, never a subject.
# ("di", "dalam", "pada", "untuk" also open sentence adverbials such as "Di sisi lain Rusia …".)
_OBLIQUE = frozenset({"ke", "kepada", "terhadap", "dengan", "dari", "antara"})


def subject(c: Clause, i: int, mode: str = "nearest", noun: bool = False, near: bool = False) -> Group | None:
    """The actor a trigger at token i is predicated of.

    A nominal trigger takes its subject from close by and never across "bahwa"; a verb may reach
    back over a complement clause ("AS mengatakan bahwa akan mengirim …").
    """
    settings = c.rules.settings
    j = _skip_aux_back(c, i)
    # A noun after a support verb ("melangsungkan pertemuan") takes that verb's subject, as far away
    # as a verb's; after a frame word ("dalam kunjungannya") it stays close.
    verbal = noun and j >= 0 and c.tokens[j].low in c.rules.wordsets["noun_frames"] and _verb_like(c, j)
    window = settings["noun_subject_window" if noun and not verbal else "subject_window"]
    if near and j >= 0 and not _verb_like(c, j):
        # a war named after a noun ("… serta dampak perang di Ukraina") is waged by an actor close by
        window = settings["noun_subject_window"]
    floor = _region_start(c, i) if noun else 0
    if j >= 0 and c.tokens[j].low == "yang":
        return _antecedent(c, j)
    if not noun and j >= 0 and c.tokens[j].low in c.rules.wordsets["subject_pronouns"] and group_at(c.groups, j) is None \
            and not c.comma_before(j + 1):
        return None  # "… bahwa mereka mendukung …": the subject is a pronoun no actor was found for
    if j >= 0 and c.tokens[j].low in c.rules.wordsets["carry"] and mode != "any":
        return main_subject(c, i) or (None if noun else _main_subject_after_fronted_clause(c, i))
    if not noun and _reported_clause_start(c, j):
        return None  # "UNHCR mengungkapkan, Jolie mengunjungi …": the subject is after the comma, unknown
    if not noun and c.comma_before(j + 1):
        head = _head_of_aside(c, j)
        if head is not None:
            return head
    possessed = noun and c.tokens[i].low.endswith("nya")
    if noun and mode != "any" and j >= 0 and not _framed(c, j) and not possessed:
        return None  # "mengganggu perundingan": a noun after an ordinary verb has no subject of its own
    for g in reversed(c.groups):
        if g.last < i and g.first >= floor and i - g.last <= window and (mode == "any" or _subject_like(g)):
            return None if _noun_genitive(c, g) else _past_relative_agent(c, g)
    if not noun:
        return _main_subject_after_fronted_clause(c, i)
    return None


def _noun_genitive(c: Clause, g: Group) -> bool:
    """ "kaum loyalis Iran mendukung …", "caucus Palestina … menolak …": an actor that only names whom
    the followers or the caucus before it stand with is not the subject of a later verb; the followers
    are, and the lexicon does not know them."""
    k = g.first - 1
    if k < 0 or c.comma_before(g.first) or c.tokens[g.first].start < g.members[0].start:
        return False  # a name starting inside a token ("pro-Iran") is no genitive of the word before
    return c.tokens[k].low in c.rules.wordsets["follower_nouns"]


def _past_relative_agent(c: Clause, g: Group) -> Group | None:
    """ "Serdadu Suriah yang didukung tentara Rusia melancarkan serangan …": the agent of a passive
    relative clause ("yang didukung [oleh] X") is not the subject of a verb after that clause; the
    clause's head is (or nobody the lexicon knows: "milisi yang didukung Iran menyerang …")."""
    k = g.first - 1
    if k >= 0 and c.tokens[k].low == "oleh":
        k -= 1
    if k < 1 or c.tokens[k - 1].low != "yang" or not (c.tokens[k].low.startswith("di") and verb_shaped(c.tokens[k].low)):
        return g
    head = next((h for h in c.groups if h.last == k - 2), None)
    return head if head is not None and _subject_like(head) else None


def _private_nationals(c: Clause, m: ActorMention) -> bool:
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


def _reported_clause_start(c: Clause, j: int) -> bool:
    """ "UNHCR mengungkapkan, Jolie mengunjungi …": the words before a verb (ending at token j) open a
    reported clause right after "VERB-of-saying ,", and no actor stands in them, so the reporter is not
    the subject and the real one is not in the lexicon."""
    for k in range(j, max(0, j - 4), -1):
        if group_at(c.groups, k) is not None:
            return False
        if c.comma_before(k) and _is_reporting(c, k - 1):
            return True
    return False


def _is_reporting(c: Clause, k: int) -> bool:
    low = c.tokens[k].low
    return low in c.rules.wordsets["reporting_prefix"] or low in c.rules.wordsets["reporting_postfix"]


def _main_subject_after_fronted_clause(c: Clause, i: int) -> Group | None:
    """ "Setelah menandatangani kesepakatan dengan Perancis, Indonesia kini …", "Lalu setelah kembali ke
    Yangon dan bertemu UNHCR, Retno …": a verb of a fronted subordinate clause without a subject of its
    own shares the main clause's, right after the comma. The clause must open with a verb ("Saat ini X
    hadir …" has a subject of its own)."""
    fronted = c.rules.wordsets["fronted_subordinators"]
    k = 1 if len(c.tokens) > 1 and c.tokens[0].low in c.rules.wordsets["carry"] and c.tokens[0].low not in fronted else 0
    if k >= len(c.tokens) - 1 or c.tokens[k].low not in fronted or i <= k:
        return None
    opener = c.tokens[k + 1].low
    if k + 1 != i and not verb_shaped(opener) and opener not in c.rules.wordsets["aux"]:
        return None
    comma = next((j for j in range(k + 1, len(c.tokens)) if c.comma_before(j)), None)
    if comma is None or comma <= i:
        return None
    if any(k < g.first and g.last < i and _subject_like(g) for g in c.groups):
        return None  # the fronted clause names its own subject
    start = c.tokens[comma].start
    return next((g for g in c.groups if g.members[0].start == start and _subject_like(g)), None)


def _head_of_aside(c: Clause, j: int) -> Group | None:
    """ "Presiden Turki Erdogan, yang berupaya … warga Turki …, menuduh …": a verb right after a
    relative clause set off by commas (ending at token j) is predicated of the actor before it."""
    for k in range(j, max(0, j - 30), -1):
        if c.tokens[k].low == "bahwa":
            return None
        if c.tokens[k].low == "yang" and c.comma_before(k):
            head = next((g for g in c.groups if g.last == k - 1), None)
            return head if head is not None and _subject_like(head) else None
    return None


def _antecedent(c: Clause, j: int) -> Group | None:
    """What a relative clause "yang …" at token j is about: the actor right before it, or the subject of
    a copula ("Turki adalah salah satu negara pertama yang mengakui Kosovo")."""
    direct = next((g for g in c.groups if g.last == j - 1), None)
    if direct is not None and direct.prep in _OWNED and direct.first >= 2:
        # "duta besarnya untuk PBB yang mendukung …": the clause is about the noun phrase the
        # preposition completes, whose actor (if any) stands before it
        return next((g for g in c.groups if g.last == direct.first - 2 and g.prep is None), None)
    if direct is not None:
        return direct
    copula = c.rules.wordsets["copula"]
    for k in range(j - 1, max(-1, j - 8), -1):
        if c.tokens[k].low in copula:
            return next((g for g in reversed(c.groups) if g.last < k and g.prep is None), None)
    return None


def _framed(c: Clause, j: int) -> bool:
    """A nominal trigger takes a subject only after a support verb or frame word ("melakukan
    pengiriman", "dalam kunjungannya"); Indonesian genitives follow the noun, so an actor right
    before it ("… Republik Korea), KTT …") is not its subject."""
    return c.tokens[j].low in c.rules.wordsets["noun_frames"]


def _subject_like(g: Group) -> bool:
    return g.prep in (None, "oleh") and g.np_prep not in _OBLIQUE


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
        if g.first <= t.last or reach > t.last + window or g is skip:
            continue
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
        if direct and g.prep in (None, "oleh") and t.cameo[:2] in c.rules.settings["object_agent_roots"] \
                and _agent_of_object(c, t.last, g.first):
            return g
    return None


def _new_clause_between(c: Clause, t: Trigger, first: int) -> bool:
    """ "Setelah pulih dari serangan milisi, sang aktivis melanjutkan studinya di Inggris": after a nominal
    trigger, a comma and then an active verb not in a relative clause open another clause, whose obliques
    are not the trigger's ("pengiriman senjata, termasuk roket, kepada Wagner" stays one phrase)."""
    commas = [k for k in range(t.last + 1, first + 1) if c.comma_before(k)]
    return bool(commas) and any(
        _verb_like(c, k) and c.tokens[k].low.startswith(("me", "ber")) and c.tokens[k - 1].low != "yang"
        for k in range(commas[0], first)
    )


def _appositive_object(c: Clause, last: int, first: int) -> bool:
    """Is the group at `first` a list of examples ("seperti", "yaitu") of a short plain noun phrase that
    is the direct object of a trigger ending at `last`?"""
    between = c.tokens[last + 1 : first]
    if not 2 <= len(between) <= APPOSITIVE_OBJECT_WORDS or between[-1].low not in c.rules.wordsets["object_examples"]:
        return False
    sets = c.rules.wordsets
    return all(
        tok.low.replace("-", "").isalpha() and not verb_shaped(tok.low) and tok.low not in sets["prepositions"]
        and tok.low not in sets["clause_stop"] and tok.low not in sets["aux"]
        for tok in between[:-1]
    ) and not any(c.comma_before(tok.i) for tok in between[:-1])


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
        if t.last < g.first <= t.last + 3 and g.prep is None:
            return g
    return None


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


_DYAD_JOIN = re.compile(r"[-\u2010\u2011]|\s*[\u2013\u2014]\s*")


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


def _summit_holder(c: Clause) -> Group | None:
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
            if s.type != "group" and not _private_nationals(c, s) and not (mutual and _private_nationals(c, o))
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
        return _pairs(agent, subject(c, t.first))
    if rule.source_prep:
        holder = subject(c, t.first)
        if holder is None and rule.target_types:
            holder = _summit_holder(c)
        return _pairs(after(c, t, rule.source_prep), holder)
    if t.voice in ("noun", "base") and (rule.symmetric or rule.reciprocal or rule.dyad):
        dyad = _hyphen_dyad(c, t)
        if dyad is not None:
            return _mutual(dyad)
    if rule.symmetric:
        between = next((g for g in c.groups if g.prep == "antara" and t.last < g.first <= t.last + 4), None)
        if between is None and t.voice == "noun":
            # "Perundingan Armenia dan Azerbaijan": a coordinated genitive of a symmetric noun
            gen = genitive(c, t)
            between = gen if gen is not None and len(gen.members) > 1 else None
        if between is not None:
            return _mutual(between)
    source: Group | None = None
    if t.voice == "noun":
        # the agent of a nominal trigger: "kunjungan … oleh X", "penolakan dari Cina"
        agents = ("oleh",) if "dari" in rule.target else ("oleh", "dari")
        source = after(c, t, agents, window=6)
        if source is None and rule.genitive == "source":
            source = genitive(c, t)
    if source is None and t.voice == "base" and rule.genitive == "source" and rule.subject == "any":
        # "perang Rusia di Suriah": the war's genitive, right after it, wages it, not whoever is named before
        gen = genitive(c, t)
        source = gen if gen is not None and gen.first == t.last + 1 and not c.comma_before(gen.first) else None
    if source is None:
        near = t.voice == "base" and rule.subject == "any"
        source = subject(c, t.first, rule.subject, noun=t.voice == "noun", near=near)
    if rule.genitive == "target" and t.voice in ("noun", "base"):
        source, target = _genitive_roles(c, t, source)
    elif "partner" in rule.target:
        target = partner(c, t)
    else:
        target = after(c, t, rule.target, skip=source)
    if target is None and (rule.symmetric or _mutual_marked(c, t)):
        return _mutual(source)
    if target is not None and target.prep == "antara":
        # "prihatin dengan perundingan antara Rusia dan Korea Utara": only a symmetric trigger
        # relates to both; anything else is aimed at the first named.
        target = Group(target.members[:1], target.first, target.last, target.prep, target.np_prep, target.np_at)
    pairs = _pairs(source, target)
    if rule.reciprocal:
        # "X bertemu dengan Y" is a meeting of both: coded in both directions, as CAMEO coders do
        pairs += [(b, a) for a, b in pairs]
    return pairs


