"""Per-field report of a coder against a user's ACLED export.

Each row's `notes` become an article published a few days after the row's event_date (so the
coder must read dates from the text, not assume them); the coder's events for that article are
compared with the row, field by field, through the best-matching event (see `matching`). Rows
without notes are skipped and counted; rows that cannot be read (bad dates, no type) are
rejected with a reason; a coder that raises on a row scores nothing for it and the error is
listed. Metric definitions agree with the team's shared scorer, so numbers are comparable.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from pipelines.evaluation.matching import COMPARED_FIELDS, GoldEvent, best_match
from schemas.article import Article

if TYPE_CHECKING:
    from pipelines.extraction.coder import Coder

NO_EVENT = "(no event)"
REQUIRED_COLUMNS = ("event_date", "event_type", "sub_event_type", "notes")
REPORT_FIELDS: tuple[str, ...] = ("detected", *COMPARED_FIELDS)

# ACLED writes dates as ISO in API exports and as "22 May 2023" in its export tool's CSVs.
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%d-%b-%Y", "%d-%B-%Y", "%B %d, %Y")


def parse_acled_date(text: str) -> dt.date:
    """An ACLED event_date in any of the export's spellings; ValueError when it is none."""
    value = text.strip()
    if len(value) > 10 and value[4:5] == "-" and value[10] in "T ":
        value = value[:10]  # an ISO datetime: the date part is the event date
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"event_date {text!r} is not a date (expected YYYY-MM-DD or '22 May 2023')")


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A row that was rejected, or on which the coder failed: where it is and why."""

    line: int
    event_id: str
    reason: str


@dataclass(frozen=True, slots=True)
class RowResult:
    """How the coder did on one row: its hits through the best-matching event (None when it
    found no event) and the sub-event type of its main (first) event."""

    event_id: str
    country: str
    gold_sub_event_type: str
    main_sub_event_type: str
    events: int
    hits: dict[str, bool] | None


@dataclass(frozen=True, slots=True)
class ClassScores:
    """Precision, recall and F1 of the main event's sub-event type for one gold label."""

    label: str
    support: int
    predicted: int
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class CountryScores:
    rows: int
    accuracy: dict[str, float]


@dataclass
class EvaluationReport:
    """Everything measured in one evaluation run; the aggregates are computed from `rows`."""

    source: str
    coder: str
    published_after_days: int
    rows: list[RowResult] = field(default_factory=list)
    skipped_without_notes: int = 0
    rejects: list[RowProblem] = field(default_factory=list)
    coder_errors: list[RowProblem] = field(default_factory=list)
    coding_seconds: float = 0.0

    @property
    def scored(self) -> int:
        return len(self.rows)

    def field_accuracy(self) -> dict[str, float]:
        """Share of scored rows for which each field is right (a missed event misses all)."""
        return _accuracy(self.rows)

    @property
    def events_per_note(self) -> float:
        return sum(r.events for r in self.rows) / (self.scored or 1)

    @property
    def articles_per_second(self) -> float:
        return self.scored / self.coding_seconds if self.coding_seconds > 0 else math.inf

    def sub_event_confusion(self) -> Counter[tuple[str, str]]:
        """(gold sub-event type, sub-event type of the coder's main event) → rows."""
        return Counter((r.gold_sub_event_type, r.main_sub_event_type) for r in self.rows)

    def top_confusions(self, n: int = 10) -> list[tuple[str, str, int]]:
        """The n most frequent (gold, predicted, rows) disagreements, missed events included."""
        wrong = [(g, p, c) for (g, p), c in self.sub_event_confusion().items() if g != p]
        return sorted(wrong, key=lambda x: (-x[2], x[0], x[1]))[:n]

    def sub_event_scores(self) -> list[ClassScores]:
        """Per gold sub-event type, the main event's precision/recall/F1, most frequent first."""
        tp: Counter[str] = Counter()
        support: Counter[str] = Counter()
        predicted: Counter[str] = Counter()
        for (gold, pred), count in self.sub_event_confusion().items():
            support[gold] += count
            predicted[pred] += count
            if gold == pred:
                tp[gold] += count
        scores = []
        for label, n in sorted(support.items(), key=lambda x: (-x[1], x[0])):
            precision = tp[label] / predicted[label] if predicted[label] else 0.0
            recall = tp[label] / n
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            scores.append(ClassScores(label, n, predicted[label], precision, recall, f1))
        return scores

    @property
    def sub_event_macro_f1(self) -> float:
        """Unweighted mean F1 over the gold sub-event types (main event per note)."""
        scores = self.sub_event_scores()
        return sum(s.f1 for s in scores) / len(scores) if scores else 0.0

    def by_country(self) -> dict[str, CountryScores]:
        """Field accuracy per gold country, countries with the most rows first."""
        groups: dict[str, list[RowResult]] = defaultdict(list)
        for r in self.rows:
            groups[r.country or "(no country)"].append(r)
        ordered = sorted(groups.items(), key=lambda x: (-len(x[1]), x[0]))
        return {country: CountryScores(len(rows), _accuracy(rows)) for country, rows in ordered}


