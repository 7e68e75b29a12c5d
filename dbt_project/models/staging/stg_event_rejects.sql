select
    article_id,
    coder,
    coder_version,
    reason,
    payload,
    extracted_at
from {{ source('raw', 'event_rejects') }}
