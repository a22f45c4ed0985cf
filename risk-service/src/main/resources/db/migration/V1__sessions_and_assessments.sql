-- A user's micro-needling history: the only state the rules look back on.
create table needling_session (
    event_id           uuid          primary key,
    app_id             varchar(64)   not null,
    user_id            varchar(64)   not null,
    area               varchar(20)   not null,
    performed_at       timestamptz   not null,
    -- The offset the app reported, so that day-based rules count the user's own days.
    utc_offset_seconds integer       not null,
    needle_depth_mm    numeric(3, 2) not null,
    device             varchar(10)   not null,
    setting            varchar(10)   not null,
    skin_type          varchar(3),
    symptoms_before    varchar(200),
    device_uses        integer,
    device_disinfected boolean,
    goal               varchar(20),
    received_at        timestamptz   not null default now()
);
-- Neighbours by time on one area, and windows on one area or on all: every rule query is a range scan here.
create index needling_session_by_area on needling_session (app_id, user_id, area, performed_at);
create index needling_session_by_time on needling_session (app_id, user_id, performed_at);

create table assessment (
    assessment_id    uuid         primary key,
    source_event_id  uuid         not null unique,
    app_id           varchar(64)  not null,
    user_id          varchar(64)  not null,
    area             varchar(20)  not null,
    source_event_at  timestamptz  not null,
    assessed_at      timestamptz  not null,
    rule_set_version varchar(20)  not null,
    -- The RiskAssessed event as published.
    payload          text         not null
);
create index assessment_by_user on assessment (app_id, user_id, assessed_at desc);
