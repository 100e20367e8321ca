"""Event extraction from one sentence: triggers from the compiled rules, then their arguments.

Input is a sentence with its actor mentions and temporal expressions; output is one RawEvent per
(source, target) pair a trigger yields: coordinated actors give one event each, and symmetric
triggers ("perundingan antara X dan Y") give both directions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from kg.arguments import after, arguments
from kg.context import attach_dates, attribution
from kg.modality import modality
from kg.model import ActorMention, EventDate, EventMention, Sentence, Timex
from kg.rules import Rule, RuleSet
from kg.subjects import Clause, Trigger, subject
from kg.syntax import Token, build_groups, tokenize


@dataclass(frozen=True, slots=True)
class RawEvent:
    """An event as found in one sentence, before merging across the document."""

    source: ActorMention
    target: ActorMention
    cameo: str
    modality: str
    attributed_to: str | None
    date: EventDate
    mention: EventMention
    trigger_index: int  # token index, for date attachment


# ---------------------------------------------------------------- triggers


def _in_set(tokens: list[Token], i: int, name: str, rules: RuleSet) -> int | None:
    """Index of the last token of a word-set entry starting at token i, or None."""
    if tokens[i].low in rules.wordsets[name]:
        return i
    for phrase in rules.multiword[name]:
        if tuple(t.low for t in tokens[i : i + len(phrase)]) == phrase:
            return i + len(phrase) - 1
    return None


def _find_in_window(tokens: list[Token], start: int, stop: int, name: str, rules: RuleSet) -> int | None:
    for j in range(max(start, 0), min(stop, len(tokens))):
        end = _in_set(tokens, j, name, rules)
        if end is not None:
            return end
    return None


def _candidate(tokens: list[Token], i: int, rule: Rule, phrase: tuple[str, ...], voice: str, rs: RuleSet) -> Trigger | None:
    n = len(phrase)
    if tuple(t.low for t in tokens[i : i + n]) != phrase:
        return None
    head_last = i + n - 1
    if i > 0 and rule.not_after and _in_set(tokens, i - 1, rule.not_after, rs) is not None:
        return None
    if voice == "noun" and i > 0 and tokens[i - 1].low in rs.wordsets["generic"]:
        return None  # "setiap kesepakatan": a generic mention, not an event
    if rule.unless and _find_in_window(tokens, head_last + 1, head_last + 3, rule.unless, rs) is not None:
        return None
    if rule.before and _find_in_window(tokens, i - rule.before_window, i, rule.before, rs) is None:
        return None
    last = head_last
    if rule.object:
        found = _find_in_window(tokens, head_last + 1, head_last + 1 + rule.object_window, rule.object, rs)
        if found is None:
            return None
        if not rule.object_after_target:
            last = found  # the target comes after the object ("mengirim senjata ke Rusia")
    cameo = rule.cameo
    for name, code in rule.qualifiers:
        if _find_in_window(tokens, head_last + 1, head_last + 1 + rule.object_window, name, rs) is not None:
            cameo = code
            break
    return Trigger(rule, voice, i, head_last, last, cameo)


def _specificity(t: Trigger) -> tuple[int, int, int, str]:
    constrained = int(t.rule.object is not None) + int(t.rule.before is not None)
    return (t.head_last - t.first, constrained, t.rule.priority, t.rule.id)


def _threat_governor(tokens: list[Token], t: Trigger, rules: RuleSet) -> int | None:
    """ "mengancam akan melancarkan serangan": the token of the threat an attack is the content of."""
    if int(t.cameo[:2]) < 14:
        return None
    governors = rules.wordsets["threat_governors"]
    start = max(0, t.first - rules.settings["threat_window"])
    return next((j for j in range(t.first - 1, start - 1, -1) if tokens[j].low in governors), None)


def _pledge(tokens: list[Token], t: Trigger, rules: RuleSet) -> tuple[str, int] | None:
    """ "berjanji akan membela Jepang", "siap menjadi mediator": a cooperative act a few tokens after a
    pledge word is the pledge, an intent code (03x), and the token of the pledge word."""
    codes = rules.settings["pledge_codes"]
    code = codes.get(t.cameo) or codes.get(t.cameo[:2])
    if code is None:
        return None
    governors, stops = rules.wordsets["pledge_governors"], rules.wordsets["clause_stop"]
    for j in range(t.first - 1, max(-1, t.first - 1 - rules.settings["pledge_window"]), -1):
        if tokens[j].low in stops:
            return None
        if tokens[j].low in governors:
            return code, j
    return None


def find_triggers(tokens: list[Token], rules: RuleSet) -> list[Trigger]:
    """Triggers of a sentence; an attack that is only threatened is coded as the threat, a cooperative
    act only pledged as the intent."""
    out = []
    for t in _all_triggers(tokens, rules):
        governor = _threat_governor(tokens, t, rules)
        pledge = _pledge(tokens, t, rules) if governor is None else None
        if governor is not None:
            code = rules.settings["threat_codes"].get(t.cameo[:2], rules.settings["threat_cameo"])
            t = replace(t, cameo=code, governor=governor)
        elif pledge is not None:
            t = replace(t, cameo=pledge[0], governor=pledge[1])
        out.append(t)
    return out


def _all_triggers(tokens: list[Token], rules: RuleSet) -> list[Trigger]:
    triggers: list[Trigger] = []
    i = 0
    while i < len(tokens):
        options = [
            c
            for rule, phrase, voice in rules.index.get(tokens[i].low, ())
            if (c := _candidate(tokens, i, rule, phrase, voice, rules)) is not None
        ]
        if options:
            best = max(options, key=_specificity)
            triggers.append(best)
            i = best.last + 1
        else:
            i += 1
    return triggers


# ---------------------------------------------------------------- sentence


def _cooperative(t: Trigger, rules: RuleSet) -> bool:
    return (t.rule.symmetric or t.rule.reciprocal) and t.cameo[:2] in rules.settings["shared_partner_roots"]


def _hosted(c: Clause, t: Trigger, pairs: list[tuple[ActorMention, ActorMention]]) -> list[tuple[Trigger, ActorMention, ActorMention]]:
    """ "Trump dan Albanese menandatangani perjanjian di Gedung Putih": a two-sided act done in person
    at the place of one party (a capital, a seat of government) is also a visit of the other, who
    makes it (042), and the host's hosting of it (043)."""
    if not pairs or t.cameo[:2] not in c.rules.settings["hosted_roots"] or not (t.rule.symmetric or t.rule.reciprocal):
        return []
    place = after(c, t, ("di",), window=c.rules.settings["hosted_window"])
    if place is None or place.prep != "di" or len({m.code for m in place.members}) != 1:
        return []
    host = place.members[0].code
    out: list[tuple[Trigger, ActorMention, ActorMention]] = []
    for source, target in pairs:
        if target.code == host and source.code != host and not any(s is source for _, s, _ in out):
            out.append((replace(t, cameo="042"), source, target))
            out.append((replace(t, cameo="043"), target, source))
    return out


