package dev.dermaguard.common.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

/** Looks up the principal of a presented key by its SHA-256 hash, comparing in constant time. */
@Singleton
public class ApiKeys {

    private static final Pattern ENTRY = Pattern.compile("[0-9a-f]{64}:(app|clinic|operator):[A-Za-z0-9._-]{1,64}");

    private record Entry(byte[] sha256, Caller caller) {
    }

    private final List<Entry> entries;

    public ApiKeys(ApiKeyConfig config) {
        this.entries = config.keys().orElse(List.of()).stream().map(ApiKeys::parse).toList();
    }

    public Optional<Caller> identify(String presentedKey) {
        byte[] presented = sha256(presentedKey);
        Caller found = null;
        // Every entry is compared, so the time taken does not tell how close a guess came.
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.sha256(), presented)) {
                found = entry.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The clinics of this deployment: the principals of its clinic keys (DESIGN.md). */
    public Set<String> clinicIds() {
        return entries.stream().filter(e -> e.caller().role() == Role.CLINIC).map(e -> e.caller().principalId()).collect(Collectors.toUnmodifiableSet());
    }

    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Entry parse(String text) {
        String entry = text.trim();
        if (!ENTRY.matcher(entry).matches()) {
            // The entry itself is not echoed: it might be a raw key pasted by mistake.
            throw new IllegalArgumentException("dermaguard.auth.keys: an entry is not of the form "
                    + "<sha256 hex>:<app|clinic|operator>:<id> (lower-case hex, id of 1-64 [A-Za-z0-9._-])");
        }
        String[] parts = entry.split(":", 3);
        return new Entry(HexFormat.of().parseHex(parts[0]), new Caller(Role.parse(parts[1]), parts[2]));
    }
}
