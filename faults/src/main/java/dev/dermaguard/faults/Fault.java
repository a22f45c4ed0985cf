package dev.dermaguard.faults;

import java.time.Duration;

import dev.dermaguard.infra.LocalStack;

/** Something that goes wrong while the stream flows; {@link #inject} returns once it is over (mended). */
@FunctionalInterface
interface Fault {

    /** What a fault put in on purpose: poison records, hostile requests and what they caused. */
    record Injected(long poison, Long serverErrors, Long hostileEffects) {

        static final Injected NOTHING = new Injected(0, null, null);
    }

    /** What a fault may touch, and how long it lasts: short in quick runs. */
    record Context(LocalStack stack, Cluster cluster, boolean quick, Duration outage, int hostileRequests) {
    }

    /** No fault: the stream's own shape (duplicates, colliding ids) is the test. */
    Fault NONE = context -> Injected.NOTHING;

    Injected inject(Context context) throws Exception;
}
