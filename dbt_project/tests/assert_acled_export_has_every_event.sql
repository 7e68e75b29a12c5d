-- Fails for every fused event missing from the ACLED export (the export must be complete;
-- the reverse direction is the relationships test on acled_export.event_id_cnty).
select event_id
from {{ ref('fct_events') }}
where event_id not in (select event_id_cnty from {{ ref('acled_export') }})
