package dev.dermaguard.deploy;

import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a deployment owes a service, derived from the service's own application.properties (and the defaults all
 * services share, service-support's microprofile-config.properties): its HTTP port, the port of its management interface
 * (which the images turn on: /q/health/* and /q/metrics there), and
 * the environment variables it must be given. Those are every property whose packaged value points at
 * localhost (the broker, the database), the credentials of its datasource, the API key hashes (production has
 * none built in), the Kafka security settings that every Kafka client of the service takes (DESIGN.md) and the
 * tracing switches, so an operator turns tracing on in one place (README, "Signals").
 */
record ServiceContract(String name, int httpPort, int managementPort, Set<String> requiredEnvironment,
        boolean hasDatabase) {

    static final List<String> SERVICES = List.of("intake-service", "risk-service", "notify-service");

    static final List<String> HEALTH_PATHS = List.of("/q/health/started", "/q/health/ready", "/q/health/live");

    static List<ServiceContract> all() {
        return SERVICES.stream().map(ServiceContract::of).toList();
    }

    static ServiceContract of(String service) {
        Properties properties = Repository.serviceProperties(service);
        Set<String> required = new TreeSet<>(Set.of("QUARKUS_HTTP_PORT", "DERMAGUARD_AUTH_KEYS",
                "KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM", "KAFKA_SASL_JAAS_CONFIG",
                "QUARKUS_OTEL_TRACES_SAMPLER_ARG", "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"));
        for (String name : properties.stringPropertyNames()) {
            if (properties.getProperty(name).contains("localhost")) {
                required.add(environmentName(name));
            }
        }
        boolean database = properties.containsKey("quarkus.datasource.db-kind");
        if (database) {
            required.add("QUARKUS_DATASOURCE_USERNAME");
            required.add("QUARKUS_DATASOURCE_PASSWORD");
        }
        String management = properties.getProperty("quarkus.management.port",
                Repository.commonProperties().getProperty("quarkus.management.port"));
        return new ServiceContract(service, Integer.parseInt(properties.getProperty("quarkus.http.port")),
                Integer.parseInt(management), required, database);
    }

    /** MicroProfile Config's environment name of a property. */
    static String environmentName(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }
}
