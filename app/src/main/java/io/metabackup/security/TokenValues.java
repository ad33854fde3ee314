package io.metabackup.security;

import io.metabackup.api.crypto.RandomBytes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API token values: 256 random bits behind a recognisable prefix (so secret scanners can spot a leaked one), stored
 * only as a SHA-256. A plain hash is enough here, unlike for passwords: the value has full entropy, so there is
 * nothing to guess.
 */
final class TokenValues {

    static final String PREFIX = "mbk_";

    private TokenValues() {
    }

    static String generate() {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(RandomBytes.of(32));
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
