-- Symptom check-ins, judged against the session they follow on the same area.
create table symptom_check_in (
    event_id           uuid          primary key,
    app_id             varchar(64)   not null,
    user_id            varchar(64)   not null,
    area               varchar(20)   not null,
    reported_at        timestamptz   not null,
    utc_offset_seconds integer       not null,
    -- Comma-separated symptom names; empty means all clear.
    symptoms           varchar(300)  not null,
    received_at        timestamptz   not null default now()
);
create index symptom_check_in_by_area on symptom_check_in (app_id, user_id, area, reported_at);

-- The latest finding of each rule on each area that still stands: check-in findings until an all-clear
-- check-in, session findings until the next session on the area. NEEDLING_INFLAMED_SKIN and the risk profile
-- read it; it holds at most (areas x rules) rows per user.
create table open_risk (
    app_id           varchar(64)  not null,
    user_id          varchar(64)  not null,
    area             varchar(20)  not null,
    rule             varchar(40)  not null,
    severity         varchar(10)  not null,
    source_event_id  uuid         not null,
    source_at        timestamptz  not null,
    -- The Risk as published.
    risk             text         not null,
    primary key (app_id, user_id, area, rule)
);

-- The latest skin type a user reported: most sessions carry none, so only those that do are indexed.
create index needling_session_skin_type on needling_session (app_id, user_id, performed_at)
    where skin_type is not null;
-- Shallow home sessions, counted only up to the INEFFECTIVE_FOR_GOAL threshold.
create index needling_session_by_depth on needling_session (app_id, user_id, setting, needle_depth_mm, performed_at);
