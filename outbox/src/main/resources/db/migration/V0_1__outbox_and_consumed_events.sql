-- Shared by every service that publishes after a database write (dermaguard-outbox).

-- Records to publish, written in the same transaction as the state they announce.
create table outbox_message (
    id           bigint generated always as identity primary key,
    topic        varchar(255) not null,
    record_key   varchar(200) not null,
    event_id     uuid         not null,
    event_type   varchar(100) not null,
    payload      text         not null,
    created_at   timestamptz  not null default now(),
    -- Set while one relay instance publishes the row, so two instances never send it concurrently.
    leased_until timestamptz
);
create index outbox_message_pending on outbox_message (id) include (leased_until);

-- Every consumed event id, written in the same transaction as its effect: a redelivery changes nothing.
create table consumed_event (
    event_id    uuid        primary key,
    consumed_at timestamptz not null default now()
);
