"""`make lighthouse`: Lighthouse's four scores for the demo article.

Serves a temporary copy of the demo (SQLite, production settings, DEBUG
off) with gunicorn on 127.0.0.1, runs Lighthouse from node_modules with
Debian's Chromium three times (mobile preset, Lighthouse's default) and
prints the median of each category. Reports go to var/lighthouse/.

Needs `npm ci` (Lighthouse) and Chromium (`apt-get install chromium`)."""

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR / "scripts"))

from bench import PYTHON, environment, manage, wait_for  # noqa: E402

# The demo article (comments.demo.ARTICLE_SLUG; not imported: no Django here).
ARTICLE_SLUG = "running-with-lower-back-pain"

LIGHTHOUSE = BASE_DIR / "node_modules" / ".bin" / "lighthouse"
OUT = BASE_DIR / "var" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("Chromium not found: apt-get install chromium")


def audit(url, run, chrome):
    report = OUT / f"run-{run}.json"
    subprocess.run(  # noqa: S603 - our own node_modules tool
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        env={**os.environ, "CHROME_PATH": chrome},
        check=True,
        timeout=300,
    )
    categories = json.loads(report.read_text())["categories"]
    return {name: round(categories[name]["score"] * 100) for name in CATEGORIES}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8114)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run `npm ci` first.")
    chrome = chromium()
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="runningblog-lighthouse-"))
    server = None
    try:
        demo = environment(tmp, settings="dev", use_redis=False)
        for command in ("migrate", "load_demo", "load_demo_comments"):
            manage(demo, command)
        env = environment(tmp, settings="production", use_redis=False)
        env["ALLOWED_HOSTS"] = "127.0.0.1,localhost"
        manage(env, "collectstatic", "--no-input")
        server = subprocess.Popen(  # noqa: S603
            [
                str(Path(PYTHON).with_name("gunicorn")),
                "lighthouse_wsgi",
                "--chdir",
                str(BASE_DIR / "scripts"),
                "--pythonpath",
                str(BASE_DIR),
                "--bind",
                f"127.0.0.1:{args.port}",
                "--workers",
                "2",
                "--log-level",
                "warning",
            ],
            cwd=BASE_DIR,
            env=env,
            start_new_session=True,
        )
        path = f"/{ARTICLE_SLUG}/"
        wait_for(args.port, path)  # makes the image renditions, fills the cache
        url = f"http://127.0.0.1:{args.port}{path}"
        runs = [audit(url, run, chrome) for run in range(1, args.runs + 1)]
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"Lighthouse (mobile), median of {len(runs)} runs on {url}")  # noqa: T201
    failed = False
    for name in CATEGORIES:
        median = statistics.median(run[name] for run in runs)
        mark = "ok" if median >= TARGETS[name] else f"below {TARGETS[name]}"
        failed |= median < TARGETS[name]
        scores = ", ".join(str(run[name]) for run in runs)
        print(f"  {name:15} {median:5.0f}   ({scores})  {mark}")  # noqa: T201
    print(f"Reports: {OUT}/run-N.json")  # noqa: T201
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
