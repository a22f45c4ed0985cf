package dev.dermaguard.intake.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.dermaguard.support.problem.Problem;

/**
 * Enforces {@link BodyLimit}: a declared Content-Length above it is refused at once, and a body sent without one
 * (chunked) is cut off as soon as it passes the limit. Either way the answer is a 413 problem.
 */
public class BodyLimitFilter {

    @ServerRequestFilter
    public Optional<Response> limit(ContainerRequestContext request, ResourceInfo resource) {
        BodyLimit limit = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(BodyLimit.class);
        if (limit == null) {
            return Optional.empty();
        }
        if (request.getLength() > limit.value()) {
            return Optional.of(tooLarge(limit.value()));
        }
        // The endpoints are blocking: their body is read as a stream, on a worker thread, and counted as it is read.
        request.setEntityStream(new Limited(request.getEntityStream(), limit.value()));
        return Optional.empty();
    }

    private static Response tooLarge(int limit) {
        return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "The request body is larger than this endpoint's limit of " + limit + " bytes").toResponse();
    }

    /** Counts what the JSON reader takes and stops it past the limit. */
    private static final class Limited extends FilterInputStream {

        private final int limit;
        private long read;

        Limited(InputStream in, int limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                // Unchecked, so the JSON reader passes it on; the problem mappers make it a 413 problem.
                throw new WebApplicationException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
            }
        }
    }
}
