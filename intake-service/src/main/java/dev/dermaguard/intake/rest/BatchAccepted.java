package dev.dermaguard.intake.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a fully accepted batch: one result per item, in the order posted. */
@Schema(description = "Every item of the batch is stored in the broker; one result per item, in the order posted.")
public record BatchAccepted(List<BatchResult> results) {
}