def _accuracy(rows: list[RowResult]) -> dict[str, float]:
    n = len(rows) or 1
    totals = Counter({"detected": sum(r.hits is not None for r in rows)})
    for r in rows:
        totals.update(k for k, hit in (r.hits or {}).items() if hit)
    return {name: totals[name] / n for name in REPORT_FIELDS}


# ---------------------------------------------------------------------------- reading the export


def _number(text: str | None) -> float | None:
    try:
        value = float(text or "")
    except ValueError:
        return None
    return None if math.isnan(value) else value


def _gold_from_row(row: dict[str, str], event_id: str) -> GoldEvent:
    """The row's gold event; ValueError with a readable reason when a needed field is unusable."""
    event_date = parse_acled_date(row.get("event_date") or "")
    for column in ("event_type", "sub_event_type"):
        if not (row.get(column) or "").strip():
            raise ValueError(f"{column} is empty")
    fatalities_text = (row.get("fatalities") or "").strip()
    fatalities = _number(fatalities_text)
    if fatalities_text and fatalities is None:
        raise ValueError(f"fatalities {fatalities_text!r} is not a number")
    return GoldEvent(
        event_id=event_id,
        event_date=event_date,
        event_type=row["event_type"].strip(),
        sub_event_type=row["sub_event_type"].strip(),
        actor1=row.get("actor1") or "",
        actor2=row.get("actor2") or "",
        country=(row.get("country") or "").strip(),
        admin1=row.get("admin1") or "",
        location=row.get("location") or "",
        latitude=_number(row.get("latitude")),
        longitude=_number(row.get("longitude")),
        fatalities=None if fatalities is None else int(fatalities),
        notes=row["notes"].strip(),
    )


@dataclass(frozen=True, slots=True)
class _ExportRow:
    line: int
    event_id: str
    gold: GoldEvent | None
    problem: str


