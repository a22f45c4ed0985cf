package dev.dermaguard.support.openapi;

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
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import dev.dermaguard.support.auth.ApiKeyAuthenticationMechanism;
import dev.dermaguard.support.problem.Problem;

/**
 * What the OpenAPI document of every service shares: the {@code X-API-Key} scheme and the problems an endpoint can
 * answer with, each with an example. {@link ErrorResponses} attaches them to the operations; an operation names the
 * ones it alone can give ({@code @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)}). Each service
 * names itself with {@code quarkus.smallrye-openapi.info-title} and {@code info-description}. The scanner reads
 * {@code @OpenAPIDefinition} from the application's JAX-RS {@code Application}, so this is that, for every service.
 */
@OpenAPIDefinition(
        info = @Info(title = "DermaGuard", version = "1"),
        components = @Components(
                securitySchemes = @SecurityScheme(securitySchemeName = ApiDocument.API_KEY, type = SecuritySchemeType.APIKEY,
                        in = SecuritySchemeIn.HEADER, apiKeyName = ApiKeyAuthenticationMechanism.HEADER,
                        description = "The key of your app, clinic or operator. Who you are (appId, clinicId) is taken "
                                + "from the key, never from the request."),
                responses = {
                    @APIResponse(name = ApiDocument.BAD_REQUEST, responseCode = "400",
                            description = "A parameter or the body is invalid; each bad one is named. Nothing was changed.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                    examples = {
                                        @ExampleObject(name = "body fields", value = """
                                                {"type":"about:blank","title":"Bad Request","status":400,
                                                 "detail":"The request has 2 invalid field(s)",
                                                 "errors":[{"field":"needleDepthMm","message":"must be less than or equal to 3.0"},
                                                           {"field":"userId","message":"must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'"}]}"""),
                                        @ExampleObject(name = "parameter", value = """
                                                {"type":"about:blank","title":"Bad Request","status":400,
                                                 "detail":"The request has 1 invalid field(s)",
                                                 "errors":[{"field":"limit","message":"must be a whole number from 1 to 200"}]}""")})),
                    @APIResponse(name = ApiDocument.UNAUTHORIZED, responseCode = "401", description = "No API key, or an unknown one.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "missing key", value = """
                                            {"type":"about:blank","title":"Unauthorized","status":401,
                                             "detail":"Missing API key: send it in the X-API-Key header"}"""))),
                    @APIResponse(name = ApiDocument.FORBIDDEN, responseCode = "403",
                            description = "A key of a role this endpoint does not admit, or a clinic's key for another clinic.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "wrong role", value = """
                                            {"type":"about:blank","title":"Forbidden","status":403,
                                             "detail":"This endpoint is for app keys"}"""))),
                    @APIResponse(name = ApiDocument.NOT_FOUND, responseCode = "404",
                            description = "Nothing by that id for this key: another app's user is another person.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "unknown user", value = """
                                            {"type":"about:blank","title":"Not Found","status":404,"detail":"No such resource"}"""))),
                    @APIResponse(name = ApiDocument.NOT_ACCEPTABLE, responseCode = "406",
                            description = "The Accept header excludes every type this endpoint answers with.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "not JSON", value = """
                                            {"type":"about:blank","title":"Not Acceptable","status":406,
                                             "detail":"This resource answers with application/json only"}"""))),
                    @APIResponse(name = ApiDocument.TOO_LARGE, responseCode = "413",
                            description = "The body is larger than the endpoint's limit.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "too large", value = """
                                            {"type":"about:blank","title":"Request Entity Too Large","status":413,
                                             "detail":"The request body is larger than this endpoint's limit of 4096 bytes"}"""))),
                    @APIResponse(name = ApiDocument.UNSUPPORTED_TYPE, responseCode = "415",
                            description = "The body is not sent as application/json.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "not JSON", value = """
                                            {"type":"about:blank","title":"Unsupported Media Type","status":415,
                                             "detail":"Send the body as application/json"}"""))),
                    @APIResponse(name = ApiDocument.TOO_MANY_REQUESTS, responseCode = "429",
                            description = "Too many open streams for this clinic or this instance; close one or retry later.",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "too many streams", value = """
                                            {"type":"about:blank","title":"Too Many Requests","status":429,
                                             "detail":"This clinic has 5 open streams, the most allowed"}"""))),
                    @APIResponse(name = ApiDocument.UNAVAILABLE, responseCode = "503",
                            description = "The broker did not confirm in time. The outcome is unknown: retry after Retry-After "
                                    + "seconds with the same eventId, which takes effect once.",
                            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying.",
                                    schema = @Schema(type = SchemaType.INTEGER)),
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "broker unavailable", value = """
                                            {"type":"about:blank","title":"Service Unavailable","status":503,
                                             "detail":"The event could not be confirmed as stored. Retry with the same eventId: it takes effect once."}""")))
                }))
public class ApiDocument extends Application {

    public static final String API_KEY = "ApiKey";

    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String NOT_ACCEPTABLE = "NotAcceptable";
    public static final String TOO_LARGE = "TooLarge";
    public static final String UNSUPPORTED_TYPE = "UnsupportedType";
    public static final String TOO_MANY_REQUESTS = "TooManyRequests";
    public static final String UNAVAILABLE = "Unavailable";
}
