-- One row per actor name, from both sides of every event. An actor's inter code can differ
-- between events (a state's forces are 1 at home, 8 abroad); `inter` is its most frequent code
-- (ties: the lower code), and `inter_codes` lists all of them.
with appearances as (
    select actor1 as actor, inter1 as inter, event_id, event_date, fatalities from {{ ref('fct_events') }}
    union all
    select actor2 as actor, inter2 as inter, event_id, event_date, fatalities from {{ ref('fct_events') }}
    where actor2 <> ''
),

codes as (
    select
        actor,
        inter,
        row_number() over (partition by actor order by count(*) desc, inter) as frequency_rank
    from appearances
    group by actor, inter
),

totals as (
    select
        actor,
        count(distinct event_id) as events,
        min(event_date) as first_seen,
        max(event_date) as last_seen,
        array_agg(distinct inter order by inter) as inter_codes
    from appearances
    group by actor
)

select
    'act_' || substr(md5(totals.actor), 1, 20) as actor_id,
    totals.actor,
    codes.inter,
    totals.inter_codes,
    totals.events,
    totals.first_seen,
    totals.last_seen
from totals
inner join codes on totals.actor = codes.actor and codes.frequency_rank = 1
