package dev.dermaguard.testsupport.fuzz;

import java.util.List;
import java.util.Map;

/** The development API keys of DESIGN.md by role, and the principals they stand for. */
public final class DevKeys {

    public static final String APP = "local-app-key";
    public static final String APP2 = "local-app2-key";
    public static final String CLINIC = "local-clinic-key";
    public static final String CLINIC2 = "local-clinic2-key";
    public static final String OPERATOR = "local-operator-key";

    public static final String DEMO_CLINIC = "demo-clinic";

    /** Every development key with the role it has. */
    public static final Map<String, String> ROLES = Map.of(APP, "app", APP2, "app", CLINIC, "clinic",
            CLINIC2, "clinic", OPERATOR, "operator");

    public static final List<String> ALL = List.of(APP, APP2, CLINIC, CLINIC2, OPERATOR);

    private DevKeys() {
    }
}
