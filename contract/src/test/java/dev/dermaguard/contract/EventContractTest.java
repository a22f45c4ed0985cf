package dev.dermaguard.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import dev.dermaguard.contract.events.AlertRaised;
import dev.dermaguard.contract.events.Area;
import dev.dermaguard.contract.events.ConsentChanged;
import dev.dermaguard.contract.events.Device;
import dev.dermaguard.contract.events.EventTypes;
import dev.dermaguard.contract.events.Evidence;
import dev.dermaguard.contract.events.Goal;
import dev.dermaguard.contract.events.Risk;
import dev.dermaguard.contract.events.RiskAssessed;
import dev.dermaguard.contract.events.RuleName;
import dev.dermaguard.contract.events.SessionLogged;
import dev.dermaguard.contract.events.Setting;
import dev.dermaguard.contract.events.Severity;
import dev.dermaguard.contract.events.SkinCondition;
import dev.dermaguard.contract.events.SkinType;
import dev.dermaguard.contract.events.Symptom;
import dev.dermaguard.contract.events.SymptomCheckIn;
import dev.dermaguard.contract.kafka.CloudEventHeaders;
import dev.dermaguard.contract.kafka.RecordKeys;

/**
 * The Kafka contract ({@code src/main/resources/contracts}) against the code: each payload schema against its event
 * record (a field added to one and not the other fails, so do required, nullable and enum differences), real
 * serialized events against the schemas, and the AsyncAPI document against the topics, event types and CloudEvents
 * headers the code uses.
 */
class EventContractTest {

