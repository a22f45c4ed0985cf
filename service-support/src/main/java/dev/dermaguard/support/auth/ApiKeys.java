package dev.dermaguard.support.auth;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import dev.dermaguard.contract.auth.KeyDigest;
import dev.dermaguard.contract.validation.ClinicId;

/** Looks up the principal of a presented key by its SHA-256 hash, comparing in constant time. */
@Singleton
public class ApiKeys {

    private static final Pattern ENTRY = Pattern.compile("[0-9a-f]{64}:(app|clinic|operator):[A-Za-z0-9._-]{1,64}");

    private record Entry(byte[] sha256, Caller caller) {
    }

    private static final Pattern CLINIC_ID = Pattern.compile(ClinicId.PATTERN);

    private final List<Entry> entries;
    private final Set<String> clinicIds;

    public ApiKeys(ApiKeyConfig config) {
        this.entries = config.keys().orElse(List.of()).stream().map(ApiKeys::parse).toList();
        this.clinicIds = entries.stream().map(Entry::caller).filter(caller -> caller.role() == Role.CLINIC)
                .map(Caller::principalId).collect(Collectors.toUnmodifiableSet());
    }

    /** The clinics DermaGuard knows: the clinic principals of the configured keys. */
    public Set<String> clinicIds() {
        return clinicIds;
    }

    public Optional<Caller> identify(String presentedKey) {
        byte[] presented = KeyDigest.sha256(presentedKey);
        Caller found = null;
        // Every entry is compared, so the time taken does not tell how close a guess came.
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.sha256(), presented)) {
                found = entry.caller();
            }
        }
        return Optional.ofNullable(found);
    }


    private static Entry parse(String text) {
        String entry = text.trim();
        if (!ENTRY.matcher(entry).matches()) {
            // The entry itself is not echoed: it might be a raw key pasted by mistake.
            throw new IllegalArgumentException("dermaguard.auth.keys: an entry is not of the form "
                    + "<sha256 hex>:<app|clinic|operator>:<id> (lower-case hex, id of 1-64 [A-Za-z0-9._-])");
        }
        String[] parts = entry.split(":", 3);
        Role role = Role.parse(parts[1]);
        if (role == Role.CLINIC && !CLINIC_ID.matcher(parts[2]).matches()) {
            // Clinic ids name Kafka topics and consumer-group prefixes: no dots or underscores, which Kafka confuses.
            throw new IllegalArgumentException("dermaguard.auth.keys: a clinic id is not " + ClinicId.MESSAGE);
        }
        return new Entry(HexFormat.of().parseHex(parts[0]), new Caller(role, parts[2]));
    }
}
