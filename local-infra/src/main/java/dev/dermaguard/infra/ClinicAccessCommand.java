package dev.dermaguard.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;

import dev.dermaguard.contract.Topics;
import dev.dermaguard.contract.auth.DevelopmentKeys;
import dev.dermaguard.contract.auth.KeyDigest;

/**
 * clinic-access.sh: onboards or offboards a clinic on the local stack, in one command.
 * <pre>
 *   clinic-access.sh onboard &lt;clinicId&gt; [--password &lt;password&gt;]
 *   clinic-access.sh offboard &lt;clinicId&gt;
 * </pre>
 * Kafka through {@code KAFKA_BOOTSTRAP_SERVERS} (default the local PLAINTEXT listener, whose user is a super user);
 * notify-service at {@code NOTIFY_URL} with the operator key {@code DERMAGUARD_OPERATOR_KEY} (defaults: the local
 * stack's).
 */
public final class ClinicAccessCommand {

    private static final String USAGE = """
            usage: clinic-access.sh onboard <clinicId> [--password <password>]
                   clinic-access.sh offboard <clinicId>
            environment: KAFKA_BOOTSTRAP_SERVERS (127.0.0.1:9092), NOTIFY_URL (http://localhost:8082),
                         DERMAGUARD_OPERATOR_KEY (the development operator key)""";
    private static final String DEVELOPMENT_OPERATOR_KEY = DevelopmentKeys.OPERATOR.key();
    private static final int MIN_PASSWORD_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, String> environment;

    ClinicAccessCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        try {
            new ClinicAccessCommand(System.getenv()).run(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + System.lineSeparator() + USAGE);
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("failed: " + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
            System.exit(1);
        }
    }

    void run(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("a command and a clinic id, please");
        }
        String clinicId = ClinicAccess.requireValidId(args[1]);
        switch (args[0]) {
            case "onboard" -> onboard(clinicId, password(args));
            case "offboard" -> {
                if (args.length != 2) {
                    throw new IllegalArgumentException("offboard takes only the clinic id");
                }
                offboard(clinicId);
            }
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private void onboard(String clinicId, String password) {
        ScramUser clinic = new ScramUser(clinicId, password);
        try (Admin admin = KafkaAdmin.connect(kafka())) {
            new ClinicAccess(admin).onboard(clinic);
        }
        String apiKey = randomSecret();
        System.out.printf("""
                Clinic %1$s is onboarded on Kafka (%2$s):
                  topic     %3$s, %4$d partitions
                  user      %1$s, SASL SCRAM-SHA-512, password %5$s
                  may read  %3$s, with consumer groups %1$s.<anything>; nothing else
                Its API key: %6$s
                The password and the key are shown this once: hand them to the clinic over a secure channel.
                Add this entry to DERMAGUARD_AUTH_KEYS (comma-separated, beside every key that stays valid) and
                restart the three services with it; until then they do not know the clinic:
                  %7$s:clinic:%1$s
                """, clinicId, kafka(), Topics.clinicAlerts(clinicId), Infrastructure.PARTITIONS, password, apiKey,
                KeyDigest.hex(apiKey));
    }

    private void offboard(String clinicId) {
        // Consents, open streams and pending deliveries end first: no alert may be on its way to a clinic being removed.
        String answer = notifyOffboarding(clinicId);
        try (Admin admin = KafkaAdmin.connect(kafka())) {
            new ClinicAccess(admin).offboard(clinicId);
        }
        System.out.printf("""
                Clinic %1$s is offboarded.
                  notify-service: %2$s
                  Kafka (%3$s): its ACLs, its user %1$s and its topic %4$s are gone.
                Remove its entry (…:clinic:%1$s) from DERMAGUARD_AUTH_KEYS and restart the three services.
                """, clinicId, answer, kafka(), Topics.clinicAlerts(clinicId));
    }

    private String notifyOffboarding(String clinicId) {
        URI uri = URI.create(setting("NOTIFY_URL", "http://localhost:8082") + "/v1/operator/clinics/" + clinicId + "/offboarding");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(HTTP_TIMEOUT)
                .header("X-API-Key", setting("DERMAGUARD_OPERATOR_KEY", DEVELOPMENT_OPERATOR_KEY))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response;
        try {
            response = Http11.builder().connectTimeout(HTTP_TIMEOUT).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("notify-service is not reachable at " + uri + " (NOTIFY_URL); nothing was"
                    + " changed: offboarding ends the clinic's consents there first", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("notify-service answered " + response.statusCode() + " to POST " + uri
                    + "; nothing was changed on Kafka: " + response.body());
        }
        return response.statusCode() + " " + response.body();
    }

    private String password(String[] args) {
        if (args.length == 2) {
            return randomSecret();
        }
        if (args.length != 4 || !args[2].equals("--password")) {
            throw new IllegalArgumentException("onboard takes the clinic id and optionally --password <password>");
        }
        if (args[3].length() < MIN_PASSWORD_LENGTH || !args[3].matches("[A-Za-z0-9._~-]+")) {
            throw new IllegalArgumentException("password: at least " + MIN_PASSWORD_LENGTH
                    + " of letters, digits, . _ ~ and -");
        }
        return args[3];
    }

    private String kafka() {
        return setting(Infrastructure.KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:9092");
    }

    private String setting(String variable, String otherwise) {
        String value = environment.get(variable);
        return value == null || value.isBlank() ? otherwise : value;
    }

    /** 256 random bits, URL-safe: as good for a SCRAM password as for an API key. */
    private static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
