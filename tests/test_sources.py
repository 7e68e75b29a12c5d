"""Sources: every input becomes an Article or a reject with a reason, deterministically."""

from __future__ import annotations

import datetime as dt
import http.server
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipelines.sources import SourceError, SourceStats, fetch, html_to_text, read_file, read_sources
from schemas import Article, ArticleReject, article_id_for

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
INBOX = FIXTURES / "inbox"
PAGES = FIXTURES / "pages"
FEEDS = FIXTURES / "feeds"


def split(items) -> tuple[list[Article], list[ArticleReject]]:
    items = list(items)
    articles = [i for i in items if isinstance(i, Article)]
    rejects = [i for i in items if isinstance(i, ArticleReject)]
    assert len(articles) + len(rejects) == len(items)
    return articles, rejects


def reasons_by_input(rejects: list[ArticleReject]) -> dict[tuple[str, str], str]:
    return {(Path(r.source).name, r.locator): r.reason for r in rejects}


# --- directories -------------------------------------------------------------------------------


def test_directory_accounts_for_every_input_in_a_stable_order():
    stats = SourceStats()
    articles, rejects = split(read_sources([INBOX], stats))
    rejected = reasons_by_input(rejects)
    assert set(rejected) == {
        (".draft.md", ""), ("articles.jsonl", "line 3"), ("articles.jsonl", "line 4"),
        ("articles.jsonl", "line 5"), ("batch.json", "item 1"), ("batch.json", "item 2"),
        ("batch.json", "item 3"), ("empty.jsonl", ""), ("latin1.txt", ""), ("undated.txt", ""),
        ("notes.xyz", ""),
    }
    assert len(articles) == 8
    assert (stats.articles, stats.rejects, stats.duplicates) == (8, 11, 0)
    again = [item.model_dump() for item in read_sources([INBOX])]
    assert again == [item.model_dump() for item in read_sources([INBOX])]


def test_hidden_and_unsupported_files_are_reported_not_read():
    articles, rejects = split(read_sources([INBOX]))
    rejected = reasons_by_input(rejects)
    assert rejected[(".draft.md", "")] == "hidden file skipped"
    assert rejected[("notes.xyz", "")].startswith("unsupported file type .xyz")
    assert not any("Hidden draft" in a.text for a in articles)


