package dev.dermaguard.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.dermaguard.deploy.KubernetesManifests.Manifest;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/** The production overlay's workloads against what each service reads, serves and needs (ServiceContract). */
class KubernetesDeploymentTest {

    private static final List<Manifest> INSTALLED = Kustomizations.installed();

    @Test
    void everyServiceGetsEveryVariableItReadsOnThePortItListensOn() {
        for (ServiceContract service : ServiceContract.all()) {
            Container container = container(service.name());
            Set<String> set = container.getEnv().stream().map(EnvVar::getName).collect(Collectors.toSet());
            Set<String> missing = new TreeSet<>(service.requiredEnvironment());
            missing.removeAll(set);
            assertEquals(Set.of(), missing, service.name() + ": variables not set");
            assertEquals(String.valueOf(service.httpPort()), value(container, "QUARKUS_HTTP_PORT"), service.name());
            assertEquals(service.httpPort(), container.getPorts().get(0).getContainerPort(), service.name());
            assertEquals("http", container.getPorts().get(0).getName(), service.name());
            assertEquals(Integer.valueOf(service.managementPort()), containerPort(container, "management"),
                    service.name());
        }
    }

    @Test
    void probesUseQuarkusHealthPathsOnTheManagementPort() {
        for (String name : ServiceContract.SERVICES) {
            Container container = container(name);
            List<Probe> probes = List.of(container.getStartupProbe(), container.getReadinessProbe(),
                    container.getLivenessProbe());
            for (int i = 0; i < probes.size(); i++) {
                Probe probe = probes.get(i);
                assertNotNull(probe, name + ": no probe for " + ServiceContract.HEALTH_PATHS.get(i));
                assertEquals(ServiceContract.HEALTH_PATHS.get(i), probe.getHttpGet().getPath(), name);
                // The images serve /q/health/* on the management interface only (deploy/Dockerfile).
                assertEquals("management", probe.getHttpGet().getPort().getStrVal(), name);
            }
        }
    }

