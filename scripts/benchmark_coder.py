"""Time the event coder on one core: throughput, latency, memory, and where the time goes.

    .venv/bin/python scripts/benchmark_coder.py                     # 3,000 invented ~5 KB articles
    .venv/bin/python scripts/benchmark_coder.py --n 500 --seed 2
    .venv/bin/python scripts/benchmark_coder.py --articles notes.jsonl   # an articles JSONL file

The first article is timed apart (it pays for loading dictionaries and the gazetteer); the
timed pass covers the rest. Memory is measured on a separate pass with tracemalloc (which
slows Python down, so it is never timed), and the profile on another with cProfile.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from pydantic import ValidationError

from pipelines.evaluation.synthetic_articles import generate_articles
from pipelines.extraction.coder import Coder, get_coder
from schemas.article import Article

FLOOR_ARTICLES_PER_S = 100.0


def read_articles(path: Path, limit: int | None) -> tuple[list[Article], int]:
    """Articles from a JSONL file and the number of lines that were not valid articles."""
    articles, bad = [], 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            try:
                articles.append(Article.model_validate_json(line))
            except ValidationError:
                bad += 1
            if limit is not None and len(articles) >= limit:
                break
    return articles, bad


def max_rss_mb() -> float:
    """Peak resident set size of this process so far (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def percentile(sorted_values: list[float], q: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, round(q * (len(sorted_values) - 1)))]


def timed_pass(coder: Coder, articles: list[Article]) -> None:
    """Code every article, timing each; print throughput, latency and the floor verdict."""
    latencies, events = [], 0
    wall_started, cpu_started = time.perf_counter(), time.process_time()
    for article in articles:
        t0 = time.perf_counter()
        events += len(coder.code(article))
        latencies.append((time.perf_counter() - t0) * 1000)
    wall = time.perf_counter() - wall_started
    cpu = time.process_time() - cpu_started
    latencies.sort()
    n, text_mb = len(articles), sum(len(a.text) for a in articles) / 1e6
    print(f"timed pass: {n} articles in {wall:.2f} s wall, {cpu:.2f} s CPU, on one core")
    print(f"throughput: {n / wall:.1f} articles/s, {text_mb / wall:.2f} MB text/s (wall clock)")
    print(f"throughput: {n / cpu:.1f} articles per CPU second (the wall rate is lower on a busy machine)")
    print(
        f"latency ms/article: mean {statistics.fmean(latencies):.2f}, p50 {percentile(latencies, 0.5):.2f}, "
        f"p95 {percentile(latencies, 0.95):.2f}, max {latencies[-1]:.2f}"
    )
    print(f"events: {events} ({events / n:.2f} per article)")
    verdict = "meets" if n / cpu >= FLOOR_ARTICLES_PER_S else "is BELOW"
    print(f"floor: {n / cpu:.1f} articles per CPU second {verdict} the floor of {FLOOR_ARTICLES_PER_S:.0f} articles/s")


def memory_pass(coder: Coder, articles: list[Article]) -> None:
    """Peak Python allocations while coding (tracemalloc), and the process's peak RSS."""
    tracemalloc.start()
    for article in articles:
        coder.code(article)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"memory: tracemalloc peak {traced_peak / 1e6:.2f} MB while coding {len(articles)} articles (data already loaded)")
    print(f"memory: process peak RSS {max_rss_mb():.0f} MB (Python, libraries, loaded data, articles)")


def profile_pass(coder: Coder, articles: list[Article], top: int) -> None:
    """cProfile's top functions by cumulative time: where the time goes."""
    profiler = cProfile.Profile()
    profiler.enable()
    for article in articles:
        coder.code(article)
    profiler.disable()
    report = io.StringIO()
    pstats.Stats(profiler, stream=report).sort_stats("cumulative").print_stats(top)
    print(f"where the time goes: cProfile of {len(articles)} articles, top {top} by cumulative time")
    print(report.getvalue().split("\n", 4)[-1].strip("\n"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--coder", default="rules", help="coder name (default: rules)")
    parser.add_argument("--articles", type=Path, help="time on this articles JSONL file instead of invented ones")
    parser.add_argument("--limit", type=int, help="read at most this many articles from --articles")
    parser.add_argument("--n", type=int, default=3000, help="invented articles to generate (default 3000)")
    parser.add_argument("--seed", type=int, default=0, help="seed for the invented articles")
    parser.add_argument("--sample", type=int, default=300, help="articles in the memory and profile passes")
    parser.add_argument("--top", type=int, default=15, help="profile rows to print")
    args = parser.parse_args(argv)

    if args.articles:
        articles, bad = read_articles(args.articles, args.limit)
        print(f"articles: {len(articles)} from {args.articles} ({bad} invalid lines skipped)")
    else:
        articles = generate_articles(args.n, seed=args.seed)
        print(f"articles: {len(articles)} invented (seed {args.seed})")
    if len(articles) < 2:
        print("need at least 2 articles")
        return 2
    sizes = [len(a.text) for a in articles]
    print(f"size: mean {statistics.fmean(sizes) / 1000:.1f} KB, median {statistics.median(sizes) / 1000:.1f} KB")

    rss_before = max_rss_mb()
    coder = get_coder(args.coder)
    started = time.perf_counter()
    coder.code(articles[0])
    cold_ms = (time.perf_counter() - started) * 1000
    print(f"coder: {coder.name} {coder.version}")
    print(
        f"first article (loads data): {cold_ms:.0f} ms; process peak RSS {rss_before:.0f} MB before "
        f"the coder was made, {max_rss_mb():.0f} MB after its first article"
    )
    timed = articles[1:]
    print()
    timed_pass(coder, timed)
    print()
    memory_pass(coder, timed[: args.sample])
    print()
    profile_pass(coder, timed[: args.sample], args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
