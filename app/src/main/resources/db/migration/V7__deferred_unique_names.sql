-- Names stay unique per type, but the check moves to commit: a REPLACE restore creates an entity under a name that
-- an entity it deletes later in the same transaction still holds (the first administrator of a new instance and the
-- "administrators" group, typically). Only the committed result must be unique.
drop index config_index_unique_name;
alter table config_index add column natural_key_lower text generated always as (lower(natural_key)) stored;
alter table config_index add constraint config_index_unique_name
    unique (type, natural_key_lower) deferrable initially deferred;
