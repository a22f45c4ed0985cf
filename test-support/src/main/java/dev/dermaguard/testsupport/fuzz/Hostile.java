package dev.dermaguard.testsupport.fuzz;

import java.util.Random;

/**
 * Seeded hostile values for paths, queries and headers: ids with control characters and odd encodings, numbers that
 * are not numbers or out of every range, keys that are almost right. Path values come percent-encoded, as a client
 * would send them; the server decodes them into whatever they say.
 */
public final class Hostile {

    private final Random random;

    public Hostile(long seed) {
        this.random = new Random(seed);
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public long nextLong() {
        return random.nextLong();
    }

    public boolean nextBoolean() {
        return random.nextBoolean();
    }

    public void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
    }

    @SafeVarargs
    public final <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** A path segment where an id goes: sometimes a fine one, mostly not. */
    public String idSegment(String fine) {
        return random.nextInt(5) == 0 ? fine : pick("%00", "u%00x", "%0A", "u-1%0D%0A", "%09", "%7F", "%1B%5B31m",
                "%C3%BC-123", "%F0%9F%98%80", "%E2%80%AE", "%FF", "%C0%AF", "%ED%A0%80", "%2F", "a%2Fb", "%2E%2E",
                "..%2F..%2Fetc%2Fpasswd", "%25", "%2500", "%20", "u%201", "+", "%3B", "'%20OR%201%3D1--",
                "%3Cscript%3E", "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D", "DEMO-CLINIC", "demo_clinic", "demo.clinic",
                "a".repeat(65), "c".repeat(49), "x".repeat(1000 + random.nextInt(2000)), "%00".repeat(100),
                "u;x=1", "u%3Fa%3D1", "u%23frag", "*", "~", "null", "-", "0");
    }

    /** A value where a whole number goes (limit, before, Last-Event-ID). */
    public String number(long max) {
        return pick("abc", "", " ", "-1", "0", "1.5", "1e3", "0x10", "1,2", "+5", " 5", "5 ", "%00", "1%00", "%EF%BC%95",
                Long.toString(max), Long.toString(max + 1), "99999999999999999999", "9223372036854775807",
                "9223372036854775808", "-9223372036854775808", "NaN", "Infinity", "true", "null", "[]", "1".repeat(400),
                Integer.toString(1 + random.nextInt(50)));
    }

    /** An API key: often the fitting one, else a wrong one (null: send none). */
    public String apiKey(String fitting) {
        return random.nextInt(3) == 0 ? fitting : random.nextInt(8) == 0 ? " " + fitting + " " : wrongKey(fitting);
    }

    /** A key that is absent (null), blank, unknown, nearly right, or another role's or principal's. */
    public String wrongKey(String fitting) {
        String key = pick(null, "", " ", "LOCAL-APP-KEY", "local-app-ke", "local-app-key-but-not-quite",
                DevKeys.APP, DevKeys.APP2, DevKeys.CLINIC, DevKeys.CLINIC2, DevKeys.OPERATOR, "'; DROP TABLE keys;--",
                "\u00fc-key", "k".repeat(4000), "${jndi:x}");
        return fitting.equals(key) ? null : key;
    }

    public String wrongMethod() {
        return pick("POST", "PUT", "DELETE", "PATCH", "TRACE-X", "OPTIONS-X", "PROPFIND");
    }

    public String contentType() {
        return pick("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
                "application/jsonx", "text/json; charset=utf-16", "*/*", "application/*", "application/json");
    }

    public String accept() {
        return pick("text/html", "application/xml", "image/png", "*/*", "application/json", "text/event-stream",
                "application/problem+json", "application/json;q=0, text/html");
    }

    /** Query parameters nobody asked for, appended to a target that may have a query already. */
    public String extraQuery(String target) {
        String extra = pick("limit=1&limit=2", "foo=bar", "limit", "limit=", "before", "%00=1", "a=%00", "limit=%FF",
                "userId=x", "appId=demo-app", "callback=alert(1)");
        return target + (target.contains("?") ? "&" : "?") + extra;
    }
}
