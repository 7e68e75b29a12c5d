{#- Events per period (day, week, month) x country x admin1 x event type: the shared body of agg_events_*.
    Weeks start on Monday (ISO), as date_trunc('week', ...) does in DuckDB and Postgres. -#}
{% macro aggregate_events(period) %}
select
    cast(date_trunc('{{ period }}', event_date) as date) as period_start,
    country,
    admin1,
    event_type,
    count(*) as events,
    sum(fatalities) as fatalities,
    sum(case when civilian_targeting = 'Civilian targeting' then 1 else 0 end) as civilian_targeting_events
from {{ ref('fct_events') }}
group by 1, 2, 3, 4
{% endmacro %}
