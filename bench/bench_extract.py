"""Extraction throughput (words/s on one core) against dateparser's date search alone.

The baseline is `dateparser.search.search_dates(text, languages=['id'])`, timed on an evenly
spread sample of articles and extrapolated per word to the whole corpus; kg's whole extraction
(clean, split, actors, dates, events, merge) runs over every article. Target: kg >= 5x faster.

    python bench/bench_extract.py [--limit N] [--sample 300] [--record]
"""

from __future__ import annotations

import time
from itertools import islice

from common import base_parser, report, require_corpus, script_command, table

from kg.model import Document
from kg.pipeline import default_resources, process_document
from kg.read import iter_documents

TARGET = 5.0


def words(doc: Document) -> int:
    return len(doc.text.split())


def extract_seconds(docs: list[Document]) -> tuple[float, int]:
    """CPU seconds of process_document over docs (resources loaded before), and events found."""
    res = default_resources(None)
    events = 0
    t0 = time.process_time()
    for doc in docs:
        events += len(process_document(doc, res).events)
    return time.process_time() - t0, events


def dateparser_seconds(docs: list[Document]) -> float:
    from dateparser.search import search_dates

    search_dates("3 Maret 2024", languages=["id"])  # load its language data outside the timing
    t0 = time.process_time()
    for doc in docs:
        search_dates(doc.text, languages=["id"])
    return time.process_time() - t0


def main() -> None:
    parser = base_parser(__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--sample", type=int, default=300, help="articles timed with dateparser (spread evenly)")
    args = parser.parse_args()
    docs = [d for d in islice(iter_documents([require_corpus()]), args.limit) if isinstance(d, Document)]
    step = max(1, len(docs) // max(1, args.sample))
    sample = docs[::step][: args.sample]
    n_words, sample_words = sum(map(words, docs)), sum(map(words, sample))

    kg_all, events = extract_seconds(docs)
    kg_sample, _ = extract_seconds(sample)
    dp_sample = dateparser_seconds(sample)
    dp_all = dp_sample / sample_words * n_words  # extrapolated per word

    rows = [
        ["kg extraction, all articles", len(docs), n_words, round(kg_all, 1), round(n_words / kg_all), "1.00x"],
        ["kg extraction, sample", len(sample), sample_words, round(kg_sample, 2), round(sample_words / kg_sample),
         "1.00x"],
        ["dateparser search_dates, sample", len(sample), sample_words, round(dp_sample, 2),
         round(sample_words / dp_sample), f"{dp_sample / kg_sample:.1f}x"],
        ["dateparser, extrapolated to all", len(docs), n_words, round(dp_all, 1), round(n_words / dp_all),
         f"{dp_all / kg_all:.1f}x"],
    ]
    ratio_all, ratio_sample = dp_all / kg_all, dp_sample / kg_sample
    body = "\n".join([
        table(["run", "articles", "words", "CPU s", "words/s per core", "time / kg time"], rows),
        "",
        (f"* kg found {events:,} events; one core extracts {n_words / kg_all:,.0f} words/s "
         f"({len(docs) / kg_all:,.1f} articles/s)"),
        (f"* kg extraction is {ratio_all:.1f}x faster than dateparser's date search alone "
         f"(whole corpus, extrapolated per word); {ratio_sample:.1f}x on the same {len(sample)} articles"),
        f"* target >= {TARGET:.0f}x: {'met' if min(ratio_all, ratio_sample) >= TARGET else 'NOT met'}",
    ])
    report("bench_extract: extraction throughput vs dateparser", script_command(), body, args.record)


if __name__ == "__main__":
    main()
