"""The clause a trigger stands in, and the search for the actor it is predicated of (its subject).

Indonesian word order is SVO: the subject of a trigger is the nearest actor to its left not governed by a
preposition, or the clause-chain subject when the clause opens with "dan"/"sambil"…, the head of a
relative clause ("Wagner yang didukung …"), or the main clause's subject after a fronted "Setelah …,"
clause. kg/arguments.py finds the other arguments and assembles the (source, target) pairs.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    governor: int | None = None  # token of "mengancam" ("berjanji") when the trigger is the content of a threat (pledge)


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


def verb_like(c: Clause, j: int) -> bool:
    low = c.tokens[j].low
    return verb_shaped(low) and low not in c.rules.wordsets["aux"]


def main_subject(c: Clause, i: int) -> Group | None:
    """The subject of the clause chain a trigger at token i continues: the first actor not governed by
    a preposition that stands before the chain's first verb."""
    start = _region_start(c, i)
    in_group = {k for g in c.groups for k in range(g.first, g.last + 1)}
    first_verb = next((j for j in range(start, i) if j not in in_group and verb_like(c, j)), i)
    for g in c.groups:
        if g.first >= start and g.last < first_verb and g.prep is None:
            return g
    return None


def subject(c: Clause, i: int, mode: str = "nearest", noun: bool = False, near: bool = False) -> Group | None:
    """The actor a trigger at token i is predicated of.

    A nominal trigger takes its subject from close by and never across "bahwa"; a verb may reach
    back over a complement clause ("AS mengatakan bahwa akan mengirim …").
    """
    settings = c.rules.settings
    j = _skip_aux_back(c, i)
    if noun:
        j = _past_message_nouns(c, j)
    # A noun after a support verb ("melangsungkan pertemuan") takes that verb's subject, as far away
    # as a verb's; after a frame word ("dalam kunjungannya") it stays close.
    verbal = noun and j >= 0 and c.tokens[j].low in c.rules.wordsets["noun_frames"] and verb_like(c, j)
    window = settings["noun_subject_window" if noun and not verbal else "subject_window"]
    if near and j >= 0 and not verb_like(c, j):
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
    if not noun and j >= 0 and c.tokens[j].low in c.rules.wordsets["fronted_subordinators"] and mode != "any":
        if _opens_clause(c, j):
            return _subject_after_subordinate_clause(c, i)
        main = main_subject(c, i)
        if main is not None:
            return main
    if not noun and _reported_clause_start(c, j):
        return None  # "UNHCR mengungkapkan, Jolie mengunjungi …": the subject is after the comma, unknown
    if not noun and c.comma_before(j + 1):
        head = _head_of_aside(c, j)
        if head is not None:
            return head
    if not noun and _pronoun_subject_between(c, j):
        return None  # "… sebab mereka sebelumnya bekerja sama dengan …": an unresolved pronoun is the subject
    possessed = noun and c.tokens[i].low.endswith("nya")
    if noun and mode != "any" and j >= 0 and not _framed(c, j) and not possessed:
        return None  # "mengganggu perundingan": a noun after an ordinary verb has no subject of its own
    for g in reversed(c.groups):
        if g.last < i and g.first >= floor and i - g.last <= window and (mode == "any" or _subject_like(c, g) or _bloc_of_members(c, g)):
            if not noun and (_main_clause_has_own_subject(c, g, i) or _complement_has_own_subject(c, g, i)):
                return None
            if not noun and _in_fronted_clause(c, g, i):
                return None  # "Setelah menyoroti isu Palestina, [someone unknown] menyatakan …"
            if not noun and _own_subject_after_bahwa(c, g.last, j):
                return None  # "Tokyo menyatakan bahwa patroli bersama itu tidak dimaksudkan untuk mengancam …"
            if not noun and g.last + 1 < j and c.tokens[g.last + 1].low == "yang" and not c.comma_before(g.last + 1):
                # a later verb of a relative clause ("… Y yang juga mengirim pasukan untuk memerangi …")
                # is about what the clause is about
                return _antecedent(c, g.last + 1)
            controller = _purpose_controller(c, g, i, mode)
            if controller is not None:
                return controller if controller is not g else None
            return None if _noun_genitive(c, g) else _past_relative_agent(c, g)
    if not noun:
        return _main_subject_after_fronted_clause(c, i)
    return None


