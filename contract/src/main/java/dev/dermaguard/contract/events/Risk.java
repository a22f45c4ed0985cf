package dev.dermaguard.contract.events;

import java.time.Instant;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotNull;

/** One finding of one rule; {@code nextSafeSessionAt} is set where waiting resolves it. */
public record Risk(
        @NotNull RuleName rule,
        @NotNull Severity severity,
        String summary,
        String detail,
        Evidence evidence,
        @Nullable Instant nextSafeSessionAt) {
}
