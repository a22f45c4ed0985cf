package dev.dermaguard.support.kafka;

/**
 * A record that no retry can fix (malformed JSON, unknown type, invalid content): it goes to the topic's
 * dead-letter queue with this message as the reason, and the consumer moves on.
 */
public class UnprocessableRecordException extends RuntimeException {

    public UnprocessableRecordException(String reason) {
        super(reason);
    }

    public UnprocessableRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
