-- Decisions on a firing serialize on their user's row in app_user (KnownUsers.lockAll), which every decision and
-- every consent change locks first; the lock per (app, user, rule, area) added nothing to it and cost two
-- statements per firing. The table stays for one release, so an instance of the previous one still running in a
-- rolling update keeps working; the release after drops it.
comment on table alert_decision_lock is 'unused since 2026-12-07: decisions lock their user in app_user; dropped by the next release';
