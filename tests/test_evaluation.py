"""The ACLED per-field report: metric definitions on an invented export, with a scripted coder."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from pipelines.evaluation.acled import (
    NO_EVENT,
    evaluate_acled_export,
    format_report,
    parse_acled_date,
)
from pipelines.evaluation.synthetic_articles import generate_articles
from schemas.article import Article
from schemas.event import Event
from schemas.taxonomy import ACLED_COLUMNS

# Invented rows in ACLED's export columns; notes written for these tests in ACLED's style.
SHELLING = {
    "event_id_cnty": "TST1", "event_date": "2024-03-14", "year": "2024", "time_precision": "1",
    "disorder_type": "Political violence", "event_type": "Explosions/Remote violence",
    "sub_event_type": "Shelling/artillery/missile attack", "actor1": "Military Forces of Russia (2000-)",
    "inter1": "8", "actor2": "Civilians (Ukraine)", "inter2": "7", "interaction": "78",
    "civilian_targeting": "Civilian targeting", "iso": "804", "region": "Europe", "country": "Ukraine",
    "admin1": "Kharkiv", "admin2": "Kupianskyi", "location": "Kupiansk", "latitude": "49.7106",
    "longitude": "37.6156", "geo_precision": "1", "source": "Local press", "source_scale": "National",
    "notes": "On 14 March 2024, Russian forces shelled Kupiansk (Kupianskyi, Kharkiv) with artillery. "
    "2 civilians were killed.",
    "fatalities": "2",
}
CLASH = {
    **SHELLING,
    "event_id_cnty": "TST2", "event_date": "22 May 2023", "year": "2023", "disorder_type": "Political violence",
    "event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "Military Forces of Nigeria (2015-2023)",
    "inter1": "1", "actor2": "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "inter2": "2",
    "interaction": "12", "civilian_targeting": "", "iso": "566", "region": "Western Africa",
    "country": "Nigeria", "admin1": "Borno", "admin2": "Bama", "location": "Bama", "latitude": "11.5221",
    "longitude": "13.6856",
    "notes": "On 22 May 2023, soldiers clashed with Boko Haram fighters near Bama (Bama, Borno). "
    "5 militants were killed.",
    "fatalities": "5",
}
PROTEST = {
    **SHELLING,
    "event_id_cnty": "TST3", "event_date": "2024-06-02", "year": "2024", "disorder_type": "Demonstrations",
    "event_type": "Protests", "sub_event_type": "Peaceful protest", "actor1": "Protesters (Kenya)",
    "inter1": "6", "actor2": "", "inter2": "0", "interaction": "60", "civilian_targeting": "",
    "iso": "404", "region": "Eastern Africa", "country": "Kenya", "admin1": "Nairobi", "admin2": "Westlands",
    "location": "Nairobi - Westlands", "latitude": "-1.2676", "longitude": "36.8108",
    "notes": "On 2 June 2024, teachers held a peaceful protest in Nairobi - Westlands (Nairobi) over "
    "unpaid salaries. [size=no report]",
    "fatalities": "0",
}
INTER_OF = {"Civilians (Ukraine)": 7, "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad": 2}


def write_export(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(ACLED_COLUMNS), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def event_like(row: dict[str, str], article: Article, index: int = 0, **changes: Any) -> Event:
    """An event copying the row's coded fields, with `changes` applied."""
    data: dict[str, Any] = {
        "event_id": f"{article.id}:{index}", "article_id": article.id, "event_index": index,
        "evidence": [{"start": 0, "end": len(article.text)}], "confidence": 0.9,
        "coder": "scripted", "coder_version": "1", "event_date": parse_acled_date(row["event_date"]),
        "time_precision": 1, "event_type": row["event_type"], "sub_event_type": row["sub_event_type"],
        "actor1": row["actor1"], "inter1": int(row["inter1"]), "actor2": row["actor2"],
        "inter2": int(row["inter2"]), "country": row["country"], "admin1": row["admin1"],
        "location": row["location"], "latitude": float(row["latitude"]),
        "longitude": float(row["longitude"]), "geo_precision": 1, "fatalities": int(row["fatalities"]),
    }
    data.update(changes)
    return Event.model_validate(data)


class ScriptedCoder:
    """Answers each article (by id) with events built by a scripted function; records articles."""

    name = "scripted"
    version = "1"

    def __init__(self, script: dict[str, Any]) -> None:
        self.script = script
        self.seen: list[Article] = []

    def code(self, article: Article) -> list[Event]:
        self.seen.append(article)
        answer = self.script.get(article.id)
        return answer(article) if answer else []


