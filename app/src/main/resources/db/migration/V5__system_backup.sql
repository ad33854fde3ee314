-- Every automated or on-demand system backup run. A scheduled slot is claimed by inserting its row: the unique
-- (trigger, slot) makes exactly one instance of a cluster win each slot. Manual runs have no slot (nulls never
-- collide), so any number of them may run.
create table system_backup_run (
    id                    uuid        not null primary key,
    trigger               text        not null check (trigger in ('SCHEDULE', 'MANUAL')),
    slot                  timestamptz,
    started_at            timestamptz not null,
    finished_at           timestamptz,
    status                text        not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    destination_id        uuid,
    file_name             text,
    size                  bigint,
    snapshot_version      bigint,
    retention_deleted     integer,
    error                 text,
    constraint system_backup_run_slot unique (trigger, slot)
);
create index system_backup_run_started on system_backup_run (started_at desc);
