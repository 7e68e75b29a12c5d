select
    id as article_id,
    title,
    text,
    published_at,
    cast(published_at as date) as published_on,
    url,
    source,
    language,
    source_path,
    ingested_at
from {{ source('raw', 'articles') }}
