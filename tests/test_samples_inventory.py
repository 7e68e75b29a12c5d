"""The bundled samples are what samples/README.md promises: enough articles, every supported
format, read without rejects (except the one deliberate feed reject), and each with expected
events covering ACLED's event types across many countries."""

from __future__ import annotations

import functools
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from sample_expectations import FEED_REJECT_URL, SAMPLES

from pipelines.sources import read_file
from schemas import Article, ArticleReject
from schemas.article import canonical_url

SAMPLES_DIR = Path(__file__).resolve().parents[1] / "samples"
INBOX = SAMPLES_DIR / "inbox"
FEED = SAMPLES_DIR / "feeds" / "sample.xml"


@functools.cache
def _read(path: Path) -> tuple[list[Article], list[ArticleReject]]:
    items = list(read_file(path))
    return ([i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, ArticleReject)])


def _inbox_files() -> list[Path]:
    return sorted(p for p in INBOX.iterdir() if p.is_file())


def _inbox_articles() -> list[Article]:
    return [a for path in _inbox_files() for a in _read(path)[0]]


def test_inbox_has_every_format_and_enough_articles() -> None:
    suffixes = Counter(p.suffix for p in _inbox_files())
    assert suffixes[".jsonl"] >= 2 and suffixes[".md"] and suffixes[".txt"] and suffixes[".html"], suffixes
    articles = _inbox_articles()
    assert len(articles) >= 14
    in_jsonl = sum(len(_read(p)[0]) for p in _inbox_files() if p.suffix == ".jsonl")
    assert in_jsonl * 3 >= len(articles), "about half of the articles are in the JSONL contract"


def test_every_inbox_file_reads_without_rejects() -> None:
    for path in _inbox_files():
        articles, rejects = _read(path)
        assert articles and not rejects, f"{path.name}: {rejects}"


def test_feed_gives_two_articles_and_rejects_the_undated_entry() -> None:
    articles, rejects = _read(FEED)
    assert len(articles) == 2
    assert len(rejects) == 1 and "date" in rejects[0].reason
    assert FEED_REJECT_URL in rejects[0].raw_excerpt


def test_articles_are_news_length_with_unique_ids_and_placeholder_urls() -> None:
    articles = _inbox_articles()
    assert len({a.id for a in articles}) == len(articles)
    for a in articles:
        assert 150 <= len(a.text.split()) <= 600, (a.id, len(a.text.split()))
        assert a.title and a.source and a.url
        assert urlsplit(a.url).hostname in {"example.org", "example.com"}, a.url


def test_every_sample_article_has_expectations_and_every_expectation_an_article() -> None:
    read_urls = {canonical_url(a.url) for path in [*_inbox_files(), FEED] for a in _read(path)[0]}
    expected_urls = {canonical_url(s.url) for s in SAMPLES}
    assert read_urls == expected_urls
    for sample in SAMPLES:
        urls = {canonical_url(a.url) for a in _read(SAMPLES_DIR / sample.file)[0]}
        assert canonical_url(sample.url) in urls, f"{sample.key} is not in {sample.file}"


def test_expectations_cover_what_the_readme_promises() -> None:
    events = [e for s in SAMPLES for e in s.expected]
    assert len({e.country for e in events}) >= 12
    assert {e.sub_event_type for e in events} >= {
        "Armed clash", "Non-state actor overtakes territory", "Government regains territory",
        "Shelling/artillery/missile attack", "Air/drone strike", "Remote explosive/landmine/IED",
        "Attack", "Abduction/forced disappearance", "Peaceful protest", "Protest with intervention",
        "Excessive force against protesters", "Violent demonstration", "Mob violence", "Arrests",
        "Looting/property destruction",
    }
    multi_event = [s for s in SAMPLES if len({(e.place, e.first_date) for e in s.expected}) >= 2]
    assert len(multi_event) >= 3
    assert any(not s.expected for s in SAMPLES), "one article must give no event"
    assert any(e.first_date != e.last_date for e in events), "a fuzzy date (overnight, last week)"


def test_a_relative_date_crosses_a_month_boundary() -> None:
    published = {canonical_url(a.url): a.published_on for a in _inbox_articles()}
    crossings = [
        e for s in SAMPLES for e in s.expected
        if e.first_date == e.last_date and canonical_url(s.url) in published
        and (e.first_date.year, e.first_date.month) != (published[canonical_url(s.url)].year,
                                                        published[canonical_url(s.url)].month)
    ]
    assert crossings
