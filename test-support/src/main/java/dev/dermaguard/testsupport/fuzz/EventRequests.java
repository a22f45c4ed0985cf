package dev.dermaguard.testsupport.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Hostile requests to intake's event endpoints: wrong types, missing and unknown fields, out-of-range and huge
 * numbers, unicode and NUL, injection strings, unknown clinics, deep nesting, truncated JSON, wrong methods, content
 * types and Accept headers. Every one is built to be invalid, so every answer must be a refusal and nothing may be
 * published; {@link #userPrefix()} and {@link #eventIds()} say what to look for on the topic.
 */
public final class EventRequests {

    private final Hostile hostile;
    private final String userPrefix;
    private final Set<String> eventIds = new HashSet<>();

    public EventRequests(long seed) {
        this.hostile = new Hostile(seed);
        this.userPrefix = "fuzz" + seed + "-";
    }

    /** Every user id of a generated event starts with it. */
    public String userPrefix() {
        return userPrefix;
    }

    /** The event ids of every generated event. */
    public Set<String> eventIds() {
        return eventIds;
    }

    /** The next request; every one is invalid. */
    public HostileRequest next() {
        int dice = hostile.nextInt(100);
        Kind kind = pick(Kind.values());
        if (dice < 45) {
            return post(kind.path, render(mutated(kind)));
        }
        if (dice < 60) {
            return post("/v1/sessions/batch", batchWithAnInvalidItem());
        }
        if (dice < 80) {
            return post(hostile.nextBoolean() ? kind.path : "/v1/sessions/batch", malformedBody(kind));
        }
        String valid = render(valid(kind));
        if (dice < 87) {
            String type = pick("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
                    "application/jsonx", "text/json; charset=utf-16", "*/*", "application/*");
            return new HostileRequest("POST", kind.path, Map.of("X-API-Key", DevKeys.APP, "Content-Type", type), valid);
        }
        if (dice < 94) {
            return new HostileRequest(pick("GET", "PUT", "DELETE", "PATCH", "OPTIONS-X"), kind.path,
                    Map.of("X-API-Key", DevKeys.APP, "Content-Type", "application/json"), valid);
        }
        if (dice < 95) {
            // Only app keys may post; any other key, or none, is refused whatever the body.
            String key = hostile.wrongKey(DevKeys.APP);
            Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
            if (key != null && !DevKeys.APP2.equals(key)) {
                headers.put("X-API-Key", key);
            }
            return new HostileRequest("POST", kind.path, headers, valid);
        }
        if (dice < 97) {
            return new HostileRequest("POST", kind.path, Map.of("X-API-Key", DevKeys.APP,
                    "Content-Type", "application/json", "Accept", pick("text/html", "application/xml", "image/png")), valid);
        }
        return post(pick("/v1/session", "/v1/sessions/batch/1", "/v2/sessions", "/v1/consent", "/v1/../v1/sessions%00",
                "/V1/SESSIONS"), valid);
    }

    private HostileRequest post(String path, String body) {
        return new HostileRequest("POST", path, Map.of("X-API-Key", DevKeys.APP, "Content-Type", "application/json"), body);
    }

    /** The three event kinds with their fields; a value is raw JSON text. */
    enum Kind {
        SESSION("/v1/sessions"), CHECK_IN("/v1/check-ins"), CONSENT("/v1/consents");

        final String path;

        Kind(String path) {
            this.path = path;
        }
    }

    enum Field {
        EVENT_ID, USER_ID, TIME, AREA, DEPTH, DEVICE, OPTIONAL_ENUM, SYMPTOMS_BEFORE, DEVICE_USES, OPTIONAL_BOOLEAN,
        SYMPTOMS, CLINIC_ID, GRANTED
    }

    private record Spec(String name, Field field, boolean required) {
    }

    private static List<Spec> specs(Kind kind) {
        return switch (kind) {
            case SESSION -> List.of(new Spec("eventId", Field.EVENT_ID, true), new Spec("userId", Field.USER_ID, true),
                    new Spec("performedAt", Field.TIME, true), new Spec("area", Field.AREA, true),
                    new Spec("needleDepthMm", Field.DEPTH, true), new Spec("device", Field.DEVICE, true),
                    new Spec("setting", Field.OPTIONAL_ENUM, false), new Spec("skinType", Field.OPTIONAL_ENUM, false),
                    new Spec("symptomsBefore", Field.SYMPTOMS_BEFORE, false),
                    new Spec("deviceUses", Field.DEVICE_USES, false),
                    new Spec("deviceDisinfected", Field.OPTIONAL_BOOLEAN, false),
                    new Spec("goal", Field.OPTIONAL_ENUM, false));
            case CHECK_IN -> List.of(new Spec("eventId", Field.EVENT_ID, true), new Spec("userId", Field.USER_ID, true),
                    new Spec("reportedAt", Field.TIME, true), new Spec("area", Field.AREA, true),
                    new Spec("symptoms", Field.SYMPTOMS, true));
            case CONSENT -> List.of(new Spec("eventId", Field.EVENT_ID, true), new Spec("userId", Field.USER_ID, true),
                    new Spec("clinicId", Field.CLINIC_ID, true), new Spec("granted", Field.GRANTED, true),
                    new Spec("changedAt", Field.TIME, true));
        };
    }

    private Map<String, String> valid(Kind kind) {
        String eventId = UUID.nameUUIDFromBytes(Long.toString(hostile.nextLong()).getBytes(StandardCharsets.UTF_8)).toString();
        eventIds.add(eventId);
        String now = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, String> event = new LinkedHashMap<>();
        for (Spec spec : specs(kind)) {
            event.put(spec.name(), switch (spec.field()) {
                case EVENT_ID -> quote(eventId);
                case USER_ID -> quote(userPrefix + hostile.nextInt(1000));
                case TIME -> quote(now);
                case AREA -> quote(pick("CHEEKS", "FOREHEAD", "SCALP", "UNDER_EYES"));
                case DEPTH -> pick("0.25", "0.5", "1.0", "3.0", "0.1");
                case DEVICE -> quote(pick("ROLLER", "PEN", "STAMP"));
                case OPTIONAL_ENUM -> "null";
                case SYMPTOMS_BEFORE -> "[\"REDNESS\"]";
                case DEVICE_USES -> "3";
                case OPTIONAL_BOOLEAN, GRANTED -> pick("true", "false");
                case SYMPTOMS -> pick("[]", "[\"PUS\",\"FEVER\"]");
                case CLINIC_ID -> quote(DevKeys.DEMO_CLINIC);
            });
        }
        return event;
    }

    /** A valid event with one to three changes, each of which alone makes it invalid. */
    private Map<String, String> mutated(Kind kind) {
        Map<String, String> event = valid(kind);
        List<Spec> specs = specs(kind);
        int changes = 1 + hostile.nextInt(3);
        for (int c = 0; c < changes; c++) {
            Spec spec = specs.get(hostile.nextInt(specs.size()));
            switch (hostile.nextInt(4)) {
                case 0 -> event.put(unknownFieldName(), pick("1", "\"x\"", "null", "{}", "[]", "\"demo-app\""));
                case 1 -> {
                    Spec required = specs.stream().filter(Spec::required).toList()
                            .get(hostile.nextInt((int) specs.stream().filter(Spec::required).count()));
                    if (hostile.nextBoolean()) {
                        event.remove(required.name());
                    } else {
                        event.put(required.name(), "null");
                    }
                }
                default -> event.put(spec.name(), invalidValue(spec.field()));
            }
        }
        return event;
    }

    private String invalidValue(Field field) {
        Supplier<String> wrongShape = () -> pick("true", "[]", "{}", "{\"a\":1}", "[1,2]");
        return switch (field) {
            case EVENT_ID -> hostile.nextInt(4) == 0 ? wrongShape.get() : pick("\"not-a-uuid\"", "\"\"", "123",
                    "\"0b9f2c1e8d3a4f8e9c551a2b3c4d5e6f\"", "\"0b9f2c1e-8d3a-4f8e-9c55-1a2b3c4d5e6g\"", "\"{{7*7}}\"",
                    "\"0b9f2c1e-8d3a-4f8e-9c55-1a2b3c4d5e6f\\u0000\"", "\"' OR 1=1 --\"");
            case CLINIC_ID -> hostile.nextBoolean() ? quote(pick("unknown-clinic", "Demo-Clinic", "demo_clinic",
                    "demo.clinic", "demo-clinic ", "c".repeat(49), "other-clinic\u0000", "demo-app", "local-operator"))
                    : invalidValue(Field.USER_ID);
            case USER_ID -> hostile.nextInt(4) == 0 ? pick("123", "true", "[]", "{}", "1.5") : quote(pick("",
                    "a".repeat(65), "u 1", "u\u0000x", "ü-123", "😀", "'; DROP TABLE users;--", "<script>alert(1)</script>",
                    "../../etc/passwd", "${jndi:ldap://x/a}", "u-1\n", "u-\u202Eevil", "%00", "u/1", "x".repeat(3000)));
            case TIME -> hostile.nextInt(4) == 0 ? wrongShape.get() : pick("\"2026-11-20T21:00:00\"", "\"yesterday\"",
                    "\"\"", "\"2026-13-45T25:61:00Z\"", "1763900000", "1763900000.5", "\"0000-00-00T00:00:00Z\"",
                    "\"+999999999-12-31T23:59:59Z\"", "\"2026-11-20\"", "\"21:00:00Z\"",
                    quote(OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString()),
                    quote(OffsetDateTime.now(ZoneOffset.UTC).minusDays(401).toString()),
                    quote(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(6).toString()));
            case AREA, DEVICE, OPTIONAL_ENUM -> hostile.nextInt(4) == 0 ? wrongShape.get() : pick("\"cheeks\"", "\"\"",
                    "\"CHEEKS \"", "\"FOREHEAD;DROP\"", "\"\\u0000\"", "0", "1", "-1", "\"ЧЕКС\"", "\"LASER\"", "\"VII\"",
                    "\"ROLLER,PEN\"");
            case DEPTH -> hostile.nextInt(5) == 0 ? wrongShape.get() : pick("3.0000001", "0.0999", "0", "-0.5", "1e400",
                    "-1e400", "1e-400", "0.5000000001", "\"0.5\"", "3.01", "10", "NaN", "Infinity", "0x1",
                    "99999999999999999999999", "1" + "0".repeat(990), "0." + "0".repeat(990) + "5", "null");
            case SYMPTOMS_BEFORE -> pick("\"REDNESS\"", "[\"redness\"]", "[null]", "[1]", "[[]]", "{}", "[\"ITCHING\"]",
                    "true", "[\"REDNESS\",]");
            case SYMPTOMS -> pick("\"PUS\"", "[\"pus\"]", "[null]", "[1]", "[[]]", "{}", "[\"PUS\",\"PUS\"]",
                    "[\"REDNESS\",\"OPEN_WOUND\"]", "null");
            case DEVICE_USES -> pick("0", "-1", "1.5", "1e10", "99999999999", "\"3\"", "true", "[]", "{}", "1.0");
            case OPTIONAL_BOOLEAN, GRANTED -> pick("1", "0", "\"true\"", "\"yes\"", "[]", "{}", "\"\"");
        };
    }

    private String unknownFieldName() {
        return pick("appId", "apId", "eventid", "EventId", "__proto__", "constructor", "$where", "ü", "😀", "",
                "a\u0000b", "needleDepthMM", "k".repeat(200), "performed_at", "<img src=x>", "userId ");
    }

    private String batchWithAnInvalidItem() {
        int size = 1 + hostile.nextInt(5);
        int bad = hostile.nextInt(size);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            items.add(i == bad ? render(mutated(Kind.SESSION)) : render(valid(Kind.SESSION)));
        }
        if (hostile.nextInt(10) == 0) {
            items.set(bad, pick("null", "1", "\"s\"", "[]", render(valid(Kind.CONSENT))));
        }
        return "[" + String.join(",", items) + "]";
    }

    private String malformedBody(Kind kind) {
        String valid = render(valid(kind));
        return switch (hostile.nextInt(12)) {
            case 0 -> valid.substring(0, hostile.nextInt(valid.length() - 1));           // truncated
            case 1 -> "[".repeat(500 + hostile.nextInt(4000));                          // deep nesting, unclosed
            case 2 -> "{\"eventId\":" + "[".repeat(2000) + "]".repeat(2000) + "}";     // deep nesting, closed
            case 3 -> pick("", "null", "true", "1", "\"s\"", "[]", "{}", "[[]]", "[{}]", " ");
            case 4 -> valid.replaceFirst("\\{", "{\"eventId\":\"" + UUID.randomUUID() + "\",");  // duplicate key
            case 5 -> randomBytes();
            case 6 -> valid.replace("}", ",\"note\":\"" + "x".repeat(hostile.nextInt(2_000_000)) + "\"}");  // huge
            case 7 -> valid + valid;                                                    // trailing content
            case 8 -> "\uFEFF" + valid.replace("\":", "\" : /* c */");                  // comments
            case 9 -> valid.replace("\"", "'");                                         // single quotes
            case 10 -> "[" + String.join(",", java.util.Collections.nCopies(501, valid)) + "]";  // 501 items
            default -> valid.substring(0, valid.length() - 1) + ",}";                   // trailing comma
        };
    }

    private String randomBytes() {
        byte[] bytes = new byte[1 + hostile.nextInt(200)];
        hostile.nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String render(Map<String, String> event) {
        return event.entrySet().stream().map(e -> quote(e.getKey()) + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return hostile.pick(choices);
    }
}
