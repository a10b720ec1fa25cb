"""Soak test: the site under gunicorn and PostgreSQL, with readers and
commenters at once, for a bounded time. Not a unit test: run `make soak`.

It creates a throw-away PostgreSQL database (default runningblog_soak on
127.0.0.1:5432), loads the demo content with comments published at once,
starts gunicorn with the production settings on 127.0.0.1 only, runs
reader and commenter threads for --seconds (default 120), stops gunicorn,
then checks: no 5xx answer, every comment the site accepted stored exactly
once, and every thread's order consistent. Exit status 1 if any check fails.
"""

import argparse
import json
import os
import random
import re
import secrets
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import psycopg
import requests

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TOKEN = re.compile(
    r'name="(timestamp|security_hash|content_type|object_pk)" value="([^"]*)"'
)
COMMENT_ID = re.compile(r'id="c(\d+)"')


def say(text):
    """A line of the report, at once (the soak runs for minutes)."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--port", type=int, default=8107)
    parser.add_argument("--database", default="runningblog_soak")
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--commenters", type=int, default=4)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    return parser.parse_args()


def environment(args):
    url = f"postgres://postgres@127.0.0.1:5432/{args.database}"
    return {
        **os.environ,
        "DATABASE_URL": url,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on 127.0.0.1
        "COMMENTS_RATE_LIMIT": "1000000",  # all commenters share one address
        "EMAIL_URL": "smtp://127.0.0.1:9",  # emails fail and wait for a retry
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{args.port}",
    }


def manage(env, *command, settings="runningblog.settings.dev"):
    env = {**env, "DJANGO_SETTINGS_MODULE": settings}
    return subprocess.run(  # noqa: S603 - our interpreter, our commands
        [PYTHON, "manage.py", *command],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def last_line(output):
    """What our snippet printed (`shell` may print a banner line first)."""
    return output.strip().splitlines()[-1]


def fresh_database(name):
    with psycopg.connect(
        "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
    ) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')


SETUP = """
from comments.models import CommentSettings
from wagtail.models import Site
from articles.models import ArticlePage
rules = CommentSettings.for_site(Site.objects.get(is_default_site=True))
rules.moderation = "publish"; rules.hold_links = 0; rules.save()
print(" ".join(p.url for p in ArticlePage.objects.live()))
"""

CHECK = """
import json
from collections import Counter
from comments.integrity import all_thread_problems
from comments.models import ReaderComment
rows = ReaderComment.objects.filter(comment__startswith="soak-")
print(json.dumps({
    "texts": Counter(rows.values_list("comment", flat=True)),
    "ids": dict(rows.values_list("comment", "pk")),
    "thread_problems": all_thread_problems(),
}))
"""


class Load:
    """The shared counters of the reader and commenter threads."""

    def __init__(self, base, paths, deadline):
        self.base, self.paths, self.deadline = base, paths, deadline
        self.lock = threading.Lock()
        self.statuses = Counter()
        self.accepted = {}  # text -> comment id from the redirect
        self.errors = Counter()
        self.latencies = []

    def request(self, session, method, path, **kwargs):
        started = time.monotonic()
        try:
            response = session.request(
                method, self.base + path, timeout=30, allow_redirects=False, **kwargs
            )
        except requests.RequestException as error:
            with self.lock:
                self.errors[type(error).__name__] += 1
            return None
        with self.lock:
            self.statuses[response.status_code] += 1
            self.latencies.append(time.monotonic() - started)
        return response


def reader(load):
    session = requests.Session()
    while time.monotonic() < load.deadline:
        load.request(session, "GET", random.choice(["/", *load.paths]))  # noqa: S311


def commenter(load, number):
    session = requests.Session()
    csrf = secrets.token_hex(16)  # a 32-character secret is also a valid token
    posted = 0
    while time.monotonic() < load.deadline:
        path = random.choice(load.paths)  # noqa: S311
        page = load.request(session, "GET", path)
        if page is None or page.status_code != 200:
            continue
        fields = dict(TOKEN.findall(page.text))
        article_id = fields.get("object_pk")
        if not article_id:
            continue
        ids = COMMENT_ID.findall(page.text)
        text = f"soak-{number}-{posted}"
        posted += 1
        data = {
            **fields,
            "csrfmiddlewaretoken": csrf,
            "name": f"Soak {number}",
            "email": f"soak{number}@example.com",
            "url": "",
            "comment": text,
            "honeypot": "",
            "reply_to": random.choice(ids) if ids and random.random() < 0.6 else "0",  # noqa: S311
        }
        response = load.request(
            session,
            "POST",
            f"/comments/post/{article_id}/",
            data=data,
            cookies={"csrftoken": csrf},
            headers={"Referer": load.base + path},
        )
        if response is not None and response.status_code == 302:
            location = response.headers["Location"]
            with load.lock:
                load.accepted[text] = int(location.rsplit("#c", 1)[1])


def wait_for(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=2).status_code < 500:
                return
        except requests.RequestException:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer at {url}")


def main():
    args = parse_args()
    env = environment(args)
    say(f"Setting up database {args.database} …")
    fresh_database(args.database)
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "load_demo")
    manage(env, "load_demo_comments")
    paths = last_line(manage(env, "shell", "-c", SETUP)).split()
    static = ROOT / "var" / "soak-static"
    manage(
        {**env, "STATIC_ROOT": str(static)},
        "collectstatic",
        "--no-input",
        "-v",
        "0",
        settings="runningblog.settings.production",
    )
    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(  # noqa: S603
        [
            PYTHON,
            "-m",
            "gunicorn",
            "runningblog.wsgi",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={
            **env,
            "STATIC_ROOT": str(static),
            "DJANGO_SETTINGS_MODULE": "runningblog.settings.production",
        },
    )
    try:
        wait_for(base + "/")
        say(
            f"Soaking {base} for {args.seconds}s: {args.readers} readers, "
            f"{args.commenters} commenters, {args.workers} gunicorn workers"
        )
        load = Load(base, paths, time.monotonic() + args.seconds)
        threads = [
            threading.Thread(target=reader, args=(load,)) for _ in range(args.readers)
        ]
        threads += [
            threading.Thread(target=commenter, args=(load, n))
            for n in range(args.commenters)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    stored = json.loads(last_line(manage(env, "shell", "-c", CHECK)))
    return report(load, stored, args)


def report(load, stored, args):
    latencies = sorted(load.latencies)
    p95 = latencies[int(len(latencies) * 0.95)] if latencies else 0
    server_errors = sum(n for code, n in load.statuses.items() if code >= 500)
    missing = [t for t in load.accepted if stored["texts"].get(t, 0) == 0]
    repeated = [t for t, n in stored["texts"].items() if n > 1]
    wrong_id = [t for t, pk in load.accepted.items() if stored["ids"].get(t) != pk]
    problems = stored["thread_problems"]
    say(
        f"requests: {sum(load.statuses.values())} {dict(sorted(load.statuses.items()))}"
    )
    say(f"client errors (timeouts, resets): {dict(load.errors)}")
    say(f"latency p95: {p95 * 1000:.0f} ms")
    say(
        f"comments accepted: {len(load.accepted)}; "
        f"stored: {sum(stored['texts'].values())}"
    )
    say(
        f"5xx: {server_errors}; missing: {len(missing)}; stored twice: "
        f"{len(repeated)}; wrong id: {len(wrong_id)}; thread problems: {len(problems)}"
    )
    for problem in problems[:10]:
        say(f"   {problem}")
    ok = not (
        server_errors or missing or repeated or wrong_id or problems or load.errors
    )
    say("SOAK PASSED" if ok else "SOAK FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
