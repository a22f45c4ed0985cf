package dev.dermaguard.deploy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kafka as DESIGN.md ("Kafka access for clinics", "Delivery guarantees") and issue 8 agree it: the topics every
 * installation creates up front, and the least-privilege ACLs of each service's and each clinic's SCRAM user.
 * Compose's provisioning and the Strimzi resources are both held to this.
 */
final class KafkaAccess {

    /** One allowed operation on one resource; a prefixed pattern is written {@code prefix}, as Strimzi does. */
    record Acl(String principal, String resourceType, String resource, String patternType, String operation) {
    }

    /** A topic and the settings that matter for its use. */
    record Topic(String name, int partitions, boolean compacted) {
    }

    static final int PARTITIONS = 6;

    static final List<Topic> TOPICS = List.of(
            new Topic("microneedling.events", PARTITIONS, false),
            new Topic("microneedling.events.dlq", PARTITIONS, false),
            new Topic("microneedling.risk-assessments", PARTITIONS, false),
            new Topic("microneedling.risk-assessments.dlq", PARTITIONS, false),
            new Topic("microneedling.alerts", PARTITIONS, false),
            new Topic("risk-service-outbox.progress", 1, true),
            new Topic("notify-service-outbox.progress", 1, true));

    /** What each service consumes, and so what bounds its consumer group. */
    static final Map<String, List<String>> CONSUMES = Map.of(
            "risk-service", List.of("microneedling.events"),
            "notify-service", List.of("microneedling.risk-assessments", "microneedling.events"));

    private KafkaAccess() {
    }

    static Set<Acl> services() {
        Set<Acl> acls = new HashSet<>();
        allow(acls, "intake-service", "topic", "microneedling.events", "Write", "Describe");

        allow(acls, "risk-service", "topic", "microneedling.events", "Read", "Describe", "DescribeConfigs");
        allow(acls, "risk-service", "group", "risk-service", "Read");
        allow(acls, "risk-service", "topic", "microneedling.events.dlq", "Write", "Describe");
        allow(acls, "risk-service", "topic", "microneedling.risk-assessments", "Write", "Describe", "DescribeConfigs");
        allow(acls, "risk-service", "topic", "risk-service-outbox.progress", "Read", "Write", "Describe");
        allow(acls, "risk-service", "transactionalId", "risk-service-outbox", "Write", "Describe");
        allow(acls, "risk-service", "cluster", "kafka-cluster", "Describe");

        allow(acls, "notify-service", "topic", "microneedling.risk-assessments", "Read", "Describe", "DescribeConfigs");
        allow(acls, "notify-service", "topic", "microneedling.events", "Read", "Describe", "DescribeConfigs");
        allow(acls, "notify-service", "group", "notify-service", "Read");
        allow(acls, "notify-service", "group", "notify-service-consents", "Read");
        allow(acls, "notify-service", "topic", "microneedling.risk-assessments.dlq", "Write", "Describe");
        allow(acls, "notify-service", "topic", "microneedling.events.dlq", "Write", "Describe");
        allow(acls, "notify-service", "topic", "microneedling.alerts", "Write", "Describe", "DescribeConfigs");
        prefixed(acls, "notify-service", "topic", "microneedling.alerts.clinic.", "Write", "Describe", "DescribeConfigs");
        allow(acls, "notify-service", "topic", "notify-service-outbox.progress", "Read", "Write", "Describe");
        allow(acls, "notify-service", "transactionalId", "notify-service-outbox", "Write", "Describe");
        allow(acls, "notify-service", "cluster", "kafka-cluster", "Describe");
        return acls;
    }

    /** A clinic reads its own alert topic and nothing else, in consumer groups {@code <clinicId>.<anything>}. */
    static Set<Acl> clinic(String clinicId) {
        Set<Acl> acls = new HashSet<>();
        allow(acls, clinicId, "topic", clinicTopic(clinicId), "Read", "Describe");
        prefixed(acls, clinicId, "group", clinicId + ".", "Read");
        return acls;
    }

    static String clinicTopic(String clinicId) {
        return "microneedling.alerts.clinic." + clinicId;
    }

    private static void allow(Set<Acl> acls, String principal, String type, String resource, String... operations) {
        for (String operation : operations) {
            acls.add(new Acl(principal, type, resource, "literal", operation));
        }
    }

    private static void prefixed(Set<Acl> acls, String principal, String type, String resource, String... operations) {
        for (String operation : operations) {
            acls.add(new Acl(principal, type, resource, "prefix", operation));
        }
    }
}
