"""Files and directories: pick the reader for a file by its extension, and walk a directory.

A directory is read recursively in name order, so two runs over the same tree yield the same
sequence. The walk is confined to the directory: a symlink whose target lies outside it is
not followed (and is reported), symlinked directories are never descended into (their
targets inside the tree are read at their own path), hidden entries (".name") are skipped.
Everything skipped is reported as an ArticleReject, so a user can see why a file did not
become an article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from pipelines.sources.feeds import read_feed
from pipelines.sources.html import read_html
from pipelines.sources.jsonl import read_json, read_jsonl
from pipelines.sources.markdown import read_text_article
from pipelines.sources.records import guarded, reject
from pipelines.sources.web import read_url_list
from schemas import Article, ArticleReject

Reader = Callable[[Path], Iterator[Article | ArticleReject]]


def _read_feed_file(path: Path) -> Iterator[Article | ArticleReject]:
    content = path.read_bytes()
    if not content.strip():
        yield reject(str(path), "empty file: no feed")
        return
    yield from read_feed(content, str(path))


READERS: dict[str, Reader] = {
    ".jsonl": read_jsonl,
    ".json": read_json,
    ".md": read_text_article,
    ".txt": read_text_article,
    ".html": read_html,
    ".htm": read_html,
    ".xml": _read_feed_file,
    ".rss": _read_feed_file,
    ".atom": _read_feed_file,
    ".urls": read_url_list,
}


def read_file(path: Path) -> Iterator[Article | ArticleReject]:
    """Articles (and rejects) from one file, chosen by its extension."""
    path = Path(path)
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        what = f"unsupported file type {suffix}" if suffix else "unsupported file type (no extension)"
        yield reject(str(path), f"{what}; readable: {', '.join(sorted(READERS))}")
        return
    yield from guarded(str(path), reader(path))


def walk_directory(root: Path) -> Iterator[Path | ArticleReject]:
    """Files to read under `root` (recursive, in name order, confined), and rejects for the rest."""
    yield from _walk(root, root.resolve())


def _walk(directory: Path, top: Path) -> Iterator[Path | ArticleReject]:
    try:
        entries = sorted(directory.iterdir(), key=lambda p: p.name)
    except OSError as err:
        yield reject(str(directory), f"cannot list directory: {err.strerror or err}")
        return
    for entry in entries:
        verdict = _skip_reason(entry, top)
        if verdict:
            yield reject(str(entry), verdict)
        elif entry.is_dir():
            yield from _walk(entry, top)
        else:
            yield entry


def _skip_reason(entry: Path, top: Path) -> str:
    kind = "directory" if entry.is_dir() and not entry.is_symlink() else "file"
    if entry.name.startswith("."):
        return f"hidden {kind} skipped"
    if entry.is_symlink():
        target = entry.resolve()
        if not target.is_relative_to(top):
            return f"symlink points outside {top} (to {target}); not followed"
        if not target.exists():
            return f"broken symlink (to {target})"
        if target.is_dir():
            return "symlinked directory not followed (its target inside the tree is read at its own path)"
        return ""
    if not entry.is_dir() and not entry.is_file():
        return "not a regular file"
    return ""
