package dev.dermaguard.contract.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An API key's SHA-256, the form in which services are configured with keys ({@code dermaguard.auth.keys}) and
 * compare them: a key in clear is never stored.
 */
public final class KeyDigest {

    private KeyDigest() {
    }

    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** As {@code dermaguard.auth.keys} writes it: lower-case hex. */
    public static String hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }
}
