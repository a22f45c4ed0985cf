package dev.dermaguard.intake.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The largest request body an endpoint reads, in bytes; a larger one is a 413 problem before it is parsed. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {

    /** One event is a few hundred bytes; this leaves room for whitespace and long ids. */
    int ONE_EVENT = 4 * 1024;
    /** 500 events of about 2 KB at most, without whitespace. */
    int BATCH = 1024 * 1024;

    int value();
}