    /** Every payload on the topics, by the message that carries it in the AsyncAPI document. */
    private static final Map<String, Class<? extends Record>> PAYLOADS = new LinkedHashMap<>();
    private static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        payload(SessionLogged.class, EventTypes.SESSION_LOGGED);
        payload(SymptomCheckIn.class, EventTypes.CHECKIN_REPORTED);
        payload(ConsentChanged.class, EventTypes.CONSENT_CHANGED);
        payload(RiskAssessed.class, EventTypes.RISK_ASSESSED);
        payload(AlertRaised.class, EventTypes.ALERT_RAISED);
    }

    private static void payload(Class<? extends Record> type, String ceType) {
        PAYLOADS.put(type.getSimpleName(), type);
        TYPES.put(type.getSimpleName(), ceType);
    }

    private static final UUID SESSION = UUID.fromString("0b9f2c1e-8d3a-4f8e-9c55-1a2b3c4d5e6f");
    private static final UUID LATER = UUID.fromString("5d0c6a0e-2f4b-4c1d-8a7e-3b9f1e2d4c6a");
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-20T21:00:00+01:00");
    private static final Instant NOW = Instant.parse("2026-11-20T20:00:01.204Z");
    private static final Risk HEALING_GAP = new Risk(RuleName.HEALING_GAP, Severity.MODERATE,
            "Needled again before the skin healed", "A session on CHEEKS came 1 day after the previous one",
            new Evidence(List.of(SESSION, LATER), "PT24H", "PT168H"), NOW.plusSeconds(6 * 86400));
    private static final AlertRaised ALERT = new AlertRaised(UUID.randomUUID(), "demo-app", "u-123", null,
            RuleName.HEALING_GAP, Severity.MODERATE, Area.CHEEKS, "Repeat needling of the cheeks",
            "Wait the full healing time; consult a dermatologist.", "1 day after the previous one", HEALING_GAP.evidence(),
            LATER, UUID.randomUUID(), false, 1, NOW, "1");

    /** Events as the services write them: every optional field set, and none. */
    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("SessionLogged", new SessionLogged(SESSION, "demo-app", "u-123", AT, Area.CHEEKS,
                        new BigDecimal("0.5"), Device.ROLLER, Setting.HOME, SkinType.IV, Set.of(SkinCondition.REDNESS),
                        12, true, Goal.ACNE_SCARS)),
                Arguments.of("SessionLogged", new SessionLogged(LATER, "demo-app", "u-123", AT, Area.SCALP,
                        new BigDecimal("0.25"), Device.PEN, null, null, null, null, null, null)),
                Arguments.of("SymptomCheckIn", new SymptomCheckIn(UUID.randomUUID(), "demo-app", "u-123", AT, Area.CHEEKS,
                        Set.of(Symptom.PUS, Symptom.FEVER))),
                Arguments.of("SymptomCheckIn", new SymptomCheckIn(UUID.randomUUID(), "demo-app", "u-123", AT, Area.CHEEKS,
                        Set.of())),
                Arguments.of("ConsentChanged", new ConsentChanged(UUID.randomUUID(), "demo-app", "u-123", "demo-clinic",
                        true, AT)),
                Arguments.of("RiskAssessed", new RiskAssessed(UUID.randomUUID(), LATER, "demo-app", "u-123", Area.CHEEKS,
                        AT, NOW, "1", List.of(HEALING_GAP, new Risk(RuleName.DEVICE_HYGIENE, Severity.LOW, "Worn device",
                                "Used 16 times", new Evidence(List.of(LATER), "16 uses", "15 uses"), null)))),
                Arguments.of("RiskAssessed", new RiskAssessed(UUID.randomUUID(), LATER, "demo-app", "u-123", Area.CHEEKS,
                        AT, NOW, "1", List.of())),
                Arguments.of("AlertRaised", ALERT),
                Arguments.of("AlertRaised", ALERT.forClinic("demo-clinic")));
    }

    @Test
    void everyPayloadSchemaMatchesItsRecord() {
        List<String> differences = new ArrayList<>();
        PAYLOADS.forEach((message, type) -> differences.addAll(RecordSchemas.differences(type, payloadFile(message))));
        assertEquals(List.of(), differences);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void serializedEventsMeetTheirSchema(String message, Record event) {
        JsonNode json = Contract.EVENTS.valueToTree(event);
        assertEquals(List.of(), errors(message, json));
    }

    /** The validator is not lenient: a required field missing, a wrong enum, a null where none is allowed. */
    @Test
    void eventsThatBreakTheContractAreRejected() {
        ObjectNode missing = Contract.EVENTS.valueToTree(ALERT);
        missing.remove("alertId");
        ObjectNode unknownRule = Contract.EVENTS.valueToTree(ALERT);
        unknownRule.put("rule", "SUNBURN");
        ObjectNode nullArea = Contract.EVENTS.valueToTree(ALERT);
        nullArea.putNull("area");
        for (JsonNode broken : List.of(missing, unknownRule, nullArea)) {
            assertFalse(errors("AlertRaised", broken).isEmpty(), broken.toString());
        }
    }

    @Test
    void theDocumentHasAChannelForEveryTopicAndNoOther() {
        Set<String> topics = new TreeSet<>();
        for (String topic : Topics.ALL) {
            if (!topic.endsWith(Topics.outboxProgress(""))) { // the relays' own bookkeeping, not the contract
                topics.add(topic);
            }
        }
        topics.addAll(stringConstants(Topics.class).stream().filter(name -> name.startsWith("microneedling."))
                .map(name -> name.equals(Topics.CLINIC_ALERTS_PREFIX) ? Topics.clinicAlerts("{clinicId}") : name).toList());
        Set<String> addresses = new TreeSet<>();
        Contract.asyncApi().path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertEquals(topics, addresses);
    }

    @Test
    void everyMessageCarriesItsPayloadSchemaAndCloudEventType() {
        JsonNode messages = Contract.asyncApi().path("components").path("messages");
        Map<String, String> types = new LinkedHashMap<>();
        messages.fields().forEachRemaining(entry -> {
            JsonNode headers = entry.getValue().path("headers").path("allOf");
            if (!headers.isMissingNode()) {
                types.put(entry.getValue().path("name").asText(), headers.get(1).at("/properties/ce_type/const").asText());
                assertEquals("./schemas/" + payloadFile(entry.getValue().path("name").asText()),
                        entry.getValue().at("/payload/schema/$ref").asText(), entry.getKey());
            }
        });
        assertEquals(TYPES, types);
        assertEquals(new TreeSet<>(stringConstants(EventTypes.class)), new TreeSet<>(types.values()));
    }

    /** The headers CloudEventHeaders writes and the key RecordKeys makes meet the document's schemas. */
    @Test
    void cloudEventHeadersAndRecordKeysMeetTheDocument() {
        JsonNode schemas = Contract.asyncApi().path("components").path("schemas");
        ObjectNode headers = Contract.EVENTS.createObjectNode();
        for (Header header : CloudEventHeaders.of(SESSION, EventTypes.SESSION_LOGGED,
                CloudEventHeaders.appSource("demo-app"), NOW)) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        assertEquals(new TreeSet<>(stringConstants(CloudEventHeaders.class)),
                new TreeSet<>(iterate(schemas.path("cloudEventHeaders").path("properties"))));
        assertEquals(List.of(), validate(schemas.path("cloudEventHeaders"), headers));
        assertEquals(List.of(), validate(schemas.path("recordKey"),
                Contract.EVENTS.getNodeFactory().textNode(RecordKeys.of("demo-app", "u-123"))));
    }

    private static String payloadFile(String message) {
        return message.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT) + ".schema.json";
    }

    private static List<String> errors(String message, JsonNode json) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema schema = registry.getSchema(SchemaLocation.of("classpath:" + Contract.ROOT + "schemas/" + payloadFile(message)));
        return schema.validate(json, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
                .stream().map(Object::toString).toList();
    }

    private static List<String> validate(JsonNode schemaNode, JsonNode value) {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaNode);
        return schema.validate(value).stream().map(Object::toString).toList();
    }

    private static List<String> iterate(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The values of a class's public String constants, which name topics, types and headers. */
    private static List<String> stringConstants(Class<?> holder) {
        List<String> values = new ArrayList<>();
        for (Field field : holder.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    values.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }
}
