package dev.dermaguard.contract.auth;

/** The role names as constants, for {@code @RolesAllowed}: annotations cannot take an enum's name. */
public final class Roles {

    public static final String APP = "app";
    public static final String CLINIC = "clinic";
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
