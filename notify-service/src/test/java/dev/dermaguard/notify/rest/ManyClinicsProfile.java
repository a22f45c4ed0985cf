package dev.dermaguard.notify.rest;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.quarkus.test.junit.QuarkusTestProfile;

import dev.dermaguard.contract.auth.DevelopmentKeys;
import dev.dermaguard.contract.auth.Roles;

/**
 * A deployment of many clinics (the development keys plus {@link #CLINICS} more) whose instance allows few streams
 * and sends a heartbeat every second, so limits and heartbeats are seen quickly.
 */
public class ManyClinicsProfile implements QuarkusTestProfile {

    static final int CLINICS = 50;
    static final int STREAMS_PER_INSTANCE = 3;

    /** Long ids, as real clinic names are: 50 of them no longer fit in an audit entry's text. */
    static List<String> clinicIds() {
        return IntStream.range(0, CLINICS).mapToObj(i -> "consenting-dermatology-clinic-number-%02d".formatted(i)).toList();
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        String many = clinicIds().stream().map(id -> new DevelopmentKeys.Key("key-of-" + id, Roles.CLINIC, id).configured())
                .collect(Collectors.joining(","));
        return Map.of("%test.dermaguard.auth.keys", DevelopmentKeys.configured() + "," + many,
                "dermaguard.clinic-streams.max-per-instance", Integer.toString(STREAMS_PER_INSTANCE),
                "dermaguard.clinic-streams.heartbeat", "1s");
    }
}
