select
    reject_id,
    source,
    locator,
    reason,
    raw_excerpt,
    ingested_at
from {{ source('raw', 'article_rejects') }}
