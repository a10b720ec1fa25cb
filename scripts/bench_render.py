"""Part 1 of `make bench`: render times, inside Django (run by scripts/bench.py).

For each comment count, the demo article's discussion is replaced by a
generated one (comments.synthetic: anonymous readers, the author and a
moderator, replies mixed in), then timed three ways on the same comments:

- ours: the whole article page through the project's view (page cache off),
  showing the first page of threads, as readers get it;
- ours, one page: the same with paging off, every comment on one page;
- stock: django-comments-xtd's `render_xtdcomment_tree` tag in a minimal
  template, the way its documentation shows.

Prints one JSON document on stdout."""

import json
import math
import os
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(BASE_DIR), str(BASE_DIR / "scripts")]

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import AnonymousUser, Group  # noqa: E402
from django.db import connection  # noqa: E402
from django.template import engines  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from articles.models import ArticlePage  # noqa: E402
from comments.demo import ARTICLE_SLUG  # noqa: E402
from comments.models import ReaderComment  # noqa: E402
from comments.synthetic import build_discussion  # noqa: E402

STOCK_TEMPLATE = (
    "{% load comments_xtd %}<!DOCTYPE html><title>{{ article.title }}</title>"
    "{% render_xtdcomment_tree for article %}"
)
ONE_PAGE = {
    "COMMENTS_THREADS_PER_PAGE": 10**6,
    "COMMENTS_PAGE_MAX_COMMENTS": 10**6,
    "COMMENTS_PAGE_MAX_CHARS": 10**9,
}


def p95(samples):
    """Nearest-rank 95th percentile."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


class QueryCounter:
    """Counts SQL statements (the test client resets Django's query log at
    each request, so CaptureQueriesContext would see none)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def timed(renderers, runs):
    """Render each once to warm up and count queries, then `runs` rounds in
    which every renderer renders once, interleaved, so a busy machine slows
    them all alike."""
    results, samples = {}, {name: [] for name in renderers}
    for name, render in renderers.items():
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            size = len(render())
        results[name] = {"queries": counter.count, "bytes": size, "runs": runs}
    for _ in range(runs):
        for name, render in renderers.items():
            start = time.perf_counter()
            render()
            samples[name].append((time.perf_counter() - start) * 1000)
    for name, times in samples.items():
        results[name]["median_ms"] = round(statistics.median(times), 2)
        results[name]["p95_ms"] = round(p95(times), 2)
    return results


def people(article):
    """The article's author account and a moderator, as in production."""
    moderator, _ = get_user_model().objects.get_or_create(
        username="bench-moderator",
        defaults={"email": "moderator@example.com", "first_name": "Mo"},
    )
    moderator.groups.add(Group.objects.get(name="Moderators"))
    return article.author.user, moderator


def main(counts, runs, keep):
    override_settings(ROOT_URLCONF="bench_urls").enable()
    article = ArticlePage.objects.live().get(slug=ARTICLE_SLUG)
    author_user, moderator = people(article)
    client = Client()
    stock = engines["django"].from_string(STOCK_TEMPLATE)
    request = RequestFactory().get(article.url)
    request.user = AnonymousUser()

    def ours():
        response = client.get(article.url)
        if response.status_code != 200:
            raise RuntimeError(f"the article answered {response.status_code}")
        return response.content

    def ours_one_page():
        with override_settings(**ONE_PAGE):
            return ours()

    def stock_tree():
        return stock.render({"article": article}, request)

    results = []
    for count in counts:
        ReaderComment.objects.filter(article=article).delete()
        build_discussion(article, count, author_user=author_user, moderator=moderator)
        row = {"comments": count}
        row.update(
            timed(
                {"ours": ours, "ours_one_page": ours_one_page, "stock": stock_tree},
                runs if count < 500 else max(5, runs // 2),
            )
        )
        row["ratio"] = round(row["stock"]["median_ms"] / row["ours"]["median_ms"], 2)
        row["ratio_one_page"] = round(
            row["stock"]["median_ms"] / row["ours_one_page"]["median_ms"], 2
        )
        results.append(row)
        print(f"  rendered {count} comments", file=sys.stderr)  # noqa: T201
    ReaderComment.objects.filter(article=article).delete()
    build_discussion(article, keep, author_user=author_user, moderator=moderator)
    return {"article_url": article.url, "load_test_comments": keep, "rows": results}


if __name__ == "__main__":
    counts = [int(n) for n in os.environ["BENCH_COUNTS"].split(",")]
    result = main(counts, int(os.environ["BENCH_RUNS"]), int(os.environ["BENCH_KEEP"]))
    print(json.dumps(result))  # noqa: T201
