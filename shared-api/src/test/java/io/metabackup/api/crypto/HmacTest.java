package io.metabackup.api.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class HmacTest {

    @Test
    void matchesRfc4231TestCase1() {
        byte[] key = new byte[20];
        Arrays.fill(key, (byte) 0x0b);

        assertThat(Hmac.sha256Hex(key, "Hi There"))
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    }

    @Test
    void matchesRfc4231TestCase2() {
        byte[] key = "Jefe".getBytes(StandardCharsets.US_ASCII);

        assertThat(Hmac.sha256Hex(key, "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(Hmac.sha256(key, "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(HexFormat.of().parseHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }

    @Test
    void hexVariantEncodesTheStringAsUtf8() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }

        assertThat(Hmac.sha256Hex(key, "grüße"))
                .isEqualTo("525e48b0c44aad4584212d2f8861b5c5cf0ebcc39888721c56401dd6e4e4c0dc");
    }

    @Test
    void differentKeysOrDataGiveDifferentMacs() {
        byte[] key = RandomBytes.of(32);
        byte[] otherKey = RandomBytes.of(32);

        assertThat(Hmac.sha256Hex(key, "secret")).hasSize(64).isEqualTo(Hmac.sha256Hex(key, "secret"));
        assertThat(Hmac.sha256Hex(key, "secret")).isNotEqualTo(Hmac.sha256Hex(otherKey, "secret"));
        assertThat(Hmac.sha256Hex(key, "secret")).isNotEqualTo(Hmac.sha256Hex(key, "secreT"));
    }
}
