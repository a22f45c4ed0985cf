package dev.dermaguard.risk.repository;

import java.util.List;

/**
 * Every query the rules run on a user's history, in one place, as the SQL that runs: each is bounded by a single
 * neighbour, a fixed time window, a capped count or a primary key, and served by an index (HistoryQueryPlansTest
 * proves the index on the real database; RuleCostBenchmark prints the plans at 100,000 sessions). The ranges a late
 * event judges again run to the area's next session or next all-clear check-in.
 */
public final class HistoryQueries {

    private static final String ON_AREA = "app_id = :app and user_id = :user and area = :area";

    /** Exactly the columns NeedlingSession maps: a native entity query must not return others. */
    private static final String SESSION = "select event_id, app_id, user_id, area, performed_at, utc_offset_seconds,"
            + " needle_depth_mm, device, setting, skin_type, symptoms_before, device_uses, device_disinfected, goal,"
            + " inflamed_skin from needling_session where ";

    /** Exactly the columns StoredCheckIn maps. */
    private static final String CHECK_IN = "select event_id, app_id, user_id, area, reported_at, utc_offset_seconds,"
            + " symptoms from symptom_check_in where ";

    /** The latest session on an area at or before a time, other than the event being judged. */
    public static final String PREVIOUS_ON_AREA = SESSION + ON_AREA
            + " and performed_at <= :at and event_id <> :id order by performed_at desc, event_id desc limit 1";

    /** The earliest session on an area after a time: a late session has one. */
    public static final String NEXT_ON_AREA = SESSION + ON_AREA
            + " and performed_at > :at order by performed_at, event_id limit 1";

    public static final String ON_AREA_AROUND = SESSION + ON_AREA
            + " and performed_at > :areafrom and performed_at <= :areato order by performed_at, event_id";

    public static final String ANY_AREA_AROUND = SESSION + "app_id = :app"
            + " and user_id = :user and performed_at > :dayfrom and performed_at <= :dayto order by performed_at, event_id";

    public static final String LATEST_SKIN_TYPE = "select skin_type from needling_session where app_id = :app"
            + " and user_id = :user and skin_type is not null and performed_at <= :at"
            + " order by performed_at desc limit 1";

    /**
     * Counts no further than the threshold: the cost is that of {@code :cap} index entries at most. The order
     * matches the index, so the planner walks it rather than filtering the table.
     */
    public static final String SHALLOW_HOME_SESSIONS = "select count(*) from (select 1 from needling_session"
            + " where app_id = :app and user_id = :user and setting = 'HOME' and needle_depth_mm <= :depth"
            + " and performed_at <= :at order by needle_depth_mm limit :cap) as capped";

    /** The sessions on an area in {@code [from, to)}: those a late check-in may have changed. */
    public static final String SESSIONS_FROM = SESSION + ON_AREA
            + " and performed_at >= :from and performed_at < :to order by performed_at, event_id";

    /** The check-ins on an area in {@code [from, to)}: those a late session may now precede. */
    public static final String CHECK_INS_FROM = CHECK_IN + ON_AREA
            + " and reported_at >= :from and reported_at < :to order by reported_at, event_id";

    /** The latest all-clear check-in on an area at or before a time: nothing raised before it stands. */
    public static final String LATEST_ALL_CLEAR = "select reported_at from symptom_check_in where " + ON_AREA
            + " and symptoms = '' and reported_at <= :at order by reported_at desc limit 1";

    /** The earliest all-clear check-in on an area after a time: nothing raised before it stands beyond it. */
    public static final String NEXT_ALL_CLEAR = "select reported_at from symptom_check_in where " + ON_AREA
            + " and symptoms = '' and reported_at > :at order by reported_at limit 1";

    /**
     * Per rule, the finding standing at a moment: the latest of the rule's findings after the area's latest
     * all-clear at or before it ({@link #LATEST_ALL_CLEAR}, else {@code :beginning}).
     */
    static final String STANDING = " from check_in_finding where " + ON_AREA + " and rule in (:rules)"
            + " and reported_at <= :at and reported_at > coalesce((" + LATEST_ALL_CLEAR + "), :beginning)"
            + " order by rule, reported_at desc, check_in_id desc";

