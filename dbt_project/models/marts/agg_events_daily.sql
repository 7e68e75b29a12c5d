{{ aggregate_events('day') }}