def _read_export(path: Path) -> Iterator[_ExportRow | None]:
    """Rows of the export in order: None for a row without notes, else the row with its gold
    event or the reason it cannot be used. ValueError when the file lacks ACLED's columns."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path} is not an ACLED export: no column(s) {', '.join(missing)}")
        line = reader.line_num + 1
        for row in reader:
            if (row.get("notes") or "").strip():
                event_id = (row.get("event_id_cnty") or "").strip() or f"line-{line}"
                try:
                    yield _ExportRow(line, event_id, _gold_from_row(row, event_id), "")
                except ValueError as exc:
                    yield _ExportRow(line, event_id, None, str(exc))
            else:
                yield None
            line = reader.line_num + 1


# ---------------------------------------------------------------------------- evaluating


def evaluate_acled_export(
    path: Path,
    coder: Coder,
    published_after_days: int = 3,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> EvaluationReport:
    """Code the notes of every row of an ACLED export and compare the events with the row.

    `limit` stops after that many rows with notes (rejected ones included); `progress(done,
    total)` is called after each of them.
    """
    if published_after_days < 0:
        raise ValueError("published_after_days must be 0 or more: an article cannot precede its event")
    report = EvaluationReport(
        source=str(path), coder=f"{coder.name} {coder.version}", published_after_days=published_after_days
    )
    candidates: list[_ExportRow] = []
    for item in _read_export(Path(path)):
        if limit is not None and len(candidates) >= limit:
            break
        if item is None:
            report.skipped_without_notes += 1
        else:
            candidates.append(item)
    total = len(candidates)
    for done, item in enumerate(candidates, start=1):
        if item.gold is None:
            report.rejects.append(RowProblem(item.line, item.event_id, item.problem))
        else:
            _score_row(report, item.line, item.gold, coder)
        if progress is not None:
            progress(done, total)
    return report


def _score_row(report: EvaluationReport, line: int, gold: GoldEvent, coder: Coder) -> None:
    try:
        article = Article(
            id=gold.event_id,
            text=gold.notes,
            published_at=gold.event_date + dt.timedelta(days=report.published_after_days),
            source="ACLED notes",
        )
    except ValidationError as exc:
        reason = "; ".join(err["msg"] for err in exc.errors())
        report.rejects.append(RowProblem(line, gold.event_id, f"notes are not an article: {reason}"))
        return
    started = time.perf_counter()
    try:
        events = coder.code(article)
    except Exception as exc:  # a coder bug on one row must not lose the whole run
        events = []
        report.coder_errors.append(RowProblem(line, gold.event_id, f"{type(exc).__name__}: {exc}"))
    report.coding_seconds += time.perf_counter() - started
    report.rows.append(
        RowResult(
            event_id=gold.event_id,
            country=gold.country,
            gold_sub_event_type=gold.sub_event_type,
            main_sub_event_type=str(events[0].sub_event_type) if events else NO_EVENT,
            events=len(events),
            hits=best_match(gold, events),
        )
    )


# ---------------------------------------------------------------------------- the text report

_COUNTRY_COLUMNS = (
    ("detected", "det"), ("event_type", "type"), ("sub_event_type", "sub"), ("event_date", "date"),
    ("admin1", "adm1"), ("location", "loc"), ("actors_loose", "actors"), ("fatalities", "fatal"),
)


def format_report(report: EvaluationReport, countries: int = 15, confusions: int = 10) -> str:
    """The report as a plain-text table for a terminal."""
    n = report.scored
    accuracy = report.field_accuracy()
    rate = report.articles_per_second
    out = [
        f"ACLED evaluation: coder {report.coder} on {report.source}",
        f"rows: {n} scored, {report.skipped_without_notes} skipped (no notes), "
        f"{len(report.rejects)} rejected, {len(report.coder_errors)} coder errors; "
        f"articles dated {report.published_after_days} days after the event",
        f"coding: {report.coding_seconds:.2f} s"
        + (f", {rate:.0f} articles/s" if math.isfinite(rate) else ""),
        "",
        f"{'field':<22}{'accuracy':>9}{'rows':>14}",
    ]
    for name in REPORT_FIELDS:
        right = round(accuracy[name] * n)
        out.append(f"{name:<22}{accuracy[name]:>9.3f}{f'{right}/{n}':>14}")
    out.append(f"{'events per note':<22}{report.events_per_note:>9.2f}{'(gold: 1)':>14}")
    out.append(f"{'sub-event macro F1':<22}{report.sub_event_macro_f1:>9.3f}{'(main event)':>14}")

    top = report.top_confusions(confusions)
    if top:
        out += ["", "Top sub-event confusions (gold -> coder's main event)", f"{'rows':>6}  {'gold':<36}predicted"]
        out += [f"{count:>6}  {gold:<36}{pred}" for gold, pred, count in top]

    scores = report.sub_event_scores()
    if scores:
        out += ["", "Per sub-event type (main event)", f"{'gold sub-event type':<36}{'rows':>6}{'prec':>7}{'recall':>7}{'F1':>7}"]
        out += [f"{s.label:<36}{s.support:>6}{s.precision:>7.2f}{s.recall:>7.2f}{s.f1:>7.2f}" for s in scores]

    per_country = report.by_country()
    if per_country:
        shown = list(per_country.items())[:countries]
        out += ["", f"Per country ({len(shown)} of {len(per_country)}, most rows first)"]
        out.append(f"{'country':<28}{'rows':>6}" + "".join(f"{label:>8}" for _, label in _COUNTRY_COLUMNS))
        for country, cs in shown:
            cells = "".join(f"{cs.accuracy[name]:>8.2f}" for name, _ in _COUNTRY_COLUMNS)
            out.append(f"{country[:27]:<28}{cs.rows:>6}{cells}")

    for title, problems in (("Rejected rows", report.rejects), ("Coder errors", report.coder_errors)):
        if problems:
            out += ["", f"{title} ({len(problems)})"]
            out += [f"  line {p.line} ({p.event_id}): {p.reason}" for p in problems[:10]]
            if len(problems) > 10:
                out.append(f"  ... and {len(problems) - 10} more")
    return "\n".join(out)
