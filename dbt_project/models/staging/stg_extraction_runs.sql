select
    article_id,
    coder,
    coder_version,
    status,
    n_events,
    n_rejects,
    error,
    started_at,
    finished_at
from {{ source('raw', 'extraction_runs') }}
