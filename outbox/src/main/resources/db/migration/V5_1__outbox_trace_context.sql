-- Numbered above every migration the services have applied (risk V3, notify V5), so every existing database runs
-- it; a service's next migration comes after it.
-- The W3C trace context (traceparent) of the transaction that wrote the row: the relay sends it as a header, so the
-- consumer's work joins the trace of the request that caused it. Ids only, never health data.
alter table outbox_message add column trace_parent varchar(55);