def _pronoun_subject_between(c: Clause, j: int) -> bool:
    """Is there, between the trigger's auxiliaries (ending at token j) and the nearest actor before
    them, a personal pronoun no actor was found for that opens its clause? It is the subject."""
    pronouns = c.rules.wordsets["subject_pronouns"]
    openers = c.rules.wordsets["clause_openers"] | c.rules.wordsets["carry"] | c.rules.wordsets["clause_stop"]
    for k in range(j, max(-1, j - 6), -1):
        if group_at(c.groups, k) is not None:
            return False
        if c.tokens[k].low in pronouns:
            return k == 0 or c.comma_before(k) or c.tokens[k - 1].low in openers
    return False


def _in_fronted_clause(c: Clause, g: Group, i: int) -> bool:
    """Does group g stand inside a fronted subordinate clause ("Setelah bertemu X, …", "Selain
    menyoroti isu X, …") that a comma closes before the verb at token i? It is that clause's object,
    not the main clause's subject, which comes right after the comma."""
    fronted = c.rules.wordsets["fronted_subordinators"]
    k = 1 if len(c.tokens) > 1 and c.tokens[0].low in c.rules.wordsets["carry"] and c.tokens[0].low not in fronted else 0
    if k >= len(c.tokens) - 1 or c.tokens[k].low not in fronted or g.first <= k:
        return False
    if not verb_shaped(c.tokens[k + 1].low):
        return False  # "Saat ini Rusia …": no clause of its own
    comma = next((m for m in range(k + 1, len(c.tokens)) if c.comma_before(m)), None)
    return comma is not None and g.last < comma <= i


def _own_subject_after_bahwa(c: Clause, last: int, j: int) -> bool:
    """Does the complement clause (after "bahwa" or right after a verb of saying) between an actor
    ending at token `last` and a verb (its auxiliaries end at token j) name a subject of its own that
    the lexicon does not know ("bahwa patroli bersama itu tidak dimaksudkan untuk mengancam …", "menyebut
    beberapa negara telah menawarkan …")? A pronoun, a "-nya" word or a bare title ("bahwa negaranya
    akan …", "bahwa presiden akan …") stands for the actor before it."""
    b = next((k for k in range(j, last, -1) if c.tokens[k].low == "bahwa" or _is_reporting(c, k)), None)
    if b is None or b + 1 > j:
        return False
    sets = c.rules.wordsets
    head = c.tokens[b + 1]
    if head.low in sets["aux"] or verb_like(c, head.i) or not head.low.isalpha() or head.text[:1].isupper():
        return False
    if head.low in sets["prepositions"]:
        return False  # "bahwa pada Senin akan mengirim …": an adverbial, no subject
    if any(c.comma_before(k) for k in range(b + 2, j + 2)):
        return False  # "menyatakan sikap mereka, memberikan …": the object of the verb of saying, then a new verb
    return not (head.low.endswith("nya") or head.low in sets["subject_pronouns"] or head.low in sets["own_subject_nouns"])


def _noun_genitive(c: Clause, g: Group) -> bool:
    """ "kaum loyalis Iran mendukung …", "caucus Palestina … menolak …": an actor that only names whom
    the followers or the caucus before it stand with is not the subject of a later verb; the followers
    are, and the lexicon does not know them."""
    k = g.first - 1
    if k < 0 or c.comma_before(g.first) or c.tokens[g.first].start < g.members[0].start:
        return False  # a name starting inside a token ("pro-Iran") is no genitive of the word before
    return c.tokens[k].low in c.rules.wordsets["follower_nouns"]


