package dev.dermaguard.testsupport.fuzz;

import java.util.Map;

/**
 * One generated request, independent of any client or server: {@code target} is the path with its query, already
 * percent-encoded as it goes on the wire; {@code body} is null for none.
 */
public record HostileRequest(String method, String target, Map<String, String> headers, String body) {

    public HostileRequest {
        headers = Map.copyOf(headers);
    }
}
