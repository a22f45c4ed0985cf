-- risk-service judges an event again when an earlier one arrives late (DESIGN.md "Delivery guarantees"): each
-- re-judgement is an assessment of its own about the same source event. A finding that only repeats what was
-- already counted for that event is no new firing: it must neither raise occurrences nor count towards the
-- third firing in 30 days. Firings recorded before this column existed have none.
alter table rule_firing add column source_event_id uuid;
create index rule_firing_source_event on rule_firing (app_id, user_id, rule, area, source_event_id);