def _past_relative_agent(c: Clause, g: Group) -> Group | None:
    """ "Milisi Sudan yang didukung pasukan Chad melancarkan serangan …": the agent of a passive
    relative clause ("yang didukung [oleh] X") is not the subject of a verb after that clause; the
    clause's head is (or nobody the lexicon knows: "milisi yang didukung Iran menyerang …")."""
    k = g.first - 1
    if k >= 0 and c.tokens[k].low == "oleh":
        k -= 1
    if k < 1 or c.tokens[k - 1].low != "yang" or not (c.tokens[k].low.startswith("di") and verb_shaped(c.tokens[k].low)):
        return g
    head = next((h for h in c.groups if h.last == k - 2), None)
    return head if head is not None and _subject_like(c, head) else None


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
    if any(k < g.first and g.last < i and _subject_like(c, g) for g in c.groups):
        return None  # the fronted clause names its own subject
    start = c.tokens[comma].start
    return next((g for g in c.groups if g.members[0].start == start and _subject_like(c, g)), None)


def fronted_noun_subject(c: Clause, i: int) -> Group | None:
    """ "Dalam pertemuan dengan Duterte, Jokowi …", "Usai kunjungan ke Jepang, Menlu Retno …": a meeting
    or visit noun (token i) right after the frame word opening a fronted phrase (at the start of the
    sentence or after a comma: "Ia mengatakan, dalam dialog dengan X, Y …") is the act of the main
    clause's subject, the actor right after the comma that ends the phrase. Place names set off by
    commas may come first ("… di Trump Tower, New York, Trump …")."""
    frames = c.rules.wordsets["fronted_subordinators"] | c.rules.wordsets["fronted_noun_frames"]
    k = i - 1
    if k < 0 or c.tokens[k].low not in frames:
        return None
    opens = k == 0 or c.comma_before(k) or (k == 1 and c.tokens[0].low in c.rules.wordsets["carry"])
    if not opens:
        return None
    commas = [j for j in range(i + 1, len(c.tokens)) if c.comma_before(j)]
    for n, comma in enumerate(commas):
        start = c.tokens[comma].start
        g = next((g for g in c.groups if g.members[0].start == start), None)
        if g is not None:
            return g if _subject_like(c, g) else None
        end = commas[n + 1] if n + 1 < len(commas) else len(c.tokens)
        if any(verb_like(c, m) for m in range(comma, end)):
            return None  # the main clause starts with a subject that is no actor
    return None


def _purpose_controller(c: Clause, g: Group, i: int, mode: str) -> Group | None:
    """ "Jokowi meninggalkan Bangladesh untuk melanjutkan kunjungan ke Afghanistan": the object of a verb
    is not the subject of a purpose clause ("untuk", "guna") after it; that verb's subject is. Verbs of
    appeal and command pass the clause to their object ("mendesak Israel untuk menghentikan …"). Returns
    the controller, g itself when the verb has none, or None when g is no such object."""
    v = g.first - 1
    if v < 0 or c.comma_before(g.first) or not verb_like(c, v) or not c.tokens[v].low.startswith("me"):
        return None
    if c.tokens[v].low in c.rules.wordsets["object_control"]:
        return None
    if not any(c.tokens[k].low in c.rules.wordsets["purpose"] for k in range(g.last + 1, i)):
        return None
    if any(c.comma_before(k) or c.tokens[k].low in c.rules.wordsets["clause_stop"] for k in range(g.last + 1, i + 1)):
        return None
    return subject(c, v, mode) or g


