package dev.dermaguard.contract.events;

import java.util.List;
import java.util.UUID;

/**
 * What a finding rests on: the events involved, and the observed value against the threshold it crossed,
 * both as text a clinician can read ("P1D" against "P7D", "0.75 mm" against "0.5 mm").
 */
public record Evidence(List<UUID> eventIds, String observed, String threshold) {
}
