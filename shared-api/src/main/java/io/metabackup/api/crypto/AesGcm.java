package io.metabackup.api.crypto;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/** AES-256-GCM with the JDK's (hardware accelerated) provider. */
public final class AesGcm {

    public static final int KEY_BYTES = 32;
    public static final int IV_BYTES = 12;
    public static final int TAG_BYTES = 16;

    private AesGcm() {
    }

    /** Seals {@code plaintext} into one blob: IV, then ciphertext with the tag appended. */
    public static byte[] seal(byte[] key, byte[] plaintext, byte[] associatedData) {
        byte[] iv = RandomBytes.of(IV_BYTES);
        byte[] ciphertext = run(Cipher.ENCRYPT_MODE, key, iv, plaintext, associatedData);
        return ByteBuffer.allocate(IV_BYTES + ciphertext.length).put(iv).put(ciphertext).array();
    }

    /** Opens a blob made by {@link #seal}; a wrong key or any altered byte gives {@link WrongKeyException}. */
    public static byte[] open(byte[] key, byte[] sealed, byte[] associatedData) {
        if (sealed.length < IV_BYTES + TAG_BYTES) {
            throw new WrongKeyException("sealed value is too short");
        }
        byte[] iv = Arrays.copyOf(sealed, IV_BYTES);
        byte[] ciphertext = Arrays.copyOfRange(sealed, IV_BYTES, sealed.length);
        return run(Cipher.DECRYPT_MODE, key, iv, ciphertext, associatedData);
    }

    private static byte[] run(int mode, byte[] key, byte[] iv, byte[] input, byte[] associatedData) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, iv));
            if (associatedData != null) {
                cipher.updateAAD(associatedData);
            }
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new WrongKeyException("authentication failed: wrong key or altered data");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