def test_a_perfect_row_and_a_wrong_type_score_half(tmp_path: Path) -> None:
    export = write_export(tmp_path / "export.csv", [SHELLING, CLASH])
    coder = ScriptedCoder({
        "TST1": lambda a: [event_like(SHELLING, a)],
        "TST2": lambda a: [event_like(CLASH, a, event_type="Explosions/Remote violence",
                                      sub_event_type="Air/drone strike")],
    })

    report = evaluate_acled_export(export, coder)

    accuracy = report.field_accuracy()
    assert report.scored == 2
    assert accuracy["detected"] == 1.0
    assert accuracy["event_type"] == 0.5
    assert accuracy["sub_event_type"] == 0.5
    assert accuracy["event_date"] == accuracy["location"] == accuracy["fatalities"] == 1.0
    assert report.top_confusions() == [("Armed clash", "Air/drone strike", 1)]
    assert report.events_per_note == 1.0


def test_a_missed_row_counts_against_every_field(tmp_path: Path) -> None:
    export = write_export(tmp_path / "export.csv", [SHELLING, PROTEST])
    coder = ScriptedCoder({"TST1": lambda a: [event_like(SHELLING, a)]})

    report = evaluate_acled_export(export, coder)

    assert report.field_accuracy()["detected"] == 0.5
    assert report.field_accuracy()["country"] == 0.5
    assert ("Peaceful protest", NO_EVENT, 1) in report.top_confusions()
    assert report.events_per_note == 0.5


def test_the_best_matching_event_is_compared_and_all_events_are_counted(tmp_path: Path) -> None:
    export = write_export(tmp_path / "export.csv", [SHELLING])
    coder = ScriptedCoder({
        "TST1": lambda a: [
            event_like(SHELLING, a, 0, event_type="Battles", sub_event_type="Armed clash",
                       actor2="Military Forces of Ukraine (2019-)", inter2=1),
            event_like(SHELLING, a, 1),
            event_like(SHELLING, a, 2, fatalities=7),
        ]
    })

    report = evaluate_acled_export(export, coder)

    assert report.field_accuracy()["sub_event_type"] == 1.0
    assert report.field_accuracy()["fatalities"] == 1.0
    assert report.events_per_note == 3.0
    # The confusion table is about the main (first) event.
    assert report.top_confusions() == [("Shelling/artillery/missile attack", "Armed clash", 1)]


def test_places_match_by_spelling_district_or_distance(tmp_path: Path) -> None:
    export = write_export(tmp_path / "export.csv", [SHELLING, CLASH, PROTEST])
    coder = ScriptedCoder({
        # another transliteration of both names
        "TST1": lambda a: [event_like(SHELLING, a, admin1="Kharkov", location="Kupyansk")],
        # a different name 40 km away, in the right state
        "TST2": lambda a: [event_like(CLASH, a, location="Konduga", latitude=11.65, longitude=13.42)],
        # the city of ACLED's "City - District" location, a few km from the district's point
        "TST3": lambda a: [event_like(PROTEST, a, location="Nairobi", latitude=-1.2864, longitude=36.8172)],
    })

    report = evaluate_acled_export(export, coder)

    hits = {r.event_id: r.hits for r in report.rows}
    assert hits["TST1"]["admin1"] and hits["TST1"]["location"]
    assert hits["TST2"]["admin1"] and not hits["TST2"]["location"]
    assert hits["TST3"]["location"]


def test_a_nearby_point_with_another_name_is_the_same_location(tmp_path: Path) -> None:
    export = write_export(tmp_path / "export.csv", [SHELLING])
    coder = ScriptedCoder({
        "TST1": lambda a: [event_like(SHELLING, a, location="Kupiansk-Vuzlovyi outskirts",
                                      latitude=49.66, longitude=37.66)]
    })

    report = evaluate_acled_export(export, coder)

    assert report.rows[0].hits["location"]


def test_actors_loose_ignores_regime_years_but_exact_does_not(tmp_path: Path) -> None:
    export = write_export(tmp_path / "export.csv", [SHELLING, CLASH])
    coder = ScriptedCoder({
        "TST1": lambda a: [event_like(SHELLING, a, actor1="Military Forces of Russia (2022-)")],
        "TST2": lambda a: [event_like(CLASH, a, actor2="Islamic State West Africa Province")],
    })

    report = evaluate_acled_export(export, coder)

    hits = {r.event_id: r.hits for r in report.rows}
    assert hits["TST1"]["actors_loose"] and not hits["TST1"]["actors_exact"]
    assert not hits["TST2"]["actors_loose"]


def test_notes_become_articles_published_days_after_the_event(tmp_path: Path) -> None:
    export = write_export(tmp_path / "export.csv", [SHELLING, CLASH])
    coder = ScriptedCoder({})

    evaluate_acled_export(export, coder, published_after_days=5)

    assert [(a.id, a.published_on) for a in coder.seen] == [
        ("TST1", dt.date(2024, 3, 19)),
        ("TST2", dt.date(2023, 5, 27)),
    ]
    assert coder.seen[0].text == SHELLING["notes"]


