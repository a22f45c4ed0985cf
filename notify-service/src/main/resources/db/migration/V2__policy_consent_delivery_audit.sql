-- How often an alert was fired since it was raised, and when last (on the user's reported times).
alter table alert add column last_fired_at timestamptz;
update alert set last_fired_at = source_event_at;
alter table alert alter column last_fired_at set not null;

-- One row per (app, user, rule, area), locked (select ... for update) by the transaction that decides on a firing:
-- two instances or a redelivery deciding at once wait for each other, so a decision is never made twice.
create table alert_decision_lock (
    app_id  varchar(64) not null,
    user_id varchar(64) not null,
    rule    varchar(40) not null,
    area    varchar(20) not null,
    primary key (app_id, user_id, rule, area)
);

-- Every MODERATE-or-higher finding, alerted or not: the 30-day repeat count runs on these.
create table rule_firing (
    id              bigint       generated always as identity primary key,
    app_id          varchar(64)  not null,
    user_id         varchar(64)  not null,
    rule            varchar(40)  not null,
    area            varchar(20)  not null,
    severity        varchar(10)  not null,
    source_event_at timestamptz  not null,
    assessment_id   uuid         not null,
    outcome         varchar(20)  not null
);
create index rule_firing_window on rule_firing (app_id, user_id, rule, area, source_event_at);

-- The users an app has posted about (seen in an assessment or a consent): anyone else is 404 to that app.
create table app_user (
    app_id  varchar(64) not null,
    user_id varchar(64) not null,
    primary key (app_id, user_id)
);

-- The latest consent of a user for a clinic, in the order consent events were processed.
create table consent (
    app_id       varchar(64) not null,
    user_id      varchar(64) not null,
    clinic_id    varchar(64) not null,
    granted      boolean     not null,
    changed_at   timestamptz not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (app_id, user_id, clinic_id)
);

-- A clinic that has been granted consent at least once (its topic exists), with its delivery cursor.
create table clinic (
    clinic_id   varchar(64) primary key,
    last_cursor bigint      not null default 0
);

-- Every alert delivered to a clinic. The cursor is per clinic and taken under the clinic row's lock, so cursors
-- become visible in commit order: a stream resuming after cursor n misses nothing.
create table clinic_alert (
    clinic_id    varchar(64) not null references clinic (clinic_id),
    cursor       bigint      not null,
    alert_id     uuid        not null references alert (alert_id),
    delivered_at timestamptz not null default now(),
    primary key (clinic_id, cursor)
);

-- Wakes every instance's live streams of that clinic when the delivering transaction commits (never before, and
-- never for a rolled-back one).
create function clinic_alert_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('clinic_alert', new.clinic_id);
    return null;
end;
$$;
create trigger clinic_alert_notify after insert on clinic_alert for each row execute function clinic_alert_notify();

-- Who did what, when: alerts raised, consents changed, alerts read or streamed. Ids only, no health data.
create table audit_entry (
    id         bigint       generated always as identity primary key,
    at         timestamptz  not null default now(),
    actor_role varchar(20)  not null,
    actor_id   varchar(64)  not null,
    action     varchar(40)  not null,
    subject    varchar(200) not null,
    detail     varchar(1000)
);
