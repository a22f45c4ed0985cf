package dev.dermaguard.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;

class StrictManifestsTest {

    @Test
    void everyManifestReadsIntoItsModelWithNoUnknownField() {
        List<Path> manifests = manifestFiles();
        assertFalse(manifests.isEmpty());
        for (Path file : manifests) {
            assertFalse(KubernetesManifests.read(file).isEmpty(), file + " holds no manifest");
        }
    }

    @Test
    void theReaderRejectsAnUnknownFieldAWrongTypeAndAnUnknownKind() {
        String misspelt = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  template:
                    spec:
                      containers:
                        - name: x
                          readinesProbe: {httpGet: {path: /q/health/ready, port: http}}
                """;
        var unknown = assertThrows(IllegalArgumentException.class, () -> KubernetesManifests.read("t", misspelt));
        assertTrue(unknown.getMessage().contains("readinesProbe"), unknown.getMessage());

        String wrongType = """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: x}
                spec: {partitions: six}
                """;
        assertThrows(IllegalArgumentException.class, () -> KubernetesManifests.read("t", wrongType));

        String unknownKind = "apiVersion: apps/v1beta1\nkind: Deployment\nmetadata: {name: x}\n";
        var kind = assertThrows(IllegalArgumentException.class, () -> KubernetesManifests.read("t", unknownKind));
        assertTrue(kind.getMessage().contains("no model"), kind.getMessage());
    }

    @Test
    void kustomizationsUseKnownFieldsAndListFilesThatExist() {
        for (Path kustomization : Kustomizations.all()) {
            JsonNode document = Kustomizations.read(kustomization);
            Set<String> fields = new TreeSet<>();
            document.fieldNames().forEachRemaining(fields::add);
            fields.removeAll(Kustomizations.FIELDS);
            assertEquals(Set.of(), fields, kustomization + ": unknown fields");
            for (Path resource : Kustomizations.resources(kustomization)) {
                assertTrue(Files.exists(resource), kustomization + " lists " + resource + ", which does not exist");
            }
            document.path("patches").forEach(patch -> assertTrue(
                    Files.exists(kustomization.resolveSibling(patch.path("path").asText())),
                    kustomization + ": patch " + patch));
        }
    }

    @Test
    void secretsAreReferencedNeverShipped() {
        assertEquals(List.of(), Kustomizations.ofType(Kustomizations.installed(), Secret.class),
                "an apply would overwrite the installation's real secrets");
        Set<Path> listed = new HashSet<>();
        Kustomizations.all().forEach(k -> listed.addAll(Kustomizations.resources(k)));
        assertFalse(listed.contains(Repository.KUBERNETES.resolve("secret.example.yaml")));
    }

    @Test
    void everyManifestButTheExamplesIsPartOfTheProductionOverlay() {
        Set<Path> listed = new HashSet<>();
        Kustomizations.all().forEach(k -> listed.addAll(Kustomizations.resources(k)));
        Kustomizations.all().forEach(k -> Kustomizations.read(k).path("patches")
                .forEach(patch -> listed.add(k.resolveSibling(patch.path("path").asText()).normalize())));
        List<Path> orphans = new ArrayList<>();
        for (Path file : manifestFiles()) {
            if (!file.getFileName().toString().endsWith(".example.yaml") && !isPatch(file) && !listed.contains(file)) {
                orphans.add(file);
            }
        }
        assertEquals(List.of(), orphans, "manifests no kustomization applies");
    }

    /**
     * Where kubectl is installed, the production overlay is rendered and every rendered document is read strictly
     * too: the patches applied, the generated ConfigMap is referenced by its hashed name, so an edit of config.env
     * changes the pod templates and rolls the pods.
     */
    @Test
    void theRenderedProductionOverlayIsStrictAndRollsOnConfigChanges() throws Exception {
        String rendered = kubectlKustomize(Kustomizations.PRODUCTION);
        var manifests = KubernetesManifests.read("rendered production overlay", rendered);
        var configMaps = Kustomizations.ofType(manifests, ConfigMap.class);
        assertEquals(1, configMaps.size());
        String configMap = configMaps.get(0).getMetadata().getName();
        assertTrue(configMap.matches("dermaguard-config-[a-z0-9]{10}"), configMap);
        for (Deployment deployment : Kustomizations.ofType(manifests, Deployment.class)) {
            var env = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
            assertTrue(env.stream().anyMatch(e -> e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null
                    && configMap.equals(e.getValueFrom().getConfigMapKeyRef().getName())),
                    deployment.getMetadata().getName() + " does not read " + configMap);
            assertFalse(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage().endsWith(":latest"));
        }
    }

    private static String kubectlKustomize(Path dir) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "kubectl is not installed here: the overlay is checked file by file only");
            throw e;
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private static List<Path> manifestFiles() {
        return Repository.yamlFiles(Repository.KUBERNETES).stream()
                .filter(path -> !path.getFileName().toString().equals("kustomization.yaml"))
                .filter(path -> !isPatch(path)).toList();
    }

    /** A JSON 6902 patch: a list of operations rather than a manifest. */
    private static boolean isPatch(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .findFirst().map(line -> line.startsWith("- op:")).orElse(false);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
