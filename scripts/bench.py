"""`make bench`: how the article page's cost grows with its comments, and
how fast the page cache serves it. Not a test: it measures, prints tables
and writes var/bench/ (results.json, results.md, render-time.png).

1. Render times (scripts/bench_render.py): the demo article with 0 … 1000
   generated comments through this project's view, beside django-comments-
   xtd's stock `render_xtdcomment_tree` tag on the same comments.
2. Load: gunicorn with the production settings (DEBUG off), bound to
   127.0.0.1 only, loaded by concurrent clients for a fixed time: the
   article from the page cache, the article rendered (a reader with a
   session cookie), and a static file of the same size from the same
   process (WhiteNoise).
3. A plot of render time against comment count.

Everything runs on a temporary SQLite database and media folder, removed at
the end; the cache is Redis database 4 on 127.0.0.1 when it answers (as in
production), otherwise each worker's memory. It stops by itself."""

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR / "scripts"))

import loadgen  # noqa: E402

PYTHON = sys.executable
OUT = BASE_DIR / "var" / "bench"
REDIS = ("127.0.0.1", 6379, 4)


def redis_answers():
    try:
        with socket.create_connection(REDIS[:2], timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def environment(tmp, *, settings, use_redis, page_cache=True):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": f"runningblog.settings.{settings}",
        "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(tmp / "media"),
        "STATIC_ROOT": str(tmp / "static"),
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "PAGE_CACHE_SECONDS": "600" if page_cache else "0",
        "PYTHONPATH": str(BASE_DIR),
    }
    env.pop("REDIS_URL", None)
    if use_redis:
        env["REDIS_URL"] = "redis://{}:{}/{}".format(*REDIS)
    return env


