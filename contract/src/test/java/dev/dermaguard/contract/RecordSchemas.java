package dev.dermaguard.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import jakarta.annotation.Nullable;

/**
 * Holds a JSON Schema of the contract to an event record as Jackson writes it: the same properties, required exactly
 * where the record component is not {@code @Nullable} (and null allowed exactly where it is), the JSON type of each
 * Java type, the constants of each enum, and nested records and collections likewise. References are followed
 * between the schema files ({@code types.schema.json#/$defs/Area}).
 */
final class RecordSchemas {

    /** A schema node and the file its relative references resolve against. */
    private record Located(String file, JsonNode node) {
    }

    private RecordSchemas() {
    }

    /** Each difference in words, {@code SessionLogged.goal: ...}; empty when schema and record agree. */
    static List<String> differences(Class<?> record, String file) {
        List<String> found = new ArrayList<>();
        compare(Contract.EVENTS.constructType(record), new Located(file, Contract.schema(file)), record.getSimpleName(),
                found);
        return found;
    }

    private static void compare(JavaType type, Located schema, String where, List<String> found) {
        Located resolved = resolve(schema);
        Class<?> raw = type.getRawClass();
        JsonNode node = resolved.node();
        if (raw.isRecord()) {
            compareObject(type, resolved, where, found);
        } else if (raw.isEnum()) {
            Set<String> constants = new TreeSet<>(Stream.of(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
            Set<String> listed = new TreeSet<>();
            node.path("enum").forEach(value -> listed.add(value.asText()));
            if (!constants.equals(listed)) {
                found.add(where + ": enum " + listed + " in the schema, " + constants + " in " + raw.getSimpleName());
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            expect(node, "array", null, where, found);
            if (Set.class.isAssignableFrom(raw) != node.path("uniqueItems").asBoolean(false)) {
                found.add(where + ": uniqueItems must be " + Set.class.isAssignableFrom(raw) + " for a " + raw.getSimpleName());
            }
            compare(type.getContentType(), new Located(resolved.file(), node.path("items")), where + "[]", found);
        } else {
            expect(node, jsonType(raw), format(raw), where, found);
        }
    }

    private static void compareObject(JavaType type, Located schema, String where, List<String> found) {
        JsonNode node = schema.node();
        expect(node, "object", null, where, found);
        BeanDescription description = Contract.EVENTS.getSerializationConfig().introspect(type);
        Set<String> inRecord = new TreeSet<>();
        Set<String> requiredByRecord = new TreeSet<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (!property.couldSerialize()) {
                continue;
            }
            inRecord.add(property.getName());
            boolean nullable = property.getAccessor().hasAnnotation(Nullable.class);
            if (!nullable) {
                requiredByRecord.add(property.getName());
            }
            JsonNode propertySchema = node.path("properties").path(property.getName());
            if (propertySchema.isMissingNode()) {
                continue; // reported below, once
            }
            String at = where + "." + property.getName();
            if (allowsNull(propertySchema) != nullable) {
                found.add(at + ": null " + (nullable ? "must be allowed (@Nullable)" : "must not be allowed (not @Nullable)"));
            }
            compare(property.getPrimaryType(), new Located(schema.file(), withoutNull(propertySchema)), at, found);
        }
        Set<String> inSchema = new TreeSet<>();
        node.path("properties").fieldNames().forEachRemaining(inSchema::add);
        Set<String> required = new TreeSet<>();
        node.path("required").forEach(name -> required.add(name.asText()));
        if (!inRecord.equals(inSchema)) {
            found.add(where + ": properties " + inSchema + " in the schema, " + inRecord + " in the record");
        }
        if (!requiredByRecord.equals(required)) {
            found.add(where + ": required " + required + " in the schema, " + requiredByRecord
                    + " not @Nullable in the record");
        }
    }

    private static void expect(JsonNode node, String jsonType, String format, String where, List<String> found) {
        if (!node.path("type").asText().equals(jsonType)) {
            found.add(where + ": type " + node.path("type") + " in the schema, " + jsonType + " from the record");
        }
        if (format != null && !node.path("format").asText().equals(format)) {
            found.add(where + ": format " + node.path("format") + " in the schema, " + format + " from the record");
        }
    }

    private static String jsonType(Class<?> raw) {
        if (raw == String.class || raw == UUID.class || raw == Instant.class || raw == OffsetDateTime.class) {
            return "string";
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return "integer";
        }
        if (raw == BigDecimal.class || raw == double.class || raw == Double.class) {
            return "number";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        throw new IllegalArgumentException("no JSON type known for " + raw.getName() + ": teach RecordSchemas");
    }

    private static String format(Class<?> raw) {
        if (raw == UUID.class) {
            return "uuid";
        }
        return raw == Instant.class || raw == OffsetDateTime.class ? "date-time" : null;
    }

    private static boolean allowsNull(JsonNode property) {
        JsonNode type = property.path("type");
        if (type.isArray()) {
            for (JsonNode name : type) {
                if (name.asText().equals("null")) {
                    return true;
                }
            }
        }
        for (JsonNode alternative : property.path("anyOf")) {
            if (alternative.path("type").asText().equals("null")) {
                return true;
            }
        }
        return false;
    }

    /** The schema a present value must meet: {@code ["string", "null"]} as {@code "string"}, an anyOf's other branch. */
    private static JsonNode withoutNull(JsonNode property) {
        if (property.has("anyOf")) {
            for (JsonNode alternative : property.path("anyOf")) {
                if (!alternative.path("type").asText().equals("null")) {
                    return alternative;
                }
            }
        }
        JsonNode type = property.path("type");
        if (type.isArray()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = property.deepCopy();
            List<String> names = new ArrayList<>();
            type.forEach(name -> names.add(name.asText()));
            names.remove("null");
            copy.put("type", names.size() == 1 ? names.get(0) : String.join(",", names));
            return copy;
        }
        return property;
    }

    private static Located resolve(Located schema) {
        String ref = schema.node().path("$ref").asText();
        if (ref.isEmpty()) {
            return schema;
        }
        int hash = ref.indexOf('#');
        String file = hash == 0 ? schema.file() : ref.substring(0, hash < 0 ? ref.length() : hash);
        JsonNode target = Contract.schema(file).at(hash < 0 ? "" : ref.substring(hash + 1));
        if (target.isMissingNode()) {
            throw new IllegalStateException(schema.file() + ": $ref " + ref + " resolves to nothing");
        }
        return resolve(new Located(file, target));
    }
}