def _shared_partner(
    c: Clause, t: Trigger, before: Trigger, pairs: list[tuple[ActorMention, ActorMention]]
) -> list[tuple[ActorMention, ActorMention]]:
    """ "X bertemu Y dan menandatangani perjanjian", "X mengunjungi Y dan …": a two-sided act
    coordinated after a cooperative act of the same subject, naming no partner of its own, is done
    with the partner of the first. Nothing but a coordinating word (and no other actor, no new
    clause) may stand between them."""
    if not _cooperative(t, c.rules) or t.voice == "passive" or t.rule.source_prep:
        return []
    between = c.tokens[before.last + 1 : t.first]
    if not any(tok.low in c.rules.wordsets["verb_coordination"] for tok in between) \
            or any(tok.low in c.rules.wordsets["clause_stop"] for tok in between):
        return []
    partners = {id(o) for _, o in pairs}
    if any(before.last < g.first < t.first and not any(id(m) in partners for m in g.members) for g in c.groups):
        return []
    subj = subject(c, t.first, t.rule.subject, noun=t.voice == "noun")
    if subj is None:
        return []
    mine = {id(m) for m in subj.members}
    out = [(s, o) for s, o in pairs if id(s) in mine]
    return out + [(o, s) for s, o in out if (o, s) not in out]