def _complement_has_own_subject(c: Clause, g: Group, i: int) -> bool:
    """ "Trump mengisyaratkan bahwa beberapa negara … telah menawarkan pengiriman pasukan": a complement
    clause that opens with a quantified noun phrase has a subject of its own (one the lexicon does not
    know); the speaker before "bahwa" is not it. ("bahwa negaranya akan …", "bahwa presiden akan …"
    may well be the speaker's own side.)"""
    b = next((k for k in range(i - 1, g.last, -1) if c.tokens[k].low == "bahwa"), None)
    if b is None or b + 1 >= i or group_at(c.groups, b + 1) is not None:
        return False
    return c.tokens[b + 1].low in c.rules.wordsets["quantifiers"]


def _main_clause_has_own_subject(c: Clause, g: Group, i: int) -> bool:
    """ "Ketika pasukan X menyerbu Y, Z mendukung …": an actor inside a fronted subordinate clause is
    not the subject of a verb of the main clause when words other than auxiliaries stand between the
    clause's comma and the verb: they are the main clause's own subject, one the lexicon does not know."""
    fronted = c.rules.wordsets["fronted_subordinators"]
    k = 1 if len(c.tokens) > 1 and c.tokens[0].low in c.rules.wordsets["carry"] and c.tokens[0].low not in fronted else 0
    if k >= len(c.tokens) or c.tokens[k].low not in fronted:
        return False
    comma = next((j for j in range(k + 1, i + 1) if c.comma_before(j)), None)
    if comma is None or g.last >= comma:
        return False
    aux = c.rules.wordsets["aux"]
    return any(c.tokens[j].low not in aux for j in range(comma, _skip_aux_back(c, i) + 1))


def _opens_clause(c: Clause, k: int) -> bool:
    return k == 0 or c.comma_before(k) or c.tokens[k - 1].low in c.rules.wordsets["clause_stop"]


def _subject_after_subordinate_clause(c: Clause, i: int) -> Group | None:
    """A verb right after "saat"/"ketika"/"setelah" … has no subject of its own. When the subordinate
    clause opens its clause and a comma closes it ("…, karena, saat ditangkap di Vietnam, pria itu …"),
    it shares the subject of the clause after that comma (or nobody the lexicon knows). After its main
    clause ("Jokowi bertemu PM Malaysia saat mengunjungi …") it shares the main clause's subject, never
    the object right before it (see `subject`)."""
    comma = next((m for m in range(i + 1, len(c.tokens)) if c.comma_before(m)), None)
    if comma is None:
        return None
    start = c.tokens[comma].start
    return next((g for g in c.groups if g.members[0].start == start and _subject_like(c, g)), None)


def _head_of_aside(c: Clause, j: int) -> Group | None:
    """ "Presiden Turki Erdogan, yang berupaya … warga Turki …, menuduh …": a verb right after a
    relative clause set off by commas (ending at token j) is predicated of the actor before it."""
    for k in range(j, max(0, j - 30), -1):
        if c.tokens[k].low == "bahwa":
            return None
        if c.tokens[k].low == "yang" and c.comma_before(k):
            head = next((g for g in c.groups if g.last == k - 1), None)
            return head if head is not None and _subject_like(c, head) else None
    return None


RELATIVE_NAMING_REACH = 5  # tokens from "yang" to the word that names what a plain noun stands for


def _named_after_clause(c: Clause, j: int) -> Group | None:
    """ "Negara yang telah disuratinya, yakni Chili, Peru dan Meksiko": a plain noun with a passive
    relative clause, renamed right after the clause by an apposition or copula word and a list of actors, is
    those actors."""
    if j < 1 or not c.tokens[j - 1].low.replace("-", "").isalpha() or group_at(c.groups, j - 1) is not None:
        return None
    verb = next((k for k in range(j + 1, len(c.tokens)) if c.tokens[k].low not in c.rules.wordsets["aux"]), None)
    if verb is None or not (c.tokens[verb].low.startswith("di") and verb_shaped(c.tokens[verb].low)):
        return None  # a passive clause only: an active one's list may name its subject ("mitra yang hadir, yakni …")
    words = c.rules.wordsets["apposition"] | c.rules.wordsets["copula"]
    stops = c.rules.wordsets["clause_stop"]
    for k in range(j + 1, min(len(c.tokens) - 1, j + 1 + RELATIVE_NAMING_REACH)):
        low = c.tokens[k].low
        if low in stops or c.comma_before(k) and low not in words:
            return None
        if low in words:
            return next((g for g in c.groups if g.first == k + 1 and g.prep is None), None)
    return None


