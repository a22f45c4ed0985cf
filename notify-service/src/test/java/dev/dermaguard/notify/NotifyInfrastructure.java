package dev.dermaguard.notify;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;

import dev.dermaguard.testsupport.LocalInfraTestResource;

/**
 * What a notify-service {@code @QuarkusTest} runs against: the real Kafka broker of {@link LocalInfraTestResource},
 * which enforces the ACLs, with the application connected as notify-service's SCRAM user and the tests' own clients on
 * the PLAINTEXT listener, and a PostgreSQL database of its own, {@value #DATABASE}.
 * <p>
 * The resource applies to the classes that carry this annotation only (scope {@code MATCHING_RESOURCES}), and those
 * classes share one application: Quarkus restarts only between classes whose test resources or profiles differ.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WithTestResource(value = LocalInfraTestResource.class,
        initArgs = {@ResourceArg(name = LocalInfraTestResource.SERVICE, value = "notify-service"),
                @ResourceArg(name = LocalInfraTestResource.DATABASE, value = NotifyInfrastructure.DATABASE)})
public @interface NotifyInfrastructure {

    String DATABASE = "dermaguard_notify";
}
