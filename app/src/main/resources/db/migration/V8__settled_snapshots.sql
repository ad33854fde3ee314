-- Only snapshots whose positions were all committed when they were read may start a reconstruction: an export reads
-- the newest state, where a long transaction (a restore) may still commit events below the position it records.
alter table config_snapshot add column settled boolean not null default false;
update config_snapshot set settled = (trigger = 'AUTOMATIC');
