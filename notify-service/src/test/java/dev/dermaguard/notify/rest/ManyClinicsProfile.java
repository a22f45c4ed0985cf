package dev.dermaguard.notify.rest;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.quarkus.test.junit.QuarkusTestProfile;

import dev.dermaguard.common.auth.ApiKeys;

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
        Stream<String> development = Stream.of("local-app-key:app:demo-app", "local-clinic-key:clinic:demo-clinic",
                "local-clinic2-key:clinic:other-clinic", "local-operator-key:operator:local-operator");
        Stream<String> many = clinicIds().stream().map(id -> "key-of-" + id + ":clinic:" + id);
        String keys = Stream.concat(development, many).map(ManyClinicsProfile::hashed)
                .reduce((a, b) -> a + "," + b).orElseThrow();
        return Map.of("%test.dermaguard.auth.keys", keys,
                "dermaguard.clinic-streams.max-per-instance", Integer.toString(STREAMS_PER_INSTANCE),
                "dermaguard.clinic-streams.heartbeat", "1s");
    }

    private static String hashed(String keyRoleId) {
        String[] parts = keyRoleId.split(":", 2);
        return HexFormat.of().formatHex(ApiKeys.sha256(parts[0])) + ":" + parts[1];
    }
}