def manage(env, *args):
    subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [PYTHON, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def flush_redis():
    """Empty Redis database 4 (this benchmark's own) so runs do not mix."""
    with socket.create_connection(REDIS[:2], timeout=2) as sock:
        sock.sendall(f"SELECT {REDIS[2]}\r\nFLUSHDB\r\n".encode())
        sock.recv(64)


def render_bench(tmp, counts, runs, keep, use_redis):
    env = environment(tmp, settings="production", use_redis=use_redis, page_cache=False)
    env.update(
        BENCH_COUNTS=",".join(map(str, counts)),
        BENCH_RUNS=str(runs),
        BENCH_KEEP=str(keep),
    )
    done = subprocess.run(  # noqa: S603
        [PYTHON, str(BASE_DIR / "scripts" / "bench_render.py")],
        cwd=BASE_DIR,
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
        timeout=1800,
    )
    return json.loads(done.stdout)


def wait_for(port, path, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(
                f"http://127.0.0.1:{port}{path}", timeout=5
            ) as r:  # noqa: S310
                return r.read()
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer {path} on port {port}")


def load_bench(tmp, article_url, *, port, workers, clients, seconds, use_redis):
    env = environment(tmp, settings="production", use_redis=use_redis)
    if use_redis:
        flush_redis()
    server = subprocess.Popen(  # noqa: S603
        [
            str(Path(PYTHON).with_name("gunicorn")),
            "runningblog.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=env,
        start_new_session=True,
    )
    try:
        page = wait_for(port, article_url)
        same_size = tmp / "static" / "bench" / "same-size.html"
        same_size.parent.mkdir(parents=True, exist_ok=True)
        same_size.write_bytes(page)
        # WhiteNoise indexes STATIC_ROOT at start-up: restart to pick it up.
        server.send_signal(signal.SIGHUP)
        time.sleep(2)
        wait_for(port, "/static/bench/same-size.html")
        wait_for(port, article_url)  # fills the page cache
        scenarios = [
            ("static file, same size", "/static/bench/same-size.html", {}),
            ("article, page cache", article_url, {}),
            ("article, rendered", article_url, {"Cookie": "sessionid=bench"}),
        ]
        rows = []
        for label, path, headers in scenarios:
            result = loadgen.run(
                port, path, clients=clients, seconds=seconds, headers=headers
            )
            rows.append({"scenario": label, "bytes": len(page), **result})
            print(f"  loaded {label}", file=sys.stderr)  # noqa: T201
        return rows
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def plot(rows, path):
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    counts = [row["comments"] for row in rows]
    figure, axes = pyplot.subplots(figsize=(7, 4.2), dpi=120)
    lines = [
        ("stock", "django-comments-xtd render_xtdcomment_tree (tree only)"),
        ("ours_one_page", "runningblog, whole page, all comments on one page"),
        ("ours", "runningblog, whole page, paged (as served)"),
    ]
    for key, label in lines:
        axes.plot(
            counts, [row[key]["median_ms"] for row in rows], marker="o", label=label
        )
    axes.set_xlabel("comments on the article")
    axes.set_ylabel("median render time (ms)")
    axes.set_title("Article render time against comment count")
    axes.grid(alpha=0.3)
    axes.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(path)


def tables(render, load, info):
    lines = [
        f"Render times ({info}; median and p95 of each, ms):",
        "",
        "| comments | ours queries | ours median | ours p95 | ours KB "
        "| one page median | stock queries | stock median | stock p95 "
        "| stock/ours | stock/one page |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in render["rows"]:
        ours, one, stock = row["ours"], row["ours_one_page"], row["stock"]
        lines.append(
            f"| {row['comments']} | {ours['queries']} | {ours['median_ms']} "
            f"| {ours['p95_ms']} | {ours['bytes'] // 1024} | {one['median_ms']} "
            f"| {stock['queries']} | {stock['median_ms']} | {stock['p95_ms']} "
            f"| {row['ratio']}x | {row['ratio_one_page']}x |"
        )
    if load:
        static_rps = load[0]["rps"]
        lines += [
            "",
            f"Load ({render['load_test_comments']} comments on the article; {info}):",
            "",
            "| scenario | KB | req/s | p50 ms | p95 ms | errors | vs static |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for row in load:
            lines.append(
                f"| {row['scenario']} | {row['bytes'] // 1024} | {row.get('rps', 0)} "
                f"| {row.get('p50_ms', '-')} | {row.get('p95_ms', '-')} "
                f"| {row['errors']} | {row.get('rps', 0) / static_rps:.2f} |"
            )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", default="0,100,250,500,1000")
    parser.add_argument("--runs", type=int, default=15, help="timed renders each")
    parser.add_argument("--port", type=int, default=8104)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=10, help="per load scenario")
    parser.add_argument("--keep", type=int, default=100, help="comments for load")
    parser.add_argument("--no-load", action="store_true", help="skip part 2")
    args = parser.parse_args()
    counts = [int(n) for n in args.counts.split(",")]

    OUT.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="runningblog-bench-"))
    use_redis = redis_answers()
    try:
        print("Setting up a temporary database with the demo…", file=sys.stderr)  # noqa: T201
        demo = environment(tmp, settings="dev", use_redis=False)
        manage(demo, "migrate", "--no-input")
        manage(demo, "load_demo")
        manage(demo, "load_demo_comments")
        production = environment(tmp, settings="production", use_redis=False)
        manage(production, "collectstatic", "--no-input")
        render = render_bench(tmp, counts, args.runs, args.keep, use_redis)
        load = None
        if not args.no_load:
            load = load_bench(
                tmp,
                render["article_url"],
                port=args.port,
                workers=args.workers,
                clients=args.clients,
                seconds=args.seconds,
                use_redis=use_redis,
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    info = (
        f"{os.cpu_count()} CPUs, SQLite, cache: "
        f"{'Redis' if use_redis else 'local memory'}, "
        f"{args.workers} gunicorn sync workers, {args.clients} clients x "
        f"{args.seconds}s"
    )
    report = tables(render, load, info)
    print(report)  # noqa: T201
    (OUT / "results.md").write_text(report + "\n")
    (OUT / "results.json").write_text(
        json.dumps({"render": render, "load": load}, indent=2)
    )
    plot(render["rows"], OUT / "render-time.png")
    print(f"\nWrote {OUT / 'results.md'}, results.json and render-time.png")  # noqa: T201


if __name__ == "__main__":
    main()
