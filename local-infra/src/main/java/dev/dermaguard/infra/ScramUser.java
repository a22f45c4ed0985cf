package dev.dermaguard.infra;

import java.util.List;

/**
 * A Kafka user who authenticates with SASL SCRAM-SHA-512. The development users are what the local broker and the
 * tests' broker are formatted with (DESIGN.md, "Kafka access for clinics"): fixed, published passwords, for this
 * machine only.
 */
public record ScramUser(String name, String password) {

    public static final String MECHANISM = "SCRAM-SHA-512";

    public static final List<ScramUser> SERVICES = List.of(
            new ScramUser(KafkaAcls.INTAKE_SERVICE, "local-intake-secret"),
            new ScramUser(KafkaAcls.RISK_SERVICE, "local-risk-secret"),
            new ScramUser(KafkaAcls.NOTIFY_SERVICE, "local-notify-secret"));

    public static final List<ScramUser> CLINICS = List.of(
            new ScramUser("demo-clinic", "local-clinic-secret"),
            new ScramUser("other-clinic", "local-clinic2-secret"));

    public ScramUser {
        // Both go into a JAAS line and StorageTool's --add-scram argument, which quote with " and split at , and ].
        if (!name.matches("[A-Za-z0-9._-]+") || !password.matches("[A-Za-z0-9._~-]+")) {
            throw new IllegalArgumentException("a SCRAM user name or password with characters other than letters, digits, . _ - (~)");
        }
    }

    public static ScramUser service(String name) {
        return SERVICES.stream().filter(user -> user.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Kafka user for service " + name + "; there are "
                        + SERVICES.stream().map(ScramUser::name).toList()));
    }

    /** The client's {@code sasl.jaas.config}. */
    public String jaasConfig() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + name
                + "\" password=\"" + password + "\";";
    }

    /** StorageTool's {@code --add-scram} value. */
    String formatArgument() {
        return MECHANISM + "=[name=" + name + ",password=" + password + "]";
    }

    /** Never the password: records print in logs and test reports. */
    @Override
    public String toString() {
        return "ScramUser[" + name + "]";
    }
}
