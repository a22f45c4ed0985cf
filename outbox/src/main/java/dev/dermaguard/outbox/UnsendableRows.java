package dev.dermaguard.outbox;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;

/**
 * Tells, after a relay transaction failed, which rows can never be sent, each with its reason, as the broker
 * confirms it through the admin client: the topic is absent, this service may not write to it, or the record is
 * larger than the topic or the producer accepts. Everything else (a broker down or slow) is passing: when the
 * broker cannot answer, this throws, and nothing is parked.
 */
final class UnsendableRows {

    private static final int ADMIN_TIMEOUT_MS = 10_000;

    private final Admin admin;
    private final int maxRequestSize;
    private final String source;

    /** @param source the ce_source the relay writes: its headers count towards a record's size */
    UnsendableRows(Admin admin, int maxRequestSize, String source) {
        this.admin = admin;
        this.maxRequestSize = maxRequestSize;
        this.source = source;
    }

    /** Row id to the reason it can never be sent; empty when every row could be. */
    Map<Long, String> of(List<PendingMessage> batch) {
        Set<String> topics = batch.stream().map(PendingMessage::topic).collect(Collectors.toSet());
        Map<String, String> unusable = new HashMap<>();
        admin.describeTopics(topics, new DescribeTopicsOptions().includeAuthorizedOperations(true)
                .timeoutMs(ADMIN_TIMEOUT_MS)).topicNameValues()
                .forEach((topic, future) -> problem(topic, future).ifPresent(reason -> unusable.put(topic, reason)));
        Map<String, Integer> limits = sizeLimits(topics.stream().filter(topic -> !unusable.containsKey(topic)).toList());

        Map<Long, String> reasons = new LinkedHashMap<>();
        for (PendingMessage row : batch) {
            String reason = unusable.get(row.topic());
            if (reason == null) {
                int size = size(row);
                int limit = Math.min(maxRequestSize, limits.getOrDefault(row.topic(), Integer.MAX_VALUE));
                if (size > limit) {
                    reason = "record too large: " + size + " bytes, the limit is " + limit;
                }
            }
            if (reason != null) {
                reasons.put(row.id(), reason);
            }
        }
        return reasons;
    }

    private static Optional<String> problem(String topic, KafkaFuture<TopicDescription> future) {
        try {
            Set<AclOperation> allowed = future.get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS).authorizedOperations();
            // Null when the broker runs no authorizer: everyone may write.
            if (allowed != null && !allowed.contains(AclOperation.WRITE) && !allowed.contains(AclOperation.ALL)) {
                return Optional.of("not authorized to write to topic " + topic);
            }
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.of("topic " + topic + " does not exist");
            }
            if (e.getCause() instanceof TopicAuthorizationException) {
                return Optional.of("not authorized to describe topic " + topic);
            }
            throw new KafkaException("cannot tell whether topic " + topic + " takes records", e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("the broker did not describe topic " + topic + " in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException(e);
        }
    }

    /** Each topic's max.message.bytes; none when this service may not read topic configs (the producer's limit holds). */
    private Map<String, Integer> sizeLimits(List<String> topics) {
        if (topics.isEmpty()) {
            return Map.of();
        }
        List<ConfigResource> resources = topics.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
        try {
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all()
                    .get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<String, Integer> limits = new HashMap<>();
            configs.forEach((resource, config) -> {
                var entry = config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                if (entry != null && entry.value() != null) {
                    limits.put(resource.name(), Integer.parseInt(entry.value()));
                }
            });
            return limits;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthorizationException) {
                return Map.of();
            }
            throw new KafkaException("cannot read the size limits of " + topics, e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("the broker did not describe the configs of " + topics + " in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException(e);
        }
    }

    /** The most the record takes in a batch of its own, as the producer estimates it before it sends. */
    private int size(PendingMessage row) {
        return AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE,
                row.key().getBytes(StandardCharsets.UTF_8), row.payload().getBytes(StandardCharsets.UTF_8),
                row.headers(source).toArray());
    }
}
