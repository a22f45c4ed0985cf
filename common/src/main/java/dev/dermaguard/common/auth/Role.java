package dev.dermaguard.common.auth;

/**
 * What a key may do: an app posts events and reads its own users; a clinic reads its own alerts; an operator reads
 * the audit log (who saw or changed what), never health data itself.
 */
public enum Role {
    APP, CLINIC, OPERATOR;

    public static Role parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
