package dev.dermaguard.contract.auth;

import java.util.List;
import java.util.stream.Collectors;


/**
 * The development API keys of DESIGN.md, the one list of them: the dev, test and local profiles accept them
 * ({@link DevelopmentKeysConfigSource}), the tests and the local stack's banner use them. Plain Java, so the local
 * stack's tools read its keys without Quarkus.
 */
public final class DevelopmentKeys {

    /** A key in clear, the role it has and the principal it stands for. */
    public record Key(String key, String role, String principal) {

        /** As {@code dermaguard.auth.keys} takes it: the SHA-256 of the key in hex, its role and its principal. */
        public String configured() {
            return KeyDigest.hex(key) + ":" + role + ":" + principal;
        }
    }

    public static final Key APP = new Key("local-app-key", Roles.APP, "demo-app");
    public static final Key APP2 = new Key("local-app2-key", Roles.APP, "other-app");
    public static final Key CLINIC = new Key("local-clinic-key", Roles.CLINIC, "demo-clinic");
    public static final Key CLINIC2 = new Key("local-clinic2-key", Roles.CLINIC, "other-clinic");
    /** The operator who reads notify-service's audit log and offboards clinics. */
    public static final Key OPERATOR = new Key("local-operator-key", Roles.OPERATOR, "local-operator");

    public static final List<Key> ALL = List.of(APP, APP2, CLINIC, CLINIC2, OPERATOR);

    private DevelopmentKeys() {
    }

    /** Every development key as {@code dermaguard.auth.keys} takes them. */
    public static String configured() {
        return ALL.stream().map(Key::configured).collect(Collectors.joining(","));
    }
}
