-- The database hands out the global index as it inserts the event (META-INF/orm.xml maps it as an identity
-- column): the same sequence, one value at a time, in one round trip instead of a nextval and an insert.
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
alter sequence domain_event_entry_seq owned by domain_event_entry.global_index;
