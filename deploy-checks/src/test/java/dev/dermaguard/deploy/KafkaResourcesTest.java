package dev.dermaguard.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.dermaguard.deploy.KafkaAccess.Acl;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclRule;

/** The topics and ACLs of Kubernetes (Strimzi) and of compose (provision-kafka.sh) against KafkaAccess. */
class KafkaResourcesTest {

    /** dermaguard.outbox.consumed-events.keep's default: the services keep consumed event ids this long. */
    private static final Duration CONSUMED_EVENT_IDS_KEPT = Duration.ofDays(30);

    private static final String PROVISIONING = Repository.read("deploy/compose/provision-kafka.sh");

    @Test
    void strimziTopicsAreTheDesignsWithThreeReplicasTwoInSyncAndStatedRetention() {
        List<KafkaTopic> topics = Kustomizations.ofType(Kustomizations.installed(), KafkaTopic.class);
        assertEquals(names(KafkaAccess.TOPICS), topics.stream().map(t -> t.getSpec().getTopicName())
                .collect(Collectors.toSet()));
        for (KafkaAccess.Topic expected : KafkaAccess.TOPICS) {
            KafkaTopic topic = topics.stream().filter(t -> t.getSpec().getTopicName().equals(expected.name()))
                    .findFirst().orElseThrow();
            assertReplicated(topic);
            assertEquals(expected.partitions(), topic.getSpec().getPartitions(), expected.name());
            assertRetention(expected, topic.getSpec().getConfig());
        }
    }

    @Test
    void strimziUsersHaveExactlyTheDesignsAcls() {
        Set<Acl> acls = new HashSet<>();
        for (KafkaUser user : Kustomizations.ofType(Kustomizations.installed(), KafkaUser.class)) {
            acls.addAll(acls(user));
        }
        assertEquals(KafkaAccess.services(), acls);
    }

    @Test
    void theClinicExampleIsOneTopicAndOneUserWithTheClinicsAcls() {
        var manifests = KubernetesManifests.read(Repository.KUBERNETES.resolve("clinics/clinic.example.yaml"));
        KafkaTopic topic = Kustomizations.ofType(manifests, KafkaTopic.class).get(0);
        KafkaUser user = Kustomizations.ofType(manifests, KafkaUser.class).get(0);
        String clinic = user.getMetadata().getName();
        assertEquals(KafkaAccess.clinicTopic(clinic), topic.getSpec().getTopicName());
        assertEquals(KafkaAccess.PARTITIONS, topic.getSpec().getPartitions());
        assertReplicated(topic);
        assertRetention(new KafkaAccess.Topic(topic.getSpec().getTopicName(), KafkaAccess.PARTITIONS, false),
                topic.getSpec().getConfig());
        assertEquals(KafkaAccess.clinic(clinic), acls(user));
    }

    @Test
    void composeProvisionsTheDesignsTopicsAndAcls() {
        Set<String> topics = new HashSet<>();
        Matcher loops = Pattern.compile("for t in ([^;]+); do").matcher(PROVISIONING);
        while (loops.find()) {
            topics.addAll(List.of(loops.group(1).replace("\\\n", " ").trim().split("\\s+")));
        }
        assertEquals(names(KafkaAccess.TOPICS), topics);
        assertTrue(PROVISIONING.contains("RETENTION_MS=" + Duration.ofDays(7).toMillis()));

        int start = PROVISIONING.indexOf("clinic_acls() {");
        int end = PROVISIONING.indexOf("\n}", start);
        String clinicAcls = PROVISIONING.substring(start, end);
        String rest = PROVISIONING.substring(0, start) + PROVISIONING.substring(end);
        assertEquals(KafkaAccess.services(), allows(rest, null));
        assertEquals(KafkaAccess.clinic("demo-clinic"), allows(clinicAcls, "demo-clinic"));
    }

    /** The {@code allow <user> <ops> <resources>} lines of the provisioning script, as ACLs. */
    private static Set<Acl> allows(String script, String clinic) {
        Set<Acl> acls = new HashSet<>();
        Matcher lines = Pattern.compile("(?m)^\\s*(?:together )?allow (\\S+) (\\S+) (.+)$").matcher(script);
        while (lines.find()) {
            String principal = lines.group(1).equals("\"$1\"") ? clinic : lines.group(1);
            List<String> words = List.of(lines.group(3).replace("$1", clinic == null ? "" : clinic)
                    .replace("\"", "").split("\\s+"));
            String pattern = words.contains("prefixed") ? "prefix" : "literal";
            for (int i = 0; i < words.size(); i++) {
                String type = switch (words.get(i)) {
                    case "--topic" -> "topic";
                    case "--group" -> "group";
                    case "--transactional-id" -> "transactionalId";
                    case "--cluster" -> "cluster";
                    default -> null;
                };
                if (type == null) {
                    continue;
                }
                String resource = type.equals("cluster") ? "kafka-cluster" : words.get(i + 1);
                for (String operation : lines.group(2).split(",")) {
                    acls.add(new Acl(principal, type, resource, pattern, operation));
                }
            }
        }
        return acls;
    }

    private static Set<Acl> acls(KafkaUser user) {
        assertTrue(user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication,
                user.getMetadata().getName());
        Set<Acl> acls = new HashSet<>();
        for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
            Map<?, ?> resource = KubernetesManifests.YAML.convertValue(rule.getResource(), Map.class);
            String type = (String) resource.get("type");
            String name = type.equals("cluster") ? "kafka-cluster" : (String) resource.get("name");
            Object pattern = resource.get("patternType");
            for (var operation : rule.getOperations()) {
                acls.add(new Acl(user.getMetadata().getName(), type, name,
                        pattern == null ? "literal" : pattern.toString(), operation.toValue()));
            }
        }
        return acls;
    }

    private static void assertReplicated(KafkaTopic topic) {
        assertEquals(3, topic.getSpec().getReplicas(), topic.getSpec().getTopicName());
        assertEquals(2, topic.getSpec().getConfig().get("min.insync.replicas"), topic.getSpec().getTopicName());
    }

    /** Records no longer than the services keep the ids of what they consumed, so a replay changes nothing. */
    private static void assertRetention(KafkaAccess.Topic topic, Map<String, Object> config) {
        if (topic.compacted()) {
            assertEquals("compact", config.get("cleanup.policy"), topic.name());
            return;
        }
        Object retention = config.get("retention.ms");
        assertTrue(retention instanceof Number, topic.name() + ": retention not stated");
        assertTrue(((Number) retention).longValue() <= CONSUMED_EVENT_IDS_KEPT.toMillis(), topic.name());
    }

    private static Set<String> names(List<KafkaAccess.Topic> topics) {
        return topics.stream().map(KafkaAccess.Topic::name).collect(Collectors.toSet());
    }
}
