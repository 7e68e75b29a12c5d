-- One row per real-world event: reports from several articles with the same day, place,
-- sub-event type and actor pair are one event (ACLED's one event per date x location x actor
-- pair x type). The actor pair is unordered, since two reports may name the sides in either order.
with reports as (
    select
        events.*,
        coalesce(nullif(events.source, ''), articles.source) as report_source,
        least(events.actor1, events.actor2) as actor_a,
        greatest(events.actor1, events.actor2) as actor_b
    from {{ ref('stg_events') }} as events
    left join {{ ref('stg_articles') }} as articles
        on events.article_id = articles.article_id
),

keyed as (
    select
        *,
        md5(concat_ws('|',
            cast(event_date as varchar), country, admin1, location, sub_event_type, actor_a, actor_b
        )) as fusion_key
    from reports
),

ranked as (
    select
        *,
        row_number() over (
            partition by fusion_key
            order by confidence desc, event_index, article_id, event_id
        ) as confidence_rank
    from keyed
),

fused as (
    select
        fusion_key,
        count(distinct article_id) as n_articles,
        array_agg(distinct article_id order by article_id) as article_ids,
        string_agg(distinct report_source, '; ' order by report_source) as sources,
        -- ACLED's conservative practice: when reports disagree, the lowest figure. A report that
        -- names no deaths is silent rather than a count of zero, so it does not pull a reported
        -- toll down; 0 only when no report gives one.
        coalesce(min(case when fatalities > 0 then fatalities end), 0) as fatalities,
        max(fatalities) as fatalities_max_reported,
        max(extracted_at) as extracted_at
    from keyed
    group by fusion_key
)

select
    ranked.fusion_key,
    ranked.event_id as representative_event_id,
    ranked.article_id as representative_article_id,
    ranked.coder,
    ranked.coder_version,
    ranked.confidence,
    ranked.evidence,
    ranked.event_date,
    ranked.year,
    ranked.time_precision,
    ranked.disorder_type,
    ranked.event_type,
    ranked.sub_event_type,
    ranked.actor1,
    ranked.assoc_actor_1,
    ranked.inter1,
    ranked.actor2,
    ranked.assoc_actor_2,
    ranked.inter2,
    ranked.interaction,
    ranked.civilian_targeting,
    ranked.iso,
    ranked.region,
    ranked.country,
    ranked.admin1,
    ranked.admin2,
    ranked.admin3,
    ranked.location,
    ranked.latitude,
    ranked.longitude,
    ranked.geo_precision,
    ranked.source_scale,
    ranked.notes,
    ranked.tags,
    fused.fatalities,
    fused.fatalities_max_reported,
    fused.n_articles,
    fused.article_ids,
    coalesce(fused.sources, '') as sources,
    fused.extracted_at
from ranked
inner join fused on ranked.fusion_key = fused.fusion_key
where ranked.confidence_rank = 1
