-- Snapshots of long-lived aggregates (ADR 31). Axon reads an aggregate's newest snapshot before every load of it
-- (`where aggregate_identifier = ? order by sequence_number desc limit 1`), whether or not its type is snapshotted; the
-- primary key leads with sequence_number, so without this index each load would scan the table.
create index snapshot_event_entry_by_aggregate on snapshot_event_entry (aggregate_identifier, sequence_number desc);