    /** What {@link #STANDING} finds, for every rule asked for in one statement. */
    public static final String STANDING_FINDINGS = "select distinct on (rule) risk" + STANDING;

    /** The latest session on each of the areas given: one statement, one index probe per area. */
    public static final String LATEST_ON_EACH_AREA = "select s.* from unnest(cast(:areas as text[])) as a(area)"
            + " cross join lateral (" + SESSION + "app_id = :app and user_id = :user and area = a.area"
            + " order by performed_at desc, event_id desc limit 1) as s";

    /** A session as the rules see it ({@code PastSession}), as JSON: a slice of any length fits in one column. */
    private static final String PAST_SESSION = "json_build_object('id', event_id, 'at', to_char(performed_at at time"
            + " zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), 'offset', utc_offset_seconds, 'area', area,"
            + " 'depth', cast(needle_depth_mm as text), 'setting', setting, 'skin', skin_type)";

    /**
     * Everything the session rules read, in one round trip instead of seven: the queries above as subqueries,
     * each still served by its index. {@code check_ins_after} says whether check-ins on the area follow the session
     * before its next one (a late session judges them again, then reads this again), and
     * {@code session_findings_open} whether there is anything for the session to replace. The skin type is read only
     * when {@code :needskin}, the session having reported none.
     */
    public static final String SESSION_HISTORY = "select"
            + " (select cast(" + PAST_SESSION + " as text) from (" + PREVIOUS_ON_AREA + ") as s) as previous,"
            + " (select cast(" + PAST_SESSION + " as text) from (" + NEXT_ON_AREA + ") as s) as next,"
            + " exists (select 1 from symptom_check_in where " + ON_AREA + " and reported_at >= :at and reported_at"
            + " < coalesce((select performed_at from (" + NEXT_ON_AREA + ") as n), :end)) as check_ins_after,"
            + " (select cast(json_agg(" + PAST_SESSION + " order by performed_at, event_id) as text) from ("
            + ON_AREA_AROUND + ") as s) as on_area,"
            + " (select cast(json_agg(" + PAST_SESSION + " order by performed_at, event_id) as text) from ("
            + ANY_AREA_AROUND + ") as s) as any_area,"
            + " case when cast(:needskin as boolean) then (" + LATEST_SKIN_TYPE + ") end as skin_type,"
            + " (select string_agg(cast(risk as json) ->> 'rule', ',') from (" + STANDING_FINDINGS + ") as f)"
            + " as standing,"
            + " (" + SHALLOW_HOME_SESSIONS + ") as shallow,"
            + " exists (select 1 from open_risk where " + ON_AREA + " and rule in (:sessionrules))"
            + " as session_findings_open";

    /**
     * What a check-in is judged against, in one round trip: the session it follows, and the skin type the rules
     * read (that session's, else the user's latest before the check-in).
     */
    public static final String CHECK_IN_HISTORY = "select"
            + " (select cast(" + PAST_SESSION + " as text) from (" + PREVIOUS_ON_AREA + ") as s) as followed,"
            + " coalesce((select skin_type from (" + PREVIOUS_ON_AREA + ") as s), (" + LATEST_SKIN_TYPE + "))"
            + " as skin_type";

    /** Each query by name, for the plan checks. */
    public static final List<String> ALL = List.of(PREVIOUS_ON_AREA, NEXT_ON_AREA, ON_AREA_AROUND, ANY_AREA_AROUND,
            LATEST_SKIN_TYPE, SHALLOW_HOME_SESSIONS, SESSIONS_FROM, CHECK_INS_FROM, LATEST_ALL_CLEAR, NEXT_ALL_CLEAR,
            STANDING_FINDINGS, SESSION_HISTORY, CHECK_IN_HISTORY, LATEST_ON_EACH_AREA);

    private HistoryQueries() {
    }
}
