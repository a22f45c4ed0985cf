package dev.dermaguard.support.problem;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error a client can cause becomes a 4xx problem naming what to fix; anything else is a bare 500
 * without a stack trace. Messages never repeat the rejected value: it may be health data.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(jsonPath(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.invalid("The request has " + errors.size() + " invalid field(s)", errors).toResponse();
    }

    // One mapper per Jackson exception type: a more specific built-in mapper of quarkus-rest-jackson would win otherwise.
    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return fieldProblem(e);
    }

    @ServerExceptionMapper
    public Response badValue(InvalidFormatException e) {
        return fieldProblem(e);
    }

    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e) {
        return fieldProblem(e);
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e) {
        return Problem.invalid("Malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr(), null).toResponse();
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e) {
        if (e.getCause() instanceof JsonParseException parse) {
            return malformed(parse); // a body cut off inside a value: bound as far as it goes, then unparseable
        }
        return e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? fieldProblem(mapping)
                : Problem.invalid("The body is not acceptable JSON for this endpoint", null).toResponse();
    }

    /**
     * The field a JSON binding error is about (its JSON path, {@code (body)} for the whole body) and what is wrong
     * with it, without the rejected value. Public for endpoints that bind parts of a body one by one, like a batch.
     */
    public static Problem.FieldError fieldError(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping.getPath()) : "(body)";
        return new Problem.FieldError(field, reason(e));
    }

    private static String reason(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field; the accepted fields are " + unknown.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            return "must be " + (target != null && target.isEnum()
                    ? "one of " + Stream.of(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "))
                    : "a valid " + describe(target));
        }
        if (e instanceof MismatchedInputException mismatch) {
            return mismatch.getTargetType() == null ? "has the wrong JSON type" : "must be " + describe(mismatch.getTargetType());
        }
        if (e instanceof JsonParseException) {
            return "is not well-formed JSON";
        }
        return "is not acceptable";
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        // The JSON reader of Quarkus REST wraps parse errors of bodies read as streams into a bare 400.
        if (e.getCause() instanceof JsonParseException parse) {
            return malformed(parse);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return otherJson(json);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.errorf("Request failed with %d: %s", status.getStatusCode(), e.getClass().getName());
        }
        String detail = switch (status.getStatusCode()) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed here";
            case 406 -> "This resource answers with application/json only";
            case 413 -> "The request body is too large";
            case 415 -> "Send the body as application/json";
            default -> status.getReasonPhrase();
        };
        Response.ResponseBuilder response = Response.status(status.getStatusCode())
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        // Class only: messages of lower layers can quote request data.
        LOG.errorf("Unexpected %s while serving a request", e.getClass().getName());
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "Something went wrong on our side").toResponse();
    }

    private static Response fieldProblem(JsonMappingException e) {
        Problem.FieldError error = fieldError(e);
        return Problem.invalid("The field " + error.field() + " " + error.message(), List.of(error)).toResponse();
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "(body)" : out.toString();
    }

    /**
     * {@code create.body.needleDepthMm} to {@code needleDepthMm}; {@code batch.body[3].area} to {@code [3].area}; a
     * path, query or header parameter by its HTTP name ({@code userId}, {@code limit}, {@code Last-Event-ID}).
     */
    public static String jsonPath(ConstraintViolation<?> violation) {
        StringBuilder out = new StringBuilder();
        Path.MethodNode method = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                String parameter = method == null ? null : HttpParameters.name(violation.getRootBeanClass(), method,
                        node.as(Path.ParameterNode.class).getParameterIndex());
                if (parameter != null) {
                    out.append(parameter);
                }
                continue;
            }
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                out.append(out.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return out.isEmpty() ? "(body)" : out.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "UUID";
            case "OffsetDateTime", "Instant" -> "ISO-8601 date-time with an offset, like 2026-11-20T21:00:00Z";
            case "BigDecimal", "Double", "double" -> "number";
            case "Integer", "int", "Long", "long" -> "whole number";
            case "Boolean", "boolean" -> "boolean";
            case "String" -> "string";
            default -> type.isArray() || java.util.Collection.class.isAssignableFrom(type)
                    ? "JSON array" : "JSON object";
        };
    }
}
