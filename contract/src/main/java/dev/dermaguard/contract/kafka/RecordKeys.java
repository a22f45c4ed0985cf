package dev.dermaguard.contract.kafka;

/** {@code <appId>:<userId>} on every topic, so one person's events stay in order on one partition. */
public final class RecordKeys {

    private RecordKeys() {
    }

    public static String of(String appId, String userId) {
        return appId + ":" + userId;
    }
}
