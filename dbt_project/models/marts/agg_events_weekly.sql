{{ aggregate_events('week') }}
