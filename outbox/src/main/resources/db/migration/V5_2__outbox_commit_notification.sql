-- Numbered above every migration the services have applied (risk V3, notify V5), so every existing database runs
-- it; a service's next migration comes after it.
-- Wakes the outbox relay when a transaction that wrote rows commits: PostgreSQL delivers a NOTIFY only on commit, to
-- every session that listens (the relay instance holding the publishing lock, in this process or another), and
-- folds the identical notifications of one transaction into one. A statement-level trigger costs the writer no round
-- trip. The relay's timer stays as the fallback for a notification missed while it reconnected.
create function outbox_message_written() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox_message_written', '');
    return null;
end
$$;
create trigger outbox_message_written after insert on outbox_message
    for each statement execute function outbox_message_written();
