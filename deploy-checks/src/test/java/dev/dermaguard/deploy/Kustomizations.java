package dev.dermaguard.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dermaguard.deploy.KubernetesManifests.Manifest;

/** The kustomizations under deploy/kubernetes, and the manifests they put into an installation. */
final class Kustomizations {

    /** The fields DermaGuard's kustomizations may use; a typo in any other would be ignored by some renderers. */
    static final Set<String> FIELDS = Set.of("apiVersion", "kind", "namespace", "resources", "configMapGenerator",
            "images", "patches", "labels", "components");

    static final Path BASE = Repository.KUBERNETES.resolve("base");
    static final Path PRODUCTION = Repository.KUBERNETES.resolve("overlays/production");

    private Kustomizations() {
    }

    static List<Path> all() {
        return Repository.yamlFiles(Repository.KUBERNETES).stream()
                .filter(path -> path.getFileName().toString().equals("kustomization.yaml")).toList();
    }

    static JsonNode read(Path kustomization) {
        try {
            return KubernetesManifests.YAML.readTree(Files.readString(kustomization));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The paths a kustomization lists under resources, resolved against its folder. */
    static List<Path> resources(Path kustomization) {
        List<Path> resources = new ArrayList<>();
        read(kustomization).path("resources")
                .forEach(entry -> resources.add(kustomization.getParent().resolve(entry.asText()).normalize()));
        return resources;
    }

    /** Every manifest an apply of the production overlay sends, before kustomize's own transformations. */
    static List<Manifest> installed() {
        List<Manifest> manifests = new ArrayList<>();
        collect(PRODUCTION.resolve("kustomization.yaml"), manifests);
        return manifests;
    }

    private static void collect(Path kustomization, List<Manifest> manifests) {
        for (Path resource : resources(kustomization)) {
            if (Files.isDirectory(resource)) {
                collect(resource.resolve("kustomization.yaml"), manifests);
            } else {
                manifests.addAll(KubernetesManifests.read(resource));
            }
        }
    }

    static <T> List<T> ofType(List<Manifest> manifests, Class<T> type) {
        return manifests.stream().map(Manifest::resource).filter(type::isInstance).map(type::cast).toList();
    }
}
