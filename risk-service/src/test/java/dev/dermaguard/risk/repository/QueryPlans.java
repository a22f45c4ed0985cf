package dev.dermaguard.risk.repository;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** EXPLAIN of the rule queries as they run, with one user's values bound as literals. */
public final class QueryPlans {

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([a-z]+)");

    private QueryPlans() {
    }

    /** Literals for every parameter the history queries use, for the given user around {@code at}. */
    public static Map<String, String> valuesFor(String appId, String userId, String area, String at) {
        return Map.ofEntries(Map.entry("app", quote(appId)), Map.entry("user", quote(userId)),
                Map.entry("area", quote(area)), Map.entry("at", quote(at) + "::timestamptz"),
                Map.entry("from", "(" + quote(at) + "::timestamptz - interval '30 days')"),
                Map.entry("to", "(" + quote(at) + "::timestamptz + interval '30 days')"),
                Map.entry("areafrom", "(" + quote(at) + "::timestamptz - interval '30 days')"),
                Map.entry("areato", "(" + quote(at) + "::timestamptz + interval '30 days')"),
                Map.entry("dayfrom", "(" + quote(at) + "::timestamptz - interval '7 days')"),
                Map.entry("dayto", "(" + quote(at) + "::timestamptz + interval '7 days')"),
                Map.entry("end", "'9999-12-31T00:00:00Z'::timestamptz"), Map.entry("needskin", "true"),
                Map.entry("areas", "array[" + quote("CHEEKS") + ", " + quote("NECK") + "]"),
                Map.entry("sessionrules", quote("OVERUSE") + ", " + quote("HEALING_GAP")),
                Map.entry("id", "'00000000-0000-0000-0000-000000000000'::uuid"), Map.entry("depth", "0.25"),
                Map.entry("cap", "6"), Map.entry("rule", quote("INFECTION_SIGNS")),
                Map.entry("rules", quote("INFECTION_SIGNS") + ", " + quote("PROLONGED_INFLAMMATION")),
                Map.entry("beginning", "'0001-01-01T00:00:00Z'::timestamptz"));
    }

    public static List<String> explain(Connection db, String sql, Map<String, String> values, boolean analyze)
            throws SQLException {
        Matcher m = PARAMETER.matcher(sql);
        StringBuilder bound = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for :" + m.group(1));
            }
            m.appendReplacement(bound, Matcher.quoteReplacement(value));
        }
        m.appendTail(bound);
        List<String> plan = new ArrayList<>();
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery((analyze ? "explain (analyze, buffers) " : "explain ") + bound)) {
            while (rows.next()) {
                plan.add(rows.getString(1));
            }
        }
        return plan;
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
