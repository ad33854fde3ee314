-- Command side: each entity's data key, wrapped by ENCRYPTION_KEY (kek_id tells which key wrapped it).
create table data_key (
    entity_id   uuid        not null primary key,
    wrapped_key bytea       not null,
    kek_id      text        not null,
    created_at  timestamptz not null default now()
);

-- Command side: names and references of live entities, for set-based rules. Written in the same transaction as
-- the events. The unique index settles races on names; the deferred foreign keys settle races between deleting an
-- entity and pointing at it (checked at commit, so the order of writes inside one transaction does not matter).
create table config_index (
    id           uuid not null primary key,
    type         text not null,
    natural_key  text not null,
    adapter_kind text
);
create unique index config_index_unique_name on config_index (type, lower(natural_key));

create table config_reference (
    from_id       uuid not null references config_index (id) deferrable initially deferred,
    field         text not null,
    to_id         uuid not null references config_index (id) deferrable initially deferred,
    required_kind text,
    primary key (from_id, field)
);
create index config_reference_to on config_reference (to_id);

-- Query side: the current configuration. Secrets only as sealed values; the API shows their names alone.
create table config_entity (
    id          uuid        not null primary key,
    type        text        not null,
    natural_key text        not null,
    version     bigint      not null,
    state       jsonb       not null,
    secrets     jsonb       not null,
    updated_at  timestamptz not null
);
create index config_entity_type_name on config_entity (type, lower(natural_key));