    @Test
    void podsPassTheRestrictedPodSecurityStandardAndStateTheirResources() {
        for (String name : ServiceContract.SERVICES) {
            PodSpec pod = deployment(name).getSpec().getTemplate().getSpec();
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), name);
            assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType(), name);
            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), name);
            Container container = container(name);
            var security = container.getSecurityContext();
            assertEquals(Boolean.FALSE, security.getAllowPrivilegeEscalation(), name);
            assertEquals(List.of("ALL"), security.getCapabilities().getDrop(), name);
            assertTrue(security.getPrivileged() == null || !security.getPrivileged(), name);
            assertEquals(Boolean.TRUE, security.getReadOnlyRootFilesystem(), name);
            for (String resource : List.of("cpu", "memory")) {
                assertNotNull(container.getResources().getRequests().get(resource), name + " request " + resource);
                assertNotNull(container.getResources().getLimits().get(resource), name + " limit " + resource);
            }
            String image = container.getImage();
            assertTrue(image.matches("[^:]+:\\d+\\.\\d+\\.\\d+.*") && !image.endsWith(":latest"), name + ": " + image);
        }
    }

    @Test
    void everyServiceHasADisruptionBudgetAndAServiceOnItsPort() {
        for (String name : ServiceContract.SERVICES) {
            Map<String, String> labels = deployment(name).getSpec().getSelector().getMatchLabels();
            assertTrue(of(PodDisruptionBudget.class).stream().anyMatch(pdb -> pdb.getSpec().getSelector()
                    .getMatchLabels().equals(labels) && pdb.getSpec().getMinAvailable().getIntVal() >= 1), name);
            Service service = named(of(Service.class), name);
            assertEquals(labels, service.getSpec().getSelector(), name);
            assertEquals("http", service.getSpec().getPorts().get(0).getTargetPort().getStrVal(), name);
        }
    }

    /**
     * The management port (/q/health/*, /q/metrics) is reached from inside only: from Prometheus's namespace (and
     * the kubelet's probes, which NetworkPolicy always admits from the pod's node); the ingress controller reaches
     * the HTTP port only, and no rule opens every port of a service.
     */
    @Test
    void theManagementPortIsReachedFromTheMonitoringNamespaceOnly() {
        boolean monitored = false;
        for (NetworkPolicy policy : of(NetworkPolicy.class)) {
            if (policy.getSpec().getIngress() == null || !selectsServices(policy)) {
                continue;
            }
            for (var rule : policy.getSpec().getIngress()) {
                String name = policy.getMetadata().getName();
                assertFalse(isEmpty(rule.getPorts()), name + " opens every port of the services");
                Set<String> ports = rule.getPorts().stream().map(p -> p.getPort().getStrVal())
                        .collect(Collectors.toSet());
                Set<String> namespaces = rule.getFrom().stream().map(peer -> peer.getNamespaceSelector() == null ? null
                        : peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))
                        .collect(Collectors.toSet());
                if (ports.contains("management")) {
                    assertEquals(Set.of("management"), ports, name);
                    assertEquals(Set.of("monitoring"), namespaces, name + ": the management port from elsewhere");
                    monitored = true;
                }
                if (namespaces.contains("ingress-nginx")) {
                    assertEquals(Set.of("http"), ports, name + ": the ingress controller reaches more than HTTP");
                }
            }
        }
        assertTrue(monitored, "no policy admits Prometheus to the management port");
    }

    private static boolean selectsServices(NetworkPolicy policy) {
        var selector = policy.getSpec().getPodSelector();
        String matched = selector.getMatchLabels() == null ? null
                : selector.getMatchLabels().get("app.kubernetes.io/name");
        boolean byLabel = matched != null && ServiceContract.SERVICES.contains(matched);
        return byLabel || (selector.getMatchExpressions() != null && selector.getMatchExpressions().stream()
                .anyMatch(e -> e.getKey().equals("app.kubernetes.io/name")
                        && e.getValues().stream().anyMatch(ServiceContract.SERVICES::contains)));
    }

    /** A consumer group gets a partition per member at most: more pods than partitions would idle. */
    @Test
    void consumerAutoscalersStopAtThePartitionsTheyRead() {
        for (var consumer : KafkaAccess.CONSUMES.entrySet()) {
            HorizontalPodAutoscaler hpa = named(of(HorizontalPodAutoscaler.class), consumer.getKey());
            assertEquals(consumer.getKey(), hpa.getSpec().getScaleTargetRef().getName());
            int partitions = consumer.getValue().stream()
                    .mapToInt(topic -> named(of(KafkaTopic.class), topic).getSpec().getPartitions()).min().orElseThrow();
            assertTrue(hpa.getSpec().getMaxReplicas() <= partitions, consumer.getKey() + " scales past " + partitions);
            assertTrue(hpa.getSpec().getMinReplicas() >= 2, consumer.getKey());
        }
    }

    @Test
    void nothingIsReachableUnlessAPolicySaysSoAndEachDatabaseOnlyFromItsService() {
        List<NetworkPolicy> policies = of(NetworkPolicy.class);
        assertTrue(policies.stream().anyMatch(p -> isEmpty(p.getSpec().getPodSelector().getMatchLabels())
                && isEmpty(p.getSpec().getPodSelector().getMatchExpressions())
                && p.getSpec().getPolicyTypes().contains("Ingress") && isEmpty(p.getSpec().getIngress())),
                "no default-deny ingress policy");
        for (var database : Map.of("risk-db", "risk-service", "notify-db", "notify-service").entrySet()) {
            NetworkPolicy policy = named(policies, database.getKey());
            assertEquals(Map.of("app.kubernetes.io/name", database.getKey()),
                    policy.getSpec().getPodSelector().getMatchLabels());
            List<NetworkPolicyPeer> from = policy.getSpec().getIngress().stream()
                    .flatMap(rule -> rule.getFrom().stream()).toList();
            assertEquals(1, from.size(), database.getKey());
            assertEquals(Map.of("app.kubernetes.io/name", database.getValue()),
                    from.get(0).getPodSelector().getMatchLabels(), database.getKey());
            assertEquals(null, from.get(0).getNamespaceSelector(), database.getKey());
        }
        for (NetworkPolicy policy : policies) {
            if (policy.getSpec().getIngress() != null) {
                policy.getSpec().getIngress().forEach(rule -> assertFalse(rule.getFrom() == null
                        || rule.getFrom().isEmpty(), policy.getMetadata().getName() + " admits every source"));
            }
        }
    }

    /** DESIGN.md's HTTP APIs from outside, over TLS; management endpoints and operators' APIs never. */
    @Test
    void theIngressServesTheHttpApisOverTlsAndNeverManagementEndpoints() {
        Ingress ingress = of(Ingress.class).get(0);
        Set<String> tlsHosts = ingress.getSpec().getTls().stream().flatMap(tls -> tls.getHosts().stream())
                .collect(Collectors.toSet());
        Map<String, Set<String>> routes = new java.util.TreeMap<>();
        for (var rule : ingress.getSpec().getRules()) {
            assertTrue(tlsHosts.contains(rule.getHost()), rule.getHost() + " is served without TLS");
            for (var path : rule.getHttp().getPaths()) {
                assertFalse(path.getPath().startsWith("/q") || path.getPath().startsWith("/v1/operator")
                        || path.getPath().equals("/"), path.getPath());
                routes.computeIfAbsent(path.getBackend().getService().getName(), k -> new TreeSet<>())
                        .add(path.getPath());
            }
        }
        assertEquals(Map.of("intake-service", Set.of("/v1/sessions", "/v1/check-ins", "/v1/consents"),
                "risk-service", Set.of("/v1/users"),
                "notify-service", Set.of("/v1/users", "/v1/clinics")), routes);
    }

    @Test
    void prometheusScrapesEveryServiceOnItsManagementPort() {
        ServiceMonitor monitor = of(ServiceMonitor.class).get(0);
        assertEquals("/q/metrics", monitor.getSpec().getEndpoints().get(0).getPath());
        String port = monitor.getSpec().getEndpoints().get(0).getPort();
        for (ServiceContract contract : ServiceContract.all()) {
            String name = contract.name();
            Service service = named(of(Service.class), name);
            assertTrue(service.getMetadata().getLabels().entrySet()
                    .containsAll(monitor.getSpec().getSelector().getMatchLabels().entrySet()), name);
            var scraped = service.getSpec().getPorts().stream().filter(p -> port.equals(p.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " has no port " + port));
            String target = scraped.getTargetPort().getStrVal();
            assertEquals("management", target, name + ": /q/metrics is on the management interface only");
            assertEquals(Integer.valueOf(contract.managementPort()), containerPort(container(name), target), name);
        }
    }

    private static Integer containerPort(Container container, String name) {
        return container.getPorts().stream().filter(p -> name.equals(p.getName())).findFirst()
                .map(io.fabric8.kubernetes.api.model.ContainerPort::getContainerPort).orElse(null);
    }

    private static boolean isEmpty(Object collectionOrMap) {
        return collectionOrMap == null || (collectionOrMap instanceof java.util.Collection<?> c && c.isEmpty())
                || (collectionOrMap instanceof Map<?, ?> m && m.isEmpty());
    }

    private static <T> List<T> of(Class<T> type) {
        return Kustomizations.ofType(INSTALLED, type);
    }

    private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T named(List<T> resources, String name) {
        return resources.stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
    }

    private static Deployment deployment(String name) {
        return named(of(Deployment.class), name);
    }

    private static Container container(String name) {
        return deployment(name).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static String value(Container container, String variable) {
        return container.getEnv().stream().filter(e -> e.getName().equals(variable)).findFirst()
                .map(EnvVar::getValue).orElse(null);
    }
}
