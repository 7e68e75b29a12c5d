-- Only the events of each article's latest extraction: when several coders (or, before the
-- writer replaced them, several versions of one coder) extracted an article, the most recent
-- one wins, so the marts never mix two codings of the same article.
with events as (
    select * from {{ source('raw', 'events') }}
),

extractions as (
    select distinct article_id, coder, coder_version, extracted_at
    from events
),

latest_extraction as (
    select
        article_id,
        coder,
        coder_version,
        row_number() over (
            partition by article_id
            order by extracted_at desc, coder_version desc, coder
        ) as recency
    from extractions
)

select
    events.event_id,
    events.article_id,
    events.event_index,
    events.evidence,
    events.confidence,
    events.coder,
    events.coder_version,
    events.extracted_at,
    events.event_date,
    events.year,
    events.time_precision,
    events.disorder_type,
    events.event_type,
    events.sub_event_type,
    events.actor1,
    events.assoc_actor_1,
    events.inter1,
    events.actor2,
    events.assoc_actor_2,
    events.inter2,
    events.interaction,
    events.civilian_targeting,
    events.iso,
    events.region,
    events.country,
    events.admin1,
    events.admin2,
    events.admin3,
    events.location,
    events.latitude,
    events.longitude,
    events.geo_precision,
    events.fatalities,
    events.source,
    events.source_scale,
    events.notes,
    events.tags
from events
inner join latest_extraction
    on events.article_id = latest_extraction.article_id
    and events.coder = latest_extraction.coder
    and events.coder_version = latest_extraction.coder_version
where latest_extraction.recency = 1
