-- An event is named by its app and its id (DESIGN.md "Events"): two apps may pick the same UUID.

-- Events consumed before identity had an app (outbox V2_1): every one of them is a stored session or check-in.
update consumed_event c set app_id = s.app_id from needling_session s where c.app_id = '' and c.event_id = s.event_id;
update consumed_event c set app_id = s.app_id from symptom_check_in s where c.app_id = '' and c.event_id = s.event_id;

alter table needling_session drop constraint needling_session_pkey;
alter table needling_session add primary key (app_id, event_id);
alter table symptom_check_in drop constraint symptom_check_in_pkey;
alter table symptom_check_in add primary key (app_id, event_id);

-- One event is judged again when a late one changes what it is judged against: it has an assessment per judgement.
alter table assessment drop constraint assessment_source_event_id_key;

-- Whether the session's latest judgement found NEEDLING_INFLAMED_SKIN: a late check-in judges it again, and
-- publishes only when the verdict changes.
alter table needling_session add column inflamed_skin boolean not null default false;
update needling_session s set inflamed_skin = true from assessment a
    where a.app_id = s.app_id and a.source_event_id = s.event_id and a.payload like '%"NEEDLING_INFLAMED_SKIN"%';

-- The findings of each check-in's latest judgement. What stands on an area at a moment, by reported times, is per
-- rule the latest finding after the latest all-clear check-in: it no longer depends on the order events arrived.
create table check_in_finding (
    app_id      varchar(64) not null,
    user_id     varchar(64) not null,
    area        varchar(20) not null,
    rule        varchar(40) not null,
    reported_at timestamptz not null,
    check_in_id uuid        not null,
    -- The Risk as published.
    risk        text        not null,
    primary key (app_id, check_in_id, rule)
);
create index check_in_finding_by_rule on check_in_finding (app_id, user_id, area, rule, reported_at);
insert into check_in_finding (app_id, user_id, area, rule, reported_at, check_in_id, risk)
    select c.app_id, c.user_id, c.area, r ->> 'rule', c.reported_at, c.event_id, r::text
    from symptom_check_in c
    join assessment a on a.app_id = c.app_id and a.source_event_id = c.event_id
    cross join jsonb_array_elements(a.payload::jsonb -> 'risks') as r;

-- The all-clear check-ins, the one neighbour that bounds what stands.
create index symptom_check_in_all_clear on symptom_check_in (app_id, user_id, area, reported_at) where symptoms = '';
