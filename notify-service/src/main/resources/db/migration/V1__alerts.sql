-- Every alert raised, as published on microneedling.alerts.
create table alert (
    alert_id         uuid         primary key,
    app_id           varchar(64)  not null,
    user_id          varchar(64)  not null,
    rule             varchar(40)  not null,
    severity         varchar(10)  not null,
    area             varchar(20)  not null,
    assessment_id    uuid         not null,
    source_event_id  uuid         not null,
    source_event_at  timestamptz  not null,
    escalated        boolean      not null,
    occurrences      integer      not null,
    created_at       timestamptz  not null,
    payload          text         not null
);
create index alert_by_user on alert (app_id, user_id, created_at desc);
create index alert_by_user_rule_area on alert (app_id, user_id, rule, area, source_event_at desc);
