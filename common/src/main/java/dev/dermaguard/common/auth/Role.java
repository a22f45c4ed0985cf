package dev.dermaguard.common.auth;

/** What a key may do: an app posts events and reads its own users; a clinic reads its own alerts. */
public enum Role {
    APP, CLINIC;

    public static Role parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
