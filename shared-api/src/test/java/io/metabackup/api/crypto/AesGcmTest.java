package io.metabackup.api.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AesGcmTest {

    private static final byte[] KEY = RandomBytes.of(AesGcm.KEY_BYTES);
    private static final byte[] AAD = "entity:3f2a/secret:password".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PLAINTEXT = "correct horse battery staple – ünïcödé".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealThenOpenGivesBackThePlaintext() {
        byte[] sealed = AesGcm.seal(KEY, PLAINTEXT, AAD);

        assertThat(sealed).hasSize(AesGcm.IV_BYTES + PLAINTEXT.length + AesGcm.TAG_BYTES);
        assertThat(AesGcm.open(KEY, sealed, AAD)).isEqualTo(PLAINTEXT);
    }

    @Test
    void roundTripsAnEmptyPlaintextWithoutAssociatedData() {
        byte[] sealed = AesGcm.seal(KEY, new byte[0], null);

        assertThat(sealed).hasSize(AesGcm.IV_BYTES + AesGcm.TAG_BYTES);
        assertThat(AesGcm.open(KEY, sealed, null)).isEmpty();
    }

    @Test
    void roundTripsALargePlaintext() {
        byte[] large = RandomBytes.of(1 << 20);

        assertThat(AesGcm.open(KEY, AesGcm.seal(KEY, large, AAD), AAD)).isEqualTo(large);
    }

    @Test
    void theSealedBlobDoesNotContainThePlaintext() {
        byte[] plaintext = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA".getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = AesGcm.seal(KEY, plaintext, AAD);

        byte[] body = Arrays.copyOfRange(sealed, AesGcm.IV_BYTES, AesGcm.IV_BYTES + plaintext.length);
        assertThat(body).isNotEqualTo(plaintext);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("AAAAAAAA");
    }

    @Test
    void aFlippedBitInAnyByteIsRefused() {
        byte[] sealed = AesGcm.seal(KEY, PLAINTEXT, AAD);

        for (int i = 0; i < sealed.length; i++) {
            byte[] altered = sealed.clone();
            altered[i] ^= 0x01;
            int index = i;
            assertThatThrownBy(() -> AesGcm.open(KEY, altered, AAD))
                    .as("byte %d of %d altered", index, sealed.length)
                    .isInstanceOf(WrongKeyException.class);
        }
    }

    /** One position in each part of the blob: the IV, the ciphertext and the tag. */
    @ParameterizedTest(name = "byte {0}")
    @ValueSource(ints = {0, AesGcm.IV_BYTES - 1, AesGcm.IV_BYTES, AesGcm.IV_BYTES + 5, -AesGcm.TAG_BYTES, -1})
    void aReplacedByteInTheIvCiphertextOrTagIsRefused(int position) {
        byte[] sealed = AesGcm.seal(KEY, PLAINTEXT, AAD);
        int index = position >= 0 ? position : sealed.length + position;
        sealed[index] = (byte) ~sealed[index];

        assertThatThrownBy(() -> AesGcm.open(KEY, sealed, AAD))
                .isInstanceOf(WrongKeyException.class)
                .hasMessageContaining("authentication failed");
    }

    @Test
    void aTruncatedOrExtendedBlobIsRefused() {
        byte[] sealed = AesGcm.seal(KEY, PLAINTEXT, AAD);

        assertThatThrownBy(() -> AesGcm.open(KEY, Arrays.copyOf(sealed, sealed.length - 1), AAD))
                .isInstanceOf(WrongKeyException.class);
        assertThatThrownBy(() -> AesGcm.open(KEY, Arrays.copyOf(sealed, sealed.length + 1), AAD))
                .isInstanceOf(WrongKeyException.class);
    }

    @Test
    void aWrongKeyIsRefused() {
        byte[] sealed = AesGcm.seal(KEY, PLAINTEXT, AAD);
        byte[] otherKey = KEY.clone();
        otherKey[31] ^= 0x01;

        assertThatThrownBy(() -> AesGcm.open(otherKey, sealed, AAD)).isInstanceOf(WrongKeyException.class);
        assertThatThrownBy(() -> AesGcm.open(RandomBytes.of(AesGcm.KEY_BYTES), sealed, AAD))
                .isInstanceOf(WrongKeyException.class);
    }

    @Test
    void differentAssociatedDataIsRefused() {
        byte[] sealed = AesGcm.seal(KEY, PLAINTEXT, AAD);

        assertThatThrownBy(() -> AesGcm.open(KEY, sealed, "entity:3f2a/secret:other".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WrongKeyException.class);
        assertThatThrownBy(() -> AesGcm.open(KEY, sealed, null)).isInstanceOf(WrongKeyException.class);
        byte[] sealedWithoutAad = AesGcm.seal(KEY, PLAINTEXT, null);
        assertThatThrownBy(() -> AesGcm.open(KEY, sealedWithoutAad, AAD)).isInstanceOf(WrongKeyException.class);
    }

    @Test
    void twoSealsOfTheSamePlaintextDifferBecauseEachHasAFreshIv() {
        byte[] first = AesGcm.seal(KEY, PLAINTEXT, AAD);
        byte[] second = AesGcm.seal(KEY, PLAINTEXT, AAD);

        assertThat(first).isNotEqualTo(second);
        assertThat(Arrays.copyOf(first, AesGcm.IV_BYTES)).isNotEqualTo(Arrays.copyOf(second, AesGcm.IV_BYTES));
        assertThat(AesGcm.open(KEY, first, AAD)).isEqualTo(AesGcm.open(KEY, second, AAD)).isEqualTo(PLAINTEXT);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, AesGcm.IV_BYTES, AesGcm.IV_BYTES + AesGcm.TAG_BYTES - 1})
    void inputShorterThanIvAndTagIsRefused(int length) {
        assertThatThrownBy(() -> AesGcm.open(KEY, new byte[length], AAD))
                .isInstanceOf(WrongKeyException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void inputOfExactlyIvAndTagLengthThatWasNotSealedIsRefused() {
        assertThatThrownBy(() -> AesGcm.open(KEY, RandomBytes.of(AesGcm.IV_BYTES + AesGcm.TAG_BYTES), AAD))
                .isInstanceOf(WrongKeyException.class);
    }

    @ParameterizedTest(name = "{0}-byte key")
    @ValueSource(ints = {0, 16, 24, 31, 33})
    void keysThatAreNot256BitsAreRejected(int keyLength) {
        byte[] key = new byte[keyLength];
        byte[] sealed = AesGcm.seal(KEY, PLAINTEXT, AAD);

        assertThatThrownBy(() -> AesGcm.seal(key, PLAINTEXT, AAD)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AesGcm.open(key, sealed, AAD)).isInstanceOf(IllegalArgumentException.class);
    }
}
