-- One row per named place (country, admin1, admin2, location). Coordinates and ISO code come
-- from the event that placed it most precisely (lowest geo_precision), then the latest one.
with ranked as (
    select
        location_id,
        country,
        iso,
        admin1,
        admin2,
        location,
        latitude,
        longitude,
        geo_precision,
        row_number() over (
            partition by location_id
            order by geo_precision, event_date desc, event_id
        ) as precision_rank
    from {{ ref('fct_events') }}
),

totals as (
    select
        location_id,
        count(*) as events,
        sum(fatalities) as fatalities,
        min(event_date) as first_event_date,
        max(event_date) as last_event_date
    from {{ ref('fct_events') }}
    group by location_id
)

select
    ranked.location_id,
    ranked.country,
    ranked.iso,
    ranked.admin1,
    ranked.admin2,
    ranked.location,
    ranked.latitude,
    ranked.longitude,
    ranked.geo_precision,
    totals.events,
    totals.fatalities,
    totals.first_event_date,
    totals.last_event_date
from ranked
inner join totals on ranked.location_id = totals.location_id
where ranked.precision_rank = 1
