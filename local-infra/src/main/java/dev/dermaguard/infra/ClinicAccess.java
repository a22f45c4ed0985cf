package dev.dermaguard.infra;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.errors.ResourceNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import dev.dermaguard.contract.Topics;

/**
 * A clinic's access to Kafka, given and taken back through the Admin API of a super user: its alert topic, its
 * SCRAM user and its ACLs ({@link KafkaAcls#clinic}). The Kafka half of onboarding and offboarding.
 */
public final class ClinicAccess {

    /** DESIGN.md: no dots or underscores, which Kafka confuses in topic names and which would widen a group prefix. */
    private static final Pattern CLINIC_ID = Pattern.compile("[a-z0-9-]{1,48}");
    /** Kafka's default, and what StorageTool formats the development users with. */
    private static final int SCRAM_ITERATIONS = 4096;

    private final Admin admin;

    public ClinicAccess(Admin admin) {
        this.admin = admin;
    }

    public static String requireValidId(String clinicId) {
        if (clinicId == null || !CLINIC_ID.matcher(clinicId).matches()) {
            throw new IllegalArgumentException("clinicId must be 1 to 48 of a-z, 0-9 and -: " + clinicId);
        }
        return clinicId;
    }

    /**
     * Creates the clinic's topic unless it exists, sets its user's password (replacing an earlier one) and grants
     * its ACLs; returns once the broker enforces them.
     */
    public void onboard(ScramUser clinic) {
        requireValidId(clinic.name());
        KafkaAdmin.createTopics(admin, List.of(
                new NewTopic(Topics.clinicAlerts(clinic.name()), Optional.of(Infrastructure.PARTITIONS), Optional.empty())));
        KafkaAdmin.join(admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(clinic.name(),
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), clinic.password()))).all());
        KafkaAdmin.grant(admin, KafkaAcls.clinic(clinic.name()));
    }

    /**
     * Takes every ACL of the clinic's principal first, so it can read nothing more even on an open connection, then
     * its user, then its topic; what is gone already is skipped.
     */
    public void offboard(String clinicId) {
        requireValidId(clinicId);
        KafkaAdmin.join(admin.deleteAcls(List.of(KafkaAcls.ofPrincipal(clinicId))).all());
        skipIfAbsent(() -> KafkaAdmin.join(admin.alterUserScramCredentials(List.of(
                new UserScramCredentialDeletion(clinicId, ScramMechanism.SCRAM_SHA_512))).all()), ResourceNotFoundException.class);
        skipIfAbsent(() -> KafkaAdmin.join(admin.deleteTopics(List.of(Topics.clinicAlerts(clinicId))).all()),
                UnknownTopicOrPartitionException.class);
    }

    private static void skipIfAbsent(Runnable step, Class<? extends Exception> absent) {
        try {
            step.run();
        } catch (CompletionException e) {
            if (!absent.isInstance(e.getCause())) {
                throw e;
            }
        }
    }
}
