package dev.dermaguard.support.json;

import java.io.IOException;
import java.time.temporal.Temporal;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * Closes what Jackson accepts by default but the contract does not: an enum by its ordinal ({@code "area": 0}) or
 * with blanks around its name, a date-time as epoch seconds, a UUID with blanks or NUL around it or in base64.
 * Each of these must be a JSON string that is exactly the value. Errors never carry the rejected value.
 */
final class ExactScalars extends BeanDeserializerModifier {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                      BeanDescription description, JsonDeserializer<?> deserializer) {
        Class<?> enumType = type.getRawClass();
        return new Exact(deserializer, enumType, text -> {
            for (Object constant : enumType.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(text)) {
                    return true;
                }
            }
            return false;
        });
    }

    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                  JsonDeserializer<?> deserializer) {
        Class<?> type = description.getBeanClass();
        if (type == UUID.class) {
            return new Exact(deserializer, type, text -> UUID_TEXT.matcher(text).matches());
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return new Exact(deserializer, type, text -> true); // the parser checks the format itself
        }
        return deserializer;
    }

    private static final class Exact extends DelegatingDeserializer {

        private final Class<?> type;
        private final java.util.function.Predicate<String> accepted;

        Exact(JsonDeserializer<?> delegate, Class<?> type, java.util.function.Predicate<String> accepted) {
            super(delegate);
            this.type = type;
            this.accepted = accepted;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Exact(newDelegatee, type, accepted);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING) && accepted.test(parser.getText())) {
                return super.deserialize(parser, context);
            }
            if (parser.hasToken(JsonToken.VALUE_STRING) || parser.currentToken().isScalarValue()) {
                throw InvalidFormatException.from(parser, "not an exact " + type.getSimpleName(), null, type);
            }
            return context.handleUnexpectedToken(type, parser);
        }
    }
}
