-- An area's previous and next session are ordered by (performed_at, event_id) (HistoryQueries.PREVIOUS_ON_AREA,
-- NEXT_ON_AREA). Without event_id in the index, a planner whose statistics lag behind a bulk of new rows (seen in
-- bench/run.sh right after 100,000 sessions per user were written) took the user's time index instead, read every
-- session of the user up to the moment and sorted them: 51 ms a query instead of 0.1. With it, the neighbour is one
-- index entry whatever the statistics say. V6: after the outbox module's V5_2, so deployed databases migrate in order.
create index needling_session_by_area_and_id on needling_session (app_id, user_id, area, performed_at, event_id);
drop index needling_session_by_area;