def test_rows_without_notes_are_skipped_and_bad_rows_rejected_with_reasons(tmp_path: Path) -> None:
    rows = [
        SHELLING,
        {**CLASH, "event_id_cnty": "TST4", "notes": "  "},
        {**CLASH, "event_id_cnty": "TST5", "event_date": "2023-02-30"},
        {**CLASH, "event_id_cnty": "TST6", "event_date": ""},
        {**CLASH, "event_id_cnty": "TST7", "fatalities": "several"},
        {**CLASH, "event_id_cnty": "TST8", "notes": "..."},
        CLASH,
    ]
    export = write_export(tmp_path / "export.csv", rows)

    report = evaluate_acled_export(export, ScriptedCoder({}))

    assert [r.event_id for r in report.rows] == ["TST1", "TST2"]
    assert report.skipped_without_notes == 1
    reasons = {p.event_id: p.reason for p in report.rejects}
    assert set(reasons) == {"TST5", "TST6", "TST7", "TST8"}
    assert "2023-02-30" in reasons["TST5"]
    assert "several" in reasons["TST7"]
    assert [p.line for p in report.rejects] == [4, 5, 6, 7]
    assert "line 4 (TST5)" in format_report(report)


def test_limit_caps_rows_with_notes_and_progress_counts_them(tmp_path: Path) -> None:
    export = write_export(tmp_path / "export.csv", [{**SHELLING, "notes": ""}, SHELLING, CLASH, PROTEST])
    calls: list[tuple[int, int]] = []

    report = evaluate_acled_export(export, ScriptedCoder({}), limit=2, progress=lambda d, t: calls.append((d, t)))

    assert [r.event_id for r in report.rows] == ["TST1", "TST2"]
    assert report.skipped_without_notes == 1
    assert calls == [(1, 2), (2, 2)]


def test_a_coder_failing_on_one_row_is_reported_not_fatal(tmp_path: Path) -> None:
    export = write_export(tmp_path / "export.csv", [SHELLING, CLASH])

    def explode(article: Article) -> list[Event]:
        raise RuntimeError("gazetteer exploded")

    coder = ScriptedCoder({"TST1": explode, "TST2": lambda a: [event_like(CLASH, a)]})

    report = evaluate_acled_export(export, coder)

    assert report.scored == 2
    assert report.field_accuracy()["detected"] == 0.5
    assert report.coder_errors[0].event_id == "TST1"
    assert "gazetteer exploded" in report.coder_errors[0].reason


def test_a_file_without_acled_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("id,text\n1,hello\n")
    with pytest.raises(ValueError, match="notes"):
        evaluate_acled_export(path, ScriptedCoder({}))


def test_articles_cannot_be_published_before_the_event(tmp_path: Path) -> None:
    export = write_export(tmp_path / "export.csv", [SHELLING])
    with pytest.raises(ValueError, match="published_after_days"):
        evaluate_acled_export(export, ScriptedCoder({}), published_after_days=-1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2023-05-22", dt.date(2023, 5, 22)), ("22 May 2023", dt.date(2023, 5, 22)),
     ("3 September 2022", dt.date(2022, 9, 3)), ("2022-09-03T00:00:00", dt.date(2022, 9, 3))],
)
def test_acled_date_spellings_are_read(text: str, expected: dt.date) -> None:
    assert parse_acled_date(text) == expected


def test_per_country_breakdown_and_text_report(tmp_path: Path) -> None:
    export = write_export(tmp_path / "export.csv", [SHELLING, {**SHELLING, "event_id_cnty": "TST9"}, CLASH])
    coder = ScriptedCoder({"TST1": lambda a: [event_like(SHELLING, a)], "TST2": lambda a: [event_like(CLASH, a)]})

    report = evaluate_acled_export(export, coder)

    countries = report.by_country()
    assert list(countries) == ["Ukraine", "Nigeria"]
    assert countries["Ukraine"].rows == 2
    assert countries["Ukraine"].accuracy["detected"] == 0.5
    assert countries["Nigeria"].accuracy["event_type"] == 1.0
    text = format_report(report)
    assert "sub_event_type" in text and "Per country" in text and "Ukraine" in text
    assert "Shelling/artillery/missile attack" in text


def test_the_rules_coder_codes_plain_notes(tmp_path: Path) -> None:
    from pipelines.extraction.coder import get_coder

    export = write_export(tmp_path / "export.csv", [SHELLING, CLASH, PROTEST])

    report = evaluate_acled_export(export, get_coder("rules"))

    assert report.scored == 3 and not report.coder_errors
    assert report.field_accuracy()["detected"] >= 2 / 3
    assert "accuracy" in format_report(report)


def test_synthetic_articles_are_reproducible_news_sized_and_valid() -> None:
    first = generate_articles(20, seed=7)
    again = generate_articles(20, seed=7)

    assert [a.text for a in first] == [a.text for a in again]
    assert len({a.id for a in first}) == 20
    sizes = sorted(len(a.text) for a in first)
    assert 3500 <= sizes[len(sizes) // 2] <= 7000
    assert generate_articles(5, seed=8)[0].text != first[0].text
