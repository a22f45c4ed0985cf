-- Outbox migrations after V0_1 are numbered between the services' own (this one after their V2), so a database
-- made before applies them in order, and a service migration that needs one (risk V3 needs this) comes after it.
-- An event is named by its app and its id (DESIGN.md "Events"): two apps may pick the same UUID.
alter table consumed_event add column app_id varchar(64);
-- Rows consumed before this migration are kept for every app (ConsumedEvents.ANY_APP), so a replay of the
-- records they stand for still changes nothing; a service's own migration may name their apps where it knows them.
update consumed_event set app_id = '';
alter table consumed_event alter column app_id set not null;
alter table consumed_event drop constraint consumed_event_pkey;
alter table consumed_event add primary key (app_id, event_id);
