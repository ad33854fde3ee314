package io.metabackup.api.crypto;

import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/** 256-bit keys as people handle them: 64 hexadecimal characters. */
public final class HexKey {

    private static final Pattern HEX_64 = Pattern.compile("[0-9a-fA-F]{64}");

    private HexKey() {
    }

    public static boolean isValid(String text) {
        return text != null && HEX_64.matcher(text).matches();
    }

    /** The 32 key bytes, or empty when {@code text} is not exactly 64 hex characters. */
    public static Optional<byte[]> parse(String text) {
        return isValid(text) ? Optional.of(HexFormat.of().parseHex(text)) : Optional.empty();
    }

    public static String generate() {
        return HexFormat.of().formatHex(RandomBytes.of(AesGcm.KEY_BYTES));
    }
}
