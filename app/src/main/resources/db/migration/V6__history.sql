-- Query side: one row per configuration event, written in the command's transaction (subscribing processor), so
-- history is exact. Secrets never appear: changes name a changed secret without its value, state_after only lists
-- the names of the secrets that are set.
create table config_history (
    position            bigint      not null primary key,
    event_time          timestamptz not null,
    actor_id            text,
    actor_name          text,
    source              text,
    request_id          text,
    restore_id          text,
    entity_type         text        not null,
    entity_id           uuid        not null,
    entity_name         text        not null,
    version             bigint      not null,
    action              text        not null,
    reverted_to_version bigint,
    changes             jsonb       not null,
    -- the entity in API shape after the change; null when the change deleted it
    state_after         jsonb
);
-- one index per question auditors ask, each ending in position so that "newest first" pages need no sort
create unique index config_history_entity on config_history (entity_id, version);
create index config_history_entity_position on config_history (entity_id, position desc);
create index config_history_actor on config_history (actor_id, position desc);
create index config_history_type on config_history (entity_type, position desc);
create index config_history_source on config_history (source, position desc);
create index config_history_time on config_history (event_time, position);

-- Tamper evidence: link(n) = SHA-256(link(previous chained event) || canonical content of event n).
-- Only events that can no longer be joined by a still-open transaction are chained (see docs/history.md).
create table event_chain (
    position  bigint      not null primary key,
    link      bytea       not null,
    sealed_at timestamptz not null default now()
);
