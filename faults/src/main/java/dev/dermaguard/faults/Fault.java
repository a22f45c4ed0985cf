package dev.dermaguard.faults;

import java.time.Duration;

import dev.dermaguard.infra.LocalStack;

/** Something that goes wrong while the stream flows; {@link #inject} returns once it is over (mended). */
@FunctionalInterface
interface Fault {

    /**
     * What a fault put in on purpose and what it caused: poison records; hostile requests, the 5xx answers and the
     * events they put on the topic; outbox rows parked, and those still parked after an operator's retry.
     */
    record Injected(long poison, Long serverErrors, Long hostileEffects, Long parked, Long parkedAfterRetry) {

        static final Injected NOTHING = new Injected(0, null, null, null, null);

        static Injected poison(long records) {
            return new Injected(records, null, null, null, null);
        }

        static Injected hostile(long serverErrors, long effects) {
            return new Injected(0, serverErrors, effects, null, null);
        }

        static Injected parked(long parked, long parkedAfterRetry) {
            return new Injected(0, null, null, parked, parkedAfterRetry);
        }
    }

    /**
     * What a fault may touch, and how long it lasts: short in quick runs. {@code users} is the prefix of the
     * scenario's user ids: what the fault writes is counted with its scenario.
     */
    record Context(LocalStack stack, Cluster cluster, boolean quick, Duration outage, int hostileRequests,
            String users) {

        Context forUsers(String prefix) {
            return new Context(stack, cluster, quick, outage, hostileRequests, prefix);
        }
    }

    /** No fault: the stream's own shape (duplicates, colliding ids) is the test. */
    Fault NONE = context -> Injected.NOTHING;

    Injected inject(Context context) throws Exception;
}
