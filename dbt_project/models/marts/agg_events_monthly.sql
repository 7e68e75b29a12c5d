{{ aggregate_events('month') }}