def _split_clitics(tokens: list[Token], mentions: Sequence[ActorMention]) -> list[Token]:
    """A mention that starts inside a word (the pronoun "-nya" of "meneleponnya", kg/anaphora.py
    clitics) makes that word two tokens, the verb and the pronoun."""
    starts = {m.start for m in mentions}
    if not any(t.start < s < t.end for t in tokens for s in starts):
        return tokens
    out: list[Token] = []
    for t in tokens:
        cut = next((s for s in starts if t.start < s < t.end), None)
        if cut is None:
            out.append(Token(len(out), t.text, t.low, t.start, t.end))
            continue
        k = cut - t.start
        out.append(Token(len(out), t.text[:k], t.low[:k], t.start, cut))
        out.append(Token(len(out), t.text[k:], t.low[k:], cut, t.end))
    return out


def extract_sentence(
    sentence: Sentence,
    mentions: list[ActorMention],
    timexes: Sequence[Timex],
    rules: RuleSet,
    modality_data: dict[str, object],
) -> list[RawEvent]:
    tokens = _split_clitics(tokenize(sentence.text, sentence.start), mentions)
    if len(mentions) < 1 or not tokens:
        return []
    clause = Clause(tokens, build_groups(tokens, mentions, sentence.text, sentence.start, rules.wordsets), rules,
                    sentence.text, sentence.start)
    found: list[tuple[Trigger, ActorMention, ActorMention]] = []
    shared: tuple[Trigger, list[tuple[ActorMention, ActorMention]]] | None = None
    for trig in find_triggers(tokens, rules):
        pairs = arguments(clause, trig)
        if not pairs and shared is not None:
            pairs = _shared_partner(clause, trig, *shared)
        if pairs and trig.cameo[:2] in rules.settings["shared_partner_roots"]:
            shared = (trig, pairs)
        for source, target in pairs:
            if source.code != target.code:
                found.append((trig, source, target))
                if trig.rule.converse:
                    # "Jokowi menerima kunjungan Dubes AS": hosting a visit is also the guest's visit
                    found.append((replace(trig, cameo=trig.rule.converse), target, source))
        found.extend(_hosted(clause, trig, pairs))
    if not found:
        return []
    modalities = [
        modality(clause, trig, modality_data, parties_inside=min(src.start, tgt.start) > tokens[trig.first].start)
        for trig, src, tgt in found
    ]
    dates = attach_dates(clause, [(trig, src) for trig, src, _ in found], timexes, modalities)
    events = []
    for n, (trig, source, target) in enumerate(found):
        start_char, end_char = tokens[trig.first].start, tokens[trig.last].end
        mention = EventMention(
            sentence=sentence.text,
            sentence_index=sentence.index,
            start=sentence.start,
            end=sentence.end,
            trigger=sentence.text[start_char - sentence.start : end_char - sentence.start],
            rule=trig.rule.id,
            trigger_start=start_char,
            trigger_end=end_char,
            source_text=source.text,
            target_text=target.text,
        )
        events.append(
            RawEvent(
                source=source,
                target=target,
                cameo=trig.cameo,
                modality=modalities[n],
                attributed_to=attribution(clause, trig),
                date=dates[n],
                mention=mention,
                trigger_index=trig.first,
            )
        )
    return events