def _antecedent(c: Clause, j: int) -> Group | None:
    """What a relative clause "yang …" at token j is about: the actor right before it, or the subject of
    a copula ("Ghana adalah salah satu negara awal yang mendukung Kosovo")."""
    direct = next((g for g in c.groups if g.last == j - 1), None)
    if direct is not None and direct.prep in c.rules.wordsets["owning_prepositions"] and direct.first >= 2:
        # "duta besarnya untuk PBB yang mendukung …": the clause is about the noun phrase the
        # preposition completes, whose actor (if any) stands before it
        return next((g for g in c.groups if g.last == direct.first - 2 and g.prep is None), None)
    copula = c.rules.wordsets["copula"]
    if direct is not None and direct.prep is None and not c.comma_before(direct.first):
        # "Rusia adalah salah satu sekutu terdekat Presiden Venezuela yang juga mengirimkan …": a relative
        # clause after the genitive of a copula's predicate noun is about the predicate, that is, the
        # copula's subject
        sets = c.rules.wordsets
        for k in range(direct.first - 1, max(-1, direct.first - 6), -1):
            tok = c.tokens[k]
            if tok.low in copula and k < direct.first - 1:
                subject_of_copula = next((g for g in reversed(c.groups) if g.last < k and g.prep is None), None)
                return subject_of_copula or direct
            superlative = tok.low.startswith("ter")  # "sekutu terdekat"
            if not tok.low.replace("-", "").isalpha() or verb_shaped(tok.low) and not superlative or tok.text[:1].isupper() \
                    or tok.low in sets["prepositions"] or tok.low in sets["aux"] or c.comma_before(k + 1):
                break
    if direct is not None:
        return direct
    named = _named_after_clause(c, j)
    if named is not None:
        return named
    for k in range(j - 1, max(-1, j - 8), -1):
        if c.tokens[k].low in copula:
            return next((g for g in reversed(c.groups) if g.last < k and g.prep is None), None)
    return None


def _past_message_nouns(c: Clause, j: int) -> int:
    """ "menyampaikan ucapan belasungkawa", "mengirimkan surat tanda belasungkawa": up to two nouns
    that carry the message (wordset message_nouns) between a support verb and a nominal trigger are
    passed over, so the trigger takes the verb's subject; without such a verb j stays."""
    k = j
    while k >= 0 and j - k < 2 and c.tokens[k].low in c.rules.wordsets["message_nouns"]:
        k -= 1
    if k < j and k >= 0 and c.tokens[k].low in c.rules.wordsets["noun_frames"] and verb_like(c, k):
        return k
    return j


def _framed(c: Clause, j: int) -> bool:
    """A nominal trigger takes a subject only after a support verb or frame word ("melakukan
    pengiriman", "dalam kunjungannya"); Indonesian genitives follow the noun, so an actor right
    before it ("… Republik Korea), KTT …") is not its subject."""
    return c.tokens[j].low in c.rules.wordsets["noun_frames"]


def _bloc_of_members(c: Clause, g: Group) -> bool:
    """ "Negara-negara yang tergabung dalam Liga Arab, mendesak …": members named only by the bloc
    they belong to act as that bloc."""
    k = g.first - 1  # the preposition
    return g.prep == "dalam" and k >= 2 and c.tokens[k - 1].low in c.rules.wordsets["membership_verbs"] \
        and c.tokens[k - 2].low == "yang"


def _subject_like(c: Clause, g: Group) -> bool:
    return g.prep in (None, "oleh") and g.np_prep not in c.rules.wordsets["oblique_prepositions"]
