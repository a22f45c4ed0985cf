-- What a clinic sees of an alert once the user revoked its consent: the alert as it stood then (DESIGN.md,
-- "Alerting policy"). Null while the consent that delivered it stands: the clinic sees the alert as it is now.
alter table clinic_alert add column occurrences_at_revocation integer;
create index clinic_alert_by_alert on clinic_alert (alert_id);

-- A consent ended by an operator (clinic offboarding) has no app event.
alter table consent alter column event_id drop not null;
create index consent_granted_by_clinic on consent (clinic_id) where granted;

-- Retention deletes by age, in batches.
create index clinic_alert_delivered_at on clinic_alert (delivered_at);
create index audit_entry_at on audit_entry (at);
