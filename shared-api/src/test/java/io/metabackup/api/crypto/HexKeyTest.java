package io.metabackup.api.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HexKeyTest {

    private static final String LOWER = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @ParameterizedTest
    @ValueSource(strings = {
            LOWER,
            "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF",
            "00112233445566778899aAbBcCdDeEfF00112233445566778899AaBbCcDdEeFf",
            "0000000000000000000000000000000000000000000000000000000000000000",
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
    })
    void acceptsExactly64HexCharactersInEitherCase(String text) {
        assertThat(HexKey.isValid(text)).isTrue();
        assertThat(HexKey.parse(text)).hasValueSatisfying(bytes -> assertThat(bytes).hasSize(32));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "00112233445566778899aabbccddeeff00112233445566778899aabbccddeef",    // 63
            "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff0",  // 65
            "00112233445566778899aabbccddeeff00112233445566778899aabbccddeefg",   // non-hex
            "0x112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",   // prefix
            " 0112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",   // blank inside
            "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n", // trailing newline
            "00112233445566778899aabbccddeeff-00112233445566778899aabbccddeeff",
            "٠٠112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"    // Arabic-Indic digits
    })
    void refusesAnythingElse(String text) {
        assertThat(HexKey.isValid(text)).isFalse();
        assertThat(HexKey.parse(text)).isEmpty();
    }

    @Test
    void parseDecodesTheBytes() {
        byte[] bytes = HexKey.parse(LOWER).orElseThrow();

        assertThat(bytes[0]).isEqualTo((byte) 0x00);
        assertThat(bytes[1]).isEqualTo((byte) 0x11);
        assertThat(bytes[15]).isEqualTo((byte) 0xff);
        assertThat(bytes[31]).isEqualTo((byte) 0xff);
        assertThat(HexKey.parse(LOWER.toUpperCase())).hasValueSatisfying(upper -> assertThat(upper).isEqualTo(bytes));
    }

    @Test
    void generateMakesValidLowerCaseKeysThatParseTo32Bytes() {
        String key = HexKey.generate();

        assertThat(key).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(HexKey.isValid(key)).isTrue();
        assertThat(HexKey.parse(key)).hasValueSatisfying(bytes -> assertThat(bytes).hasSize(AesGcm.KEY_BYTES));
    }

    @Test
    void generateIsRandom() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            keys.add(HexKey.generate());
        }

        assertThat(keys).hasSize(200);
        // every hex digit shows up somewhere in 200 random keys (12,800 digits)
        String all = String.join("", keys);
        for (char c : "0123456789abcdef".toCharArray()) {
            assertThat(all).contains(String.valueOf(c));
        }
    }

    @Test
    void generatedKeysWorkWithAesGcm() {
        byte[] key = HexKey.parse(HexKey.generate()).orElseThrow();
        byte[] plaintext = {1, 2, 3};

        assertThat(AesGcm.open(key, AesGcm.seal(key, plaintext, null), null)).isEqualTo(plaintext);
    }
}
