package dev.dermaguard.intake;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;

import dev.dermaguard.testsupport.LocalInfraTestResource;

/**
 * What an intake {@code @QuarkusTest} runs against: the real Kafka broker of {@link LocalInfraTestResource}, which
 * enforces the ACLs, with the application connected as intake-service's SCRAM user and the tests' own clients on the
 * PLAINTEXT listener ({@value LocalInfraTestResource#TEST_BOOTSTRAP_SERVERS}).
 * <p>
 * The resource applies to the classes that carry this annotation only (scope {@code MATCHING_RESOURCES}), and those
 * classes share one application: Quarkus restarts only between classes whose test resources differ. A class that
 * needs other infrastructure says so with a profile of its own, as {@code BrokerOutageTest} does.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WithTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = LocalInfraTestResource.SERVICE, value = "intake-service"))
public @interface IntakeInfrastructure {
}
