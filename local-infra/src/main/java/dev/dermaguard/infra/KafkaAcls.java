package dev.dermaguard.infra;

import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;

import dev.dermaguard.contract.Topics;

/**
 * Who may do what on DermaGuard's Kafka: every principal's grants, least privilege, in this one place (the
 * operators' Strimzi KafkaUser resources mirror it). The broker denies everything not granted here
 * ({@code allow.everyone.if.no.acl.found=false}); only the loopback PLAINTEXT listener's ANONYMOUS is a super user.
 */
public final class KafkaAcls {

    public static final String INTAKE_SERVICE = "intake-service";
    public static final String RISK_SERVICE = "risk-service";
    public static final String NOTIFY_SERVICE = "notify-service";

    /** The outbox relays' transactional ids; each relay keeps its progress in {@code <id>.progress}. */
    public static final String RISK_OUTBOX = "risk-service-outbox";
    public static final String NOTIFY_OUTBOX = "notify-service-outbox";

    /** One kind of access to one resource (or, prefixed, to every resource whose name starts with it). */
    record Grant(ResourceType type, String name, PatternType pattern, List<AclOperation> operations) {

        List<AclBinding> to(String principal) {
            ResourcePattern resource = new ResourcePattern(type, name, pattern);
            return operations.stream()
                    .map(operation -> new AclBinding(resource,
                            new AccessControlEntry(user(principal), "*", operation, AclPermissionType.ALLOW)))
                    .toList();
        }
    }

    private static final Map<String, List<Grant>> SERVICES = Map.of(
            INTAKE_SERVICE, List.of(
                    topic(Topics.EVENTS, WRITE, DESCRIBE)),
            RISK_SERVICE, List.of(
                    // DescribeConfigs on a topic it reads: consumed event ids are kept as long as its retention.ms.
                    topic(Topics.EVENTS, READ, DESCRIBE, DESCRIBE_CONFIGS),
                    group("risk-service"),
                    topic(Topics.EVENTS + Topics.DLQ_SUFFIX, WRITE, DESCRIBE),
                    // DescribeConfigs (here and on the alert topics): the outbox relay's admin client confirms a permanent
                    // cause, such as a record above the topic's max.message.bytes, before it parks a row.
                    topic(Topics.RISK_ASSESSMENTS, WRITE, DESCRIBE, DESCRIBE_CONFIGS),
                    topic(Topics.outboxProgress(RISK_OUTBOX), READ, WRITE, DESCRIBE),
                    transactionalId(RISK_OUTBOX),
                    // Cluster Describe: the same admin client tells "broker down" from "permanently refused".
                    cluster(DESCRIBE)),
            NOTIFY_SERVICE, List.of(
                    topic(Topics.RISK_ASSESSMENTS, READ, DESCRIBE, DESCRIBE_CONFIGS),
                    topic(Topics.EVENTS, READ, DESCRIBE, DESCRIBE_CONFIGS),
                    group("notify-service"),
                    group("notify-service-consents"),
                    topic(Topics.RISK_ASSESSMENTS + Topics.DLQ_SUFFIX, WRITE, DESCRIBE),
                    topic(Topics.EVENTS + Topics.DLQ_SUFFIX, WRITE, DESCRIBE),
                    topic(Topics.ALERTS, WRITE, DESCRIBE, DESCRIBE_CONFIGS),
                    new Grant(ResourceType.TOPIC, Topics.CLINIC_ALERTS_PREFIX, PatternType.PREFIXED,
                            List.of(WRITE, DESCRIBE, DESCRIBE_CONFIGS)),
                    topic(Topics.outboxProgress(NOTIFY_OUTBOX), READ, WRITE, DESCRIBE),
                    transactionalId(NOTIFY_OUTBOX),
                    cluster(DESCRIBE)));

    private KafkaAcls() {
    }

    /** The grants of a service principal. */
    public static List<AclBinding> service(String principal) {
        List<Grant> grants = SERVICES.get(principal);
        if (grants == null) {
            throw new IllegalArgumentException("no Kafka grants for service " + principal + "; there are " + SERVICES.keySet());
        }
        return bindings(principal, grants);
    }

    /**
     * A clinic reads its own topic, in consumer groups {@code <clinicId>.<anything>}, and nothing else: no other
     * topic, no write. The dot ends the prefix, and clinic ids have no dots, so no clinic's prefix covers another's.
     */
    public static List<AclBinding> clinic(String clinicId) {
        return bindings(clinicId, List.of(
                topic(Topics.clinicAlerts(clinicId), READ, DESCRIBE),
                new Grant(ResourceType.GROUP, clinicId + ".", PatternType.PREFIXED, List.of(READ))));
    }

    /** Every ACL of the three services and of these clinics. */
    public static List<AclBinding> all(List<String> clinicIds) {
        List<AclBinding> all = new ArrayList<>();
        List.of(INTAKE_SERVICE, RISK_SERVICE, NOTIFY_SERVICE).forEach(service -> all.addAll(service(service)));
        clinicIds.forEach(clinic -> all.addAll(clinic(clinic)));
        return all;
    }

    /** Matches every ACL of a principal, whatever its resource: what offboarding removes. */
    public static AclBindingFilter ofPrincipal(String principal) {
        return new AclBindingFilter(ResourcePatternFilter.ANY,
                new AccessControlEntryFilter(user(principal), null, AclOperation.ANY, AclPermissionType.ANY));
    }

    private static String user(String principal) {
        return "User:" + principal;
    }

    private static List<AclBinding> bindings(String principal, List<Grant> grants) {
        return grants.stream().flatMap(grant -> grant.to(principal).stream()).toList();
    }

    private static Grant topic(String name, AclOperation... operations) {
        return new Grant(ResourceType.TOPIC, name, PatternType.LITERAL, List.of(operations));
    }

    /** Read is what joining a group and committing its offsets take. */
    private static Grant group(String name) {
        return new Grant(ResourceType.GROUP, name, PatternType.LITERAL, List.of(READ));
    }

    /** Write and Describe are what a transactional producer takes on its id. */
    private static Grant transactionalId(String id) {
        return new Grant(ResourceType.TRANSACTIONAL_ID, id, PatternType.LITERAL, List.of(WRITE, DESCRIBE));
    }

    private static Grant cluster(AclOperation operation) {
        return new Grant(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, List.of(operation));
    }
}
