-- Instants map to stream positions through this index instead of a scan (Axon writes time_stamp as ISO-8601
-- with three fraction digits, so text order is time order).
create index domain_event_entry_time on domain_event_entry (time_stamp, global_index);

-- Versioned snapshots of the whole configuration (secrets still sealed), taken by exports and automatically.
create table config_snapshot (
    version         bigserial   not null primary key,
    covers_position bigint      not null,
    config_position bigint      not null,
    event_time      timestamptz,
    created_at      timestamptz not null default now(),
    trigger         text        not null,
    document_sha256 text        not null,
    counts          jsonb       not null,
    entities        bytea       not null
);
create index config_snapshot_covers on config_snapshot (covers_position);
