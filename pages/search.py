"""Procedure search: relevance-ranked, accent-insensitive, tolerant of typos, with synonyms.

On PostgreSQL a procedure's score adds two parts:

- Wagtail's full-text rank (the `french_unaccent` text search configuration: stemmed, accents
  folded; titles weigh more than the other fields);
- the pg_trgm word similarity of the query with the title, which finds partial words
  ("passep") and typos ("pasport").

Each query is also run in the variants allowed by the collectivity's synonyms ("CNI" →
"carte nationale d'identité"). Other databases (the SQLite demo) use Wagtail's search and a
plain comparison of the words of the titles. Two SQL queries in every case.
"""

import difflib
from collections.abc import Iterable

from django.contrib.postgres.lookups import Unaccent
from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connections
from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Greatest
from wagtail.search.query import Or, PlainText

from commune_sites.normalize import fold_words

from .models.synonyms import SearchSynonym, fold

MAX_VARIANTS = 8
TRIGRAM_THRESHOLD = 0.4
# Shorter words ("de", "la") would match most titles by similarity.
MIN_SIMILAR_WORD = 3
# Partial-word and typo matching of the fallback.
FALLBACK_SIMILARITY = 0.75


def query_variants(query: str, synonyms: Iterable[SearchSynonym]) -> list[str]:
    """The folded query, then its rewrites by synonyms of whole words or phrases."""
    folded = fold(query)
    if not folded:
        return []
    variants = [folded]
    padded = f" {folded} "
    for synonym in synonyms:
        for phrase, replacement in synonym.rewrites():
            if f" {phrase} " in padded:
                variant = padded.replace(f" {phrase} ", f" {replacement} ").strip()
                if variant not in variants:
                    variants.append(variant)
    return variants[:MAX_VARIANTS]


def procedure_search(
    *, searchable: QuerySet, listing: QuerySet, query: str, synonyms: Iterable[SearchSynonym]
) -> list:
    """The procedures of `listing` that match `query`, best first.

    `searchable` is a plain queryset of the same procedures that Wagtail's search accepts
    (filters on indexed fields only); `listing` may filter further and fetch related rows.
    """
    variants = query_variants(query, synonyms)
    if not variants:
        return []
    fulltext = _fulltext_scores(searchable, variants)
    if connections[listing.db].vendor == "postgresql":
        scored = _with_title_similarity(listing, variants, fulltext)
    else:
        scored = _with_fallback_title_score(listing, variants, fulltext)
    return [page for _score, page in sorted(scored, key=lambda pair: (-pair[0], pair[1].title))]


def _fulltext_scores(queryset: QuerySet, variants: list[str]) -> dict[int, float]:
    """Full-text ranks scaled to 0–1 (backends rank on different scales)."""
    terms = [PlainText(variant, operator="and") for variant in variants]
    search_query = terms[0] if len(terms) == 1 else Or(terms)
    results = queryset.only("pk").search(search_query).annotate_score("_score")
    ranks = {page.pk: abs(page._score or 0.0) for page in results}
    best = max(ranks.values(), default=0.0) or 1.0
    return {pk: rank / best for pk, rank in ranks.items()}


def _similar_words(variant: str) -> str:
    return " ".join(word for word in variant.split() if len(word) >= MIN_SIMILAR_WORD)


def _with_title_similarity(listing: QuerySet, variants: list[str], fulltext: dict[int, float]):
    """(score, page) of the full-text matches and of the pages with a similar title."""
    texts = sorted({_similar_words(variant) for variant in variants} - {""})
    if texts:
        title = Unaccent(F("title"))
        similarities = [TrigramWordSimilarity(Value(text), title) for text in texts]
        similarity = similarities[0] if len(similarities) == 1 else Greatest(*similarities)
        pages = listing.annotate(title_similarity=similarity).filter(
            Q(title_similarity__gte=TRIGRAM_THRESHOLD) | Q(pk__in=list(fulltext))
        )
    else:
        pages = listing.filter(pk__in=list(fulltext))
    return [(fulltext.get(page.pk, 0.0) + _similarity_or_zero(page), page) for page in pages]


def _similarity_or_zero(page) -> float:
    similarity = getattr(page, "title_similarity", 0.0) or 0.0
    return similarity if similarity >= TRIGRAM_THRESHOLD else 0.0


def _with_fallback_title_score(listing: QuerySet, variants: list[str], fulltext: dict[int, float]):
    """Share of the query's words found at the start of, or close to, a word of the title."""
    scored = []
    for page in listing:
        title_words = fold_words(page.title)
        similarity = max(_words_found(variant.split(), title_words) for variant in variants)
        if similarity or page.pk in fulltext:
            scored.append((fulltext.get(page.pk, 0.0) + similarity, page))
    return scored


def _words_found(words: list[str], title_words: list[str]) -> float:
    """1.0 when every word is found in the title, else 0.0."""
    return float(
        all(
            any(
                candidate.startswith(word)
                or difflib.SequenceMatcher(None, word, candidate).ratio() >= FALLBACK_SIMILARITY
                for candidate in title_words
            )
            for word in words
        )
    )
