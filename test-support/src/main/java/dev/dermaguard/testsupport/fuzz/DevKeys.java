package dev.dermaguard.testsupport.fuzz;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.dermaguard.contract.auth.DevelopmentKeys;

/** The development API keys ({@link DevelopmentKeys}) in clear, as the fuzz runs present them. */
public final class DevKeys {

    public static final String APP = DevelopmentKeys.APP.key();
    public static final String APP2 = DevelopmentKeys.APP2.key();
    public static final String CLINIC = DevelopmentKeys.CLINIC.key();
    public static final String CLINIC2 = DevelopmentKeys.CLINIC2.key();
    public static final String OPERATOR = DevelopmentKeys.OPERATOR.key();

    public static final String DEMO_CLINIC = DevelopmentKeys.CLINIC.principal();

    /** Every development key with the role it has. */
    public static final Map<String, String> ROLES = DevelopmentKeys.ALL.stream()
            .collect(Collectors.toUnmodifiableMap(DevelopmentKeys.Key::key, DevelopmentKeys.Key::role));

    public static final List<String> ALL = DevelopmentKeys.ALL.stream().map(DevelopmentKeys.Key::key).toList();

    private DevKeys() {
    }
}
