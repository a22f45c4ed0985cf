package dev.dermaguard.intake.rest;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import dev.dermaguard.common.problem.Problem;

/**
 * The OpenAPI document an integrator reads at {@code /q/openapi} and {@code /q/swagger-ui}: the API key scheme and
 * the error responses every endpoint can give, each with an example. {@link ErrorResponsesFilter} attaches the
 * errors to every operation.
 */
@OpenAPIDefinition(
        info = @Info(title = "DermaGuard intake API", version = "1",
                description = "App backends post micro-needling sessions, symptom check-ins and consent changes. "
                        + "202 means the event is stored in the broker and will take effect exactly once; re-posting "
                        + "the same eventId is always safe. Errors are RFC 9457 problems (application/problem+json) "
                        + "that name each bad field; they never repeat the rejected value."),
        security = @SecurityRequirement(name = IntakeApi.API_KEY),
        components = @Components(
                securitySchemes = @SecurityScheme(securitySchemeName = IntakeApi.API_KEY, type = SecuritySchemeType.APIKEY,
                        in = SecuritySchemeIn.HEADER, apiKeyName = "X-API-Key",
                        description = "The key of your app. Its appId is taken from the key, never from the body."),
                responses = {
                    @APIResponse(name = "Invalid", responseCode = "400",
                            description = "The body is malformed JSON or names invalid fields; nothing was published.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "field errors", value = """
                                            {"type":"about:blank","title":"Bad Request","status":400,
                                             "detail":"The request has 2 invalid field(s)",
                                             "errors":[{"field":"needleDepthMm","message":"must be less than or equal to 3.0"},
                                                       {"field":"userId","message":"must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'"}]}"""))),
                    @APIResponse(name = "Unauthorized", responseCode = "401", description = "No API key, or an unknown one.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "missing key", value = """
                                            {"type":"about:blank","title":"Unauthorized","status":401,
                                             "detail":"Missing API key: send it in the X-API-Key header"}"""))),
                    @APIResponse(name = "Forbidden", responseCode = "403", description = "A clinic's key: intake is for apps.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "clinic key", value = """
                                            {"type":"about:blank","title":"Forbidden","status":403,
                                             "detail":"This endpoint is for app keys"}"""))),
                    @APIResponse(name = "TooLarge", responseCode = "413",
                            description = "The body is larger than the endpoint's limit: 4 KB for one event, 1 MB for a batch.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "too large", value = """
                                            {"type":"about:blank","title":"Request Entity Too Large","status":413,
                                             "detail":"The request body is larger than this endpoint's limit of 4096 bytes"}"""))),
                    @APIResponse(name = "UnsupportedType", responseCode = "415", description = "The body is not sent as application/json.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "not JSON", value = """
                                            {"type":"about:blank","title":"Unsupported Media Type","status":415,
                                             "detail":"Send the body as application/json"}"""))),
                    @APIResponse(name = "Unavailable", responseCode = "503",
                            description = "The broker did not confirm in time. The outcome is unknown: retry after Retry-After "
                                    + "seconds with the same eventId, which takes effect once.",
                            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying.",
                                    schema = @Schema(type = SchemaType.INTEGER)),
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "broker unavailable", value = """
                                            {"type":"about:blank","title":"Service Unavailable","status":503,
                                             "detail":"The event could not be confirmed as stored. Retry with the same eventId: it takes effect once."}""")))
                }))
public class IntakeApi extends Application {

    static final String API_KEY = "ApiKey";
}
