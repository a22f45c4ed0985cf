package dev.dermaguard.intake.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.dermaguard.support.problem.Problem;

/**
 * A 503 problem for a batch the broker confirmed only in part: which items are stored (ACCEPTED) and which are
 * UNKNOWN. Re-posting the whole batch with the same event ids is safe: each event takes effect once.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "BatchProblem", description = "A problem (RFC 9457) with the outcome of each batch item.")
public record BatchUnconfirmed(String type, String title, int status, String detail, List<BatchResult> results) {

    static BatchUnconfirmed of(List<BatchResult> results) {
        Problem problem = BrokerUnavailableMapper.problem();
        long unknown = results.stream().filter(r -> r.status() == BatchResult.Status.UNKNOWN).count();
        return new BatchUnconfirmed(problem.type(), problem.title(), problem.status(),
                unknown + " of " + results.size() + " events could not be confirmed as stored. Retry the batch with "
                        + "the same eventIds: each event takes effect once.",
                results);
    }
}
