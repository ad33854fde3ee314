-- Command side: what access control needs to know in the same transaction as the events: whether a user is enabled
-- (its groups are its groupIds references) and which permissions a group holds.
alter table config_index add column enabled boolean;
alter table config_index add column permissions text[];

-- Entities written before this migration: take the values from the current configuration.
update config_index i set enabled = coalesce((e.state ->> 'enabled')::boolean, true)
  from config_entity e where e.id = i.id and i.type = 'USER';
update config_index i set permissions = array(select jsonb_array_elements_text(e.state -> 'permissions'))
  from config_entity e where e.id = i.id and i.type = 'GROUP';

-- Query side: API tokens, by the hash of their value (the value itself is never stored).
create table api_token (
    id          uuid        not null primary key,
    owner_id    uuid        not null,
    name        text        not null,
    token_hash  text        not null unique,
    permissions text[]      not null,
    created_at  timestamptz not null,
    expires_at  timestamptz,
    revoked_at  timestamptz
);
create index api_token_owner on api_token (owner_id);

-- Query side: the audit log, one row per audited action or configuration change.
create table audit_log (
    id          bigserial   not null primary key,
    event_id    text        not null unique,
    at          timestamptz not null,
    action      text        not null,
    outcome     text        not null,
    actor_id    text,
    actor_name  text,
    target      text,
    details     jsonb       not null
);
create index audit_log_at on audit_log (at desc, id desc);
create index audit_log_actor on audit_log (lower(actor_name), at desc);
create index audit_log_action on audit_log (action, at desc);

-- App: failed logins, per account and per client address, shared by every instance on this database.
create table login_failure (
    id        bigserial   not null primary key,
    username  text        not null,
    address   text        not null,
    failed_at timestamptz not null
);
create index login_failure_username on login_failure (lower(username), failed_at);
create index login_failure_address on login_failure (address, failed_at);
