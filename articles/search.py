"""The site's article search: cleaning what readers type, running Wagtail
search, and highlighting the words they looked for in each result.

Wagtail's database backend uses PostgreSQL full-text search on PostgreSQL
and its own matcher on SQLite; neither returns highlighted excerpts, so the
excerpt is cut and marked up here from the text Wagtail indexes."""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Longer queries are cut: nobody types more, and the backends' work grows
# with every term.
MAX_QUERY_LENGTH = 100
MAX_TERMS = 8
EXCERPT_LENGTH = 220


def clean_query(raw):
    """What a reader typed, made safe to search for.

    Control characters (PostgreSQL refuses NUL bytes) are dropped, runs of
    whitespace become one space, and the result is cut to MAX_QUERY_LENGTH."""
    text = "".join(
        " " if char.isspace() else char
        for char in str(raw or "")
        if char.isspace() or unicodedata.category(char)[0] != "C"
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def query_terms(query):
    """The distinct words of a query, lower-cased, in the order typed."""
    terms = []
    for word in re.findall(r"\w+", query.lower()):
        if word not in terms:
            terms.append(word)
    return terms[:MAX_TERMS]


def search_articles(articles, query):
    """Wagtail search over `articles` (a page queryset), best match first.

    A query without a single word (only punctuation, say) finds nothing
    rather than reaching the backend, whose query parsers differ on it."""
    if not query_terms(query):
        return articles.none()
    return articles.search(query)


@dataclass
class SearchHit:
    """One search result as the results page shows it."""

    article: object
    title: SafeString
    excerpt: SafeString


def build_hits(articles, terms):
    """Wrap each article with its highlighted title and excerpt."""
    return [
        SearchHit(
            article=article,
            title=highlight(article.title, terms),
            excerpt=highlight(excerpt(searchable_text(article), terms), terms),
        )
        for article in articles
    ]


def searchable_text(article):
    """The article's excerpt and body as plain text, as the index holds it."""
    body_field = type(article)._meta.get_field("body")
    parts = [article.intro, *body_field.get_searchable_content(article.body)]
    return " ".join(" ".join(parts).split())


def _term_pattern(terms):
    # A term also matches longer words it starts ("bridge" in "bridges"),
    # close to what full-text stemming finds.
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=len)[::-1])
    return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE)


def excerpt(text, terms, length=EXCERPT_LENGTH):
    """About `length` characters of `text` around the first matching word,
    cut at word boundaries, with an ellipsis where text was left out."""
    if len(text) <= length:
        return text
    match = _term_pattern(terms).search(text) if terms else None
    start = max(0, match.start() - length // 3) if match else 0
    if start:
        # Start at a word, not in the middle of one.
        space = text.find(" ", start, match.start())
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return f"{'… ' if start else ''}{text[start:end]}{' …' if end < len(text) else ''}"


def highlight(text, terms):
    """`text` escaped, with each matching word wrapped in <mark>."""
    if not terms:
        return escape(text)
    pieces, position = [], 0
    for match in _term_pattern(terms).finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above
