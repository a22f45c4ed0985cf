-- Outbox rows that can never be sent (their topic absent, writing to it not authorized, too large), moved out of
-- the relay's way with the reason, until an operator retries them (GET/POST /v1/operator/outbox/parked).
create table outbox_parked (
    id          bigint       primary key,
    topic       varchar(255) not null,
    record_key  varchar(200) not null,
    event_id    uuid         not null,
    event_type  varchar(100) not null,
    payload     text         not null,
    created_at  timestamptz  not null,
    reason      varchar(500) not null,
    parked_at   timestamptz  not null default now()
);

-- One relay publishes each database now (an advisory lock): rows are no longer leased.
alter table outbox_message drop column leased_until;

-- The retention job deletes the oldest ids in batches.
create index consumed_event_consumed_at on consumed_event (consumed_at);
