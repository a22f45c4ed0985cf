package dev.dermaguard.intake.service;

/** The broker did not acknowledge in time: the outcome is unknown, and retrying with the same event id is safe. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(Throwable cause) {
        this("The event broker did not acknowledge in time", cause);
    }

    protected BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
