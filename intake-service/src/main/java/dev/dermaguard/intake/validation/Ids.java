package dev.dermaguard.intake.validation;

/** The id formats of DESIGN.md, as Bean Validation patterns with messages that say what is accepted. */
public final class Ids {

    public static final String PATTERN = "[A-Za-z0-9._-]{1,64}";
    public static final String MESSAGE = "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'";

    private Ids() {
    }
}