def test_symlink_out_of_the_directory_is_not_followed(tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("---\npublished_at: 2024-01-01\n---\nPrivate text outside the inbox.\n")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(INBOX / "plain.txt", inbox / "plain.txt")
    (inbox / "link.md").symlink_to(outside / "secret.md")
    (inbox / "linked-dir").symlink_to(outside, target_is_directory=True)
    (inbox / "inside.txt").symlink_to(inbox / "plain.txt")

    stats = SourceStats()
    articles, rejects = split(read_sources([inbox], stats))
    assert [a.source for a in articles] == ["Example Radio"]
    assert stats.duplicates == 1  # inside.txt points at plain.txt: same article, yielded once
    rejected = reasons_by_input(rejects)
    assert "outside" in rejected[("link.md", "")]
    assert "outside" in rejected[("linked-dir", "")]
    assert not any("Private text" in a.text for a in articles)


def test_missing_path_is_a_reject():
    _, rejects = split(read_sources([FIXTURES / "no-such-dir"]))
    assert [r.reason for r in rejects] == ["no such file or directory"]


# --- JSON ----------------------------------------------------------------------------------------


def test_broken_jsonl_lines_are_rejected_with_line_numbers_and_the_rest_read():
    articles, rejects = split(read_file(INBOX / "articles.jsonl"))
    assert [a.published_at.date() for a in articles] == [
        dt.date(2024, 3, 4), dt.date(2024, 3, 5), dt.date(2024, 3, 6)]
    rejected = reasons_by_input(rejects)
    assert rejected[("articles.jsonl", "line 3")].startswith("invalid JSON")
    assert rejected[("articles.jsonl", "line 4")] == "text: Field required"
    assert rejected[("articles.jsonl", "line 5")].startswith("published_at:")
    assert articles[0].id == "fixture-1"  # a given id is kept
    assert articles[1].id == article_id_for("https://news.example.org/dakar-rally", "")  # derived


def test_json_with_wrong_types_rejects_items_not_the_file():
    articles, rejects = split(read_file(INBOX / "batch.json"))
    assert [a.title for a in articles] == ["Convoy hit near Gao"]
    rejected = reasons_by_input(rejects)
    assert rejected[("batch.json", "item 1")] == "text: Input should be a valid string"
    assert rejected[("batch.json", "item 2")].startswith("published_at:")
    assert rejected[("batch.json", "item 3")] == "expected a JSON object, got a string"
    single, none = split(read_file(INBOX / "single.json"))
    assert len(single) == 1 and not none


def test_empty_and_non_utf8_files_are_rejected_clearly(tmp_path: Path):
    _, empty = split(read_file(INBOX / "empty.jsonl"))
    assert [r.reason for r in empty] == ["empty file: no articles"]
    _, latin = split(read_file(INBOX / "latin1.txt"))
    assert latin[0].reason.startswith("not valid UTF-8 (byte 0xe9")
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_bytes(b'{"text": "Caf\xe9 attacked in the town centre.", "published_at": "2024-01-02"}\n'
                      b'{"text": "Clashes erupted near the stadium.", "published_at": "2024-01-02"}\n')
    articles, rejects = split(read_file(mixed))
    assert [a.text for a in articles] == ["Clashes erupted near the stadium."]
    assert rejects[0].locator == "line 1" and "UTF-8" in rejects[0].reason


# --- Markdown and text ---------------------------------------------------------------------------


def test_markdown_front_matter_and_markup_removed():
    [article] = read_file(INBOX / "nested" / "report.md")
    assert article.title == "Clashes: three killed near the border"
    assert article.published_at == dt.datetime(2024, 3, 9)
    assert (article.source, article.language) == ("Example Wire", "en")
    assert "Three people were killed and five wounded" in article.text
    assert "told Example Wire." in article.text
    assert '"We heard gunfire all night," one resident said.' in article.text
    for markup in ("**", "](", "![", "burnt vehicle", "# ", "> ", "- Police", "`"):
        assert markup not in article.text


def test_date_from_file_name_or_reject_without_one():
    [dated] = read_file(INBOX / "nested" / "2024-03-10-market-fire.md")
    assert dated.published_at == dt.datetime(2024, 3, 10)
    assert dated.title == "Market set on fire"
    assert not dated.text.startswith("Market set on fire")
    [undated] = read_file(INBOX / "nested" / "undated.txt")
    assert isinstance(undated, ArticleReject)
    assert "published_at: YYYY-MM-DD" in undated.reason


# --- HTML ----------------------------------------------------------------------------------------


def test_html_main_text_without_boilerplate_and_metadata_from_markup():
    text, meta = html_to_text((PAGES / "article.html").read_text())
    assert text.startswith("Authorities in the port city imposed a dusk-to-dawn curfew")
    assert "forty people had been detained" in text
    for noise in ("Subscribe", "Share on", "Caption text", "tracking-code", "font-family",
                  "Most read", "Cookie settings", "Home"):
        assert noise not in text
    assert meta["title"] == "Curfew imposed after night of unrest"
    assert meta["date"] == dt.datetime(2024, 3, 14, 8, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert meta["url"] == "https://daily.example.com/world/curfew-unrest?utm_campaign=social"
    assert meta["source"] == "Example Daily"
    [article] = read_file(PAGES / "article.html")
    assert article.id == article_id_for("https://daily.example.com/world/curfew-unrest", "")


def test_relative_canonical_link_resolved_against_the_fetched_url():
    from pipelines.sources.html import article_from_html

    page = ('<html><head><link rel="canonical" href="/news/ceasefire">'
            '<meta property="article:published_time" content="2024-03-20"></head><body><article><p>'
            + "The two sides agreed to a ceasefire on Wednesday after a week of fighting, mediators said. " * 2
            + "</p></article></body></html>")
    fetched = article_from_html(page, "https://www.example.net/x?id=7", "https://www.example.net/x?id=7")
    assert fetched.url == "https://www.example.net/news/ceasefire"
    saved = article_from_html(page, "saved.html")
    assert saved.url is None and saved.id == article_id_for(None, saved.text)


def test_html_date_from_time_element_and_boilerplate_page_rejected():
    [article] = read_file(PAGES / "time-tag.htm")
    assert article.published_at == dt.datetime(2024, 3, 15)
    [page] = read_file(PAGES / "boilerplate.html")
    assert isinstance(page, ArticleReject)
    assert page.reason.startswith("no main text")


def test_html_in_a_legacy_encoding_is_decoded_by_its_declared_charset(tmp_path: Path):
    body = "<p>" + "Des manifestants ont bloqué la route principale mardi, selon des témoins. " * 2 + "</p>"
    page = tmp_path / "legacy.html"
    page.write_bytes(('<html lang="fr-FR"><head><meta charset="windows-1252">'
                      '<meta property="article:published_time" content="2024-03-19T10:00:00Z">'
                      f"</head><body><article>{body}</article></body></html>").encode("cp1252"))
    [article] = read_file(page)
    assert "bloqué la route" in article.text
    assert article.language == "fr"


# --- feeds ---------------------------------------------------------------------------------------


def test_rss_entries_become_articles_and_bad_entries_rejects():
    articles, rejects = split(read_file(FEEDS / "wire.rss"))
    assert [a.title for a in articles] == ["Village attacked in the north-west", "Protest over water shortages"]
    assert articles[0].text == ("Gunmen on motorbikes attacked a village in the north-west on Friday night, "
                                "killing five residents and abducting several others, police said.\n\n"
                                "Troops were sent to the area.")
    assert articles[0].published_at == dt.datetime(2024, 3, 16, 10, tzinfo=dt.UTC)
    assert articles[0].source == "Example Wire - Africa"
    assert articles[0].id == article_id_for("https://news.example.org/village-attack", "")
    rejected = reasons_by_input(rejects)
    assert "no publication date" in rejected[("wire.rss", "entry 1")]
    assert "no text" in rejected[("wire.rss", "entry 2")]


def test_atom_content_reduced_to_text_and_date_from_updated_when_unpublished():
    articles, rejects = split(read_file(FEEDS / "daily.atom"))
    assert not rejects
    depot, talks = articles
    assert depot.text == ("An airstrike destroyed a weapons depot used by an armed group near the town on "
                          "Sunday, the defence ministry said.\n\nThe group did not comment.")
    assert depot.published_at == dt.datetime(2024, 3, 18, 9, tzinfo=dt.UTC)
    assert talks.published_at == dt.datetime(2024, 3, 18, 10, tzinfo=dt.UTC)
    assert talks.url == "https://daily.example.com/world/talks-resume"


def test_feed_date_keeps_the_local_publication_day(tmp_path: Path):
    feed = tmp_path / "late.rss"
    feed.write_text(
        "<rss version='2.0'><channel><title>Night desk</title><item><title>Late report</title>"
        "<pubDate>Sun, 17 Mar 2024 00:30:00 +0100</pubDate>"
        "<description>Explosions were heard in the city shortly after midnight, residents said.</description>"
        "</item></channel></rss>")
    [article] = read_file(feed)
    assert article.published_at.date() == dt.date(2024, 3, 17)  # not the 16th, as in UTC
    assert article.published_at.utcoffset() == dt.timedelta(hours=1)


def test_a_reader_that_crashes_does_not_stop_the_other_files(monkeypatch: pytest.MonkeyPatch):
    from pipelines.sources import files

    def broken(path: Path):
        raise RuntimeError("parser exploded")
        yield  # pragma: no cover - makes this a generator

    monkeypatch.setitem(files.READERS, ".json", broken)
    articles, rejects = split(read_sources([INBOX]))
    rejected = reasons_by_input(rejects)
    assert rejected[("batch.json", "")] == "failed to read: RuntimeError: parser exploded"
    assert len(articles) == 6  # everything but the two .json files


# --- ids and duplicates --------------------------------------------------------------------------


def test_same_story_by_tracking_link_or_same_text_is_yielded_once(tmp_path: Path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.jsonl").write_text(
        '{"text": "Clashes near the dam left two dead.", "published_at": "2024-02-01",'
        ' "url": "https://news.example.org/dam?utm_source=x&utm_medium=y"}\n'
        '{"text": "Clashes near the dam left two dead (updated).", "published_at": "2024-02-01",'
        ' "url": "HTTPS://news.example.org/dam/#top"}\n'
        '{"text": "A curfew was declared in the old town.", "published_at": "2024-02-02"}\n')
    (inbox / "b.json").write_text('{"text": "A curfew was declared in the old town. ", "published_at": "2024-02-02"}')
    stats = SourceStats()
    articles, rejects = split(read_sources([inbox], stats))
    assert not rejects
    assert [a.id for a in articles] == [article_id_for("https://news.example.org/dam", ""),
                                        article_id_for(None, "A curfew was declared in the old town.")]
    assert stats.duplicates == 2


# --- HTTP ----------------------------------------------------------------------------------------

PAGE_BODY = (PAGES / "article.html").read_bytes()
FEED_BODY = (FEEDS / "wire.rss").read_bytes()


class _Handler(http.server.BaseHTTPRequestHandler):
    user_agents: list[str] = []

    def do_GET(self):  # name fixed by http.server
        self.user_agents.append(self.headers.get("User-Agent", ""))
        routes = {"/feed.xml": (FEED_BODY, "application/rss+xml"), "/page": (PAGE_BODY, "text/html"),
                  "/big": (b"x" * 5000, "text/plain")}
        if self.path == "/slow":
            time.sleep(1.0)
        if self.path not in routes:
            self.send_error(404, "Not Found")
            return
        body, kind = routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_feed_and_page_urls_are_fetched_and_read(server: str):
    articles, rejects = split(read_sources([f"{server}/feed.xml", f"{server}/page"]))
    assert [a.title for a in articles] == ["Village attacked in the north-west", "Protest over water shortages",
                                           "Curfew imposed after night of unrest"]
    assert {r.locator for r in rejects} == {"entry 1", "entry 2"}
    assert all(ua.startswith("conflict-events/") for ua in _Handler.user_agents)


def test_urls_file_lists_pages_and_failures_become_rejects(server: str, tmp_path: Path):
    listing = tmp_path / "reading.urls"
    listing.write_text(f"# pages to read\n{server}/page\n\n{server}/missing  # gone\nftp://example.org/x\n")
    articles, rejects = split(read_sources([listing]))
    assert [a.source for a in articles] == ["Example Daily"]
    assert [(r.reason, r.locator) for r in rejects] == [
        ("HTTP 404 Not Found", f"listed in {listing} line 4"),
        ("not an http(s) URL: 'ftp://example.org/x'", "line 5"),
    ]


def test_fetch_limits_size_time_and_scheme(server: str):
    assert fetch(f"{server}/big") == b"x" * 5000
    with pytest.raises(SourceError, match="too large"):
        fetch(f"{server}/big", max_bytes=1000)
    with pytest.raises(SourceError, match="timed out"):
        fetch(f"{server}/slow", timeout=0.2)
    with pytest.raises(SourceError, match="not an http"):
        fetch("file:///etc/passwd")


def test_unreachable_url_is_a_reject_not_an_exception():
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    [rejected] = read_sources([f"http://127.0.0.1:{port}/feed.xml"])
    assert isinstance(rejected, ArticleReject)
    assert rejected.reason.startswith("cannot reach 127.0.0.1")
