package dev.dermaguard.intake.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.dermaguard.support.problem.Problem;

/** A batch with invalid items: every bad field of every bad item, by its path ({@code [3].area}). */
public class InvalidBatchException extends RuntimeException {

    private final transient List<Problem.FieldError> errors;

    public InvalidBatchException(List<Problem.FieldError> errors) {
        super("invalid batch");
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public static class Mapper {
        @ServerExceptionMapper
        public Response invalid(InvalidBatchException e) {
            long items = e.errors().stream().map(error -> error.field().replaceFirst("].*", "]")).distinct().count();
            return Problem.invalid("Nothing was published: " + items + " item(s) of the batch are invalid",
                    e.errors()).toResponse();
        }
    }
}
