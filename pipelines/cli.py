"""The `conflict-events` command.

Heavy imports (Dagster, DuckDB, the coder's data) happen inside the subcommand that needs them,
so `conflict-events --help` and `extract` start fast. Errors are one line on stderr and a
non-zero exit, never a traceback (set CONFLICT_EVENTS_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path


class UserError(Exception):
    """A problem the user can fix; printed as one line."""


# ---------------------------------------------------------------------------- commands

def cmd_run(args: argparse.Namespace) -> int:
    from pipelines.runner import run_pipeline, seed_inbox
    from pipelines.settings import load_settings, prepare_home

    settings = load_settings()
    prepare_home(settings)
    inbox = Path(args.inbox).resolve() if args.inbox else settings.inbox
    if not inbox.is_dir():
        raise UserError(f"inbox {inbox} is not a directory")
    if not args.inbox:
        seed_inbox(settings)
    summary = run_pipeline(settings, inbox=inbox, coder=args.coder)
    print(summary.render())
    return 0 if summary.success else 1


def cmd_ingest(args: argparse.Namespace) -> int:
    from pipelines.ingest import ingest_paths
    from pipelines.settings import load_settings, prepare_home
    from pipelines.warehouse import connect, ensure_schema

    settings = load_settings()
    prepare_home(settings)
    for p in args.paths:
        if not p.startswith(("http://", "https://")) and not Path(p).exists():
            raise UserError(f"no such file or directory: {p}")
    with connect(settings.warehouse) as con:
        ensure_schema(con)
        stats = ingest_paths(con, args.paths)
    print(f"read {stats.read} inputs: {stats.inserted} new articles, {stats.already_present} already stored, "
          f"{stats.duplicates_in_input} repeated, {stats.rejected} rejected")
    for reason in stats.reject_reasons[:20]:
        print(f"  rejected: {reason}")
    print(f"warehouse: {settings.warehouse}")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from pipelines.extraction.coder import get_coder
    from pipelines.progress import Progress
    from pipelines.sources import read_file
    from schemas import ArticleReject

    src = Path(args.articles)
    if not src.is_file():
        raise UserError(f"no such file: {src}")
    try:
        coder = get_coder(args.coder)
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    progress = Progress("extract", stream=sys.stderr)
    n_articles = n_rejects = n_events = n_failed = 0
    with out.open("w", encoding="utf-8") as fh:
        for item in read_file(src):
            if isinstance(item, ArticleReject):
                n_rejects += 1
                print(f"rejected {item.locator or item.source}: {item.reason}", file=sys.stderr)
                continue
            n_articles += 1
            try:
                events = coder.code(item)
            except Exception as exc:  # one bad article never stops the others
                n_failed += 1
                print(f"coder failed on {item.id}: {type(exc).__name__}: {exc}", file=sys.stderr)
                events = []
            for event in events:
                fh.write(event.model_dump_json() + "\n")
            n_events += len(events)
            progress.advance()
    progress.finish()
    print(f"{n_articles} articles coded by {coder.name} {coder.version}: {n_events} events; "
          f"{n_rejects} input lines rejected; {n_failed} coder failures", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from pipelines.export import export_acled_csv
    from pipelines.settings import load_settings

    settings = load_settings()
    n = export_acled_csv(settings.warehouse, Path(args.output))
    print(f"wrote {n} events in ACLED's 31 columns to {args.output}")
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from pipelines.query import run_query
    from pipelines.settings import load_settings

    settings = load_settings()
    sys.stdout.write(run_query(settings.warehouse, args.sql, args.format))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from schemas import Article, Event

    model = Event if args.record == "event" else Article
    print(json.dumps(model.model_json_schema(), indent=2))
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from pipelines.evaluation.acled import evaluate_acled_export, format_report
    from pipelines.extraction.coder import get_coder
    from pipelines.progress import Progress

    path = Path(args.acled)
    if not path.is_file():
        raise UserError(f"no such file: {path}")
    progress = Progress("evaluate")
    report = evaluate_acled_export(
        path,
        get_coder(args.coder),
        published_after_days=args.days_after,
        limit=args.limit,
        progress=lambda done, total: progress.advance(),
    )
    progress.finish()
    print(format_report(report))
    return 0


def cmd_ui(args: argparse.Namespace) -> int:
    from pipelines.settings import load_settings, prepare_home

    settings = load_settings()
    prepare_home(settings)
    dg = Path(sys.executable).with_name("dg")
    argv = [str(dg), "dev", "--host", "127.0.0.1", "--port", str(args.port)]
    print(f"Dagster UI on http://127.0.0.1:{args.port} (DAGSTER_HOME={settings.dagster_home}); Ctrl-C stops it",
          file=sys.stderr)
    os.chdir(Path(__file__).resolve().parent.parent)
    os.execv(argv[0], argv)
    return 0  # not reached


# ---------------------------------------------------------------------------- parser

def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="conflict-events",
        description="Turn news articles into ACLED-style conflict events in a DuckDB warehouse.",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    s = sub.add_parser("run", help="ingest the inbox, extract events, load DuckDB, build the dbt models")
    s.add_argument("--inbox", help="folder to ingest (default: $CONFLICT_EVENTS_HOME/inbox, seeded with the samples)")
    s.add_argument("--coder", default="rules", help="event coder (default: rules)")
    s.set_defaults(func=cmd_run)

    s = sub.add_parser("ingest", help="load article files, folders, feeds or URLs into the warehouse")
    s.add_argument("paths", nargs="+", metavar="PATH")
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("extract", help="code events from an articles JSONL file (no warehouse)")
    s.add_argument("articles", metavar="ARTICLES.jsonl")
    s.add_argument("-o", "--output", required=True, metavar="EVENTS.jsonl")
    s.add_argument("--coder", default="rules")
    s.set_defaults(func=cmd_extract)

    s = sub.add_parser("export", help="write the events as ACLED's 31-column CSV")
    s.add_argument("-o", "--output", required=True, metavar="FILE.csv")
    s.set_defaults(func=cmd_export)

    s = sub.add_parser("query", help="run read-only SQL against the warehouse")
    s.add_argument("sql")
    s.add_argument("--format", choices=["table", "csv", "json"], default="table")
    s.set_defaults(func=cmd_query)

    s = sub.add_parser("schema", help="print the JSON Schema of the Event (or Article) record")
    s.add_argument("--record", choices=["event", "article"], default="event")
    s.set_defaults(func=cmd_schema)

    s = sub.add_parser("evaluate", help="score the coder against your own ACLED export (rows with notes)")
    s.add_argument("--acled", required=True, metavar="EXPORT.csv")
    s.add_argument("--coder", default="rules")
    s.add_argument("--limit", type=int)
    s.add_argument("--days-after", type=int, default=3, help="days between event and the article made of its notes")
    s.set_defaults(func=cmd_evaluate)

    s = sub.add_parser("ui", help="start the Dagster UI on 127.0.0.1")
    s.add_argument("--port", type=int, default=3000)
    s.set_defaults(func=cmd_ui)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if os.environ.get("CONFLICT_EVENTS_DEBUG"):
            raise
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"conflict-events {args.command}: error: {message}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
