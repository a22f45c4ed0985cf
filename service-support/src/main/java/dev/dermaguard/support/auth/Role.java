package dev.dermaguard.support.auth;

import dev.dermaguard.contract.auth.Roles;

/**
 * What a key may do: an app posts events and reads its own users; a clinic reads its own alerts; an operator reads
 * the audit log (who saw or changed what), never health data itself. Endpoints name the roles they admit with
 * {@code @RolesAllowed(Roles.APP)}; an endpoint that names none is refused.
 */
public enum Role {
    APP(Roles.APP), CLINIC(Roles.CLINIC), OPERATOR(Roles.OPERATOR);

    private final String id;

    Role(String id) {
        this.id = id;
    }

    /** The role's name in the key configuration and in {@code @RolesAllowed}. */
    public String id() {
        return id;
    }

    public static Role parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
