package org.collaborative.app.personaldata;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The one place personal data is sealed into events and opened from them (crypto-shredding, ADR 9). Each member has
 * their own 256-bit AES key, kept in {@link MemberKeys} outside the event store; personal details are encrypted with
 * AES-GCM under a fresh random 96-bit IV, with the member id as associated data (a sealed value cannot be passed off
 * as another member's). Destroying the key ({@link #shred}) makes every sealed copy unreadable, wherever it is.
 *
 * <p>Sealed form: {@code v1.<base64url IV>.<base64url ciphertext with its 128-bit tag>}.
 */
@Component
public class PersonalDataVault {

    private static final String VERSION = "v1";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final MemberKeys keys;
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper json = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public PersonalDataVault(MemberKeys keys) {
        this.keys = keys;
    }

    /** Seals the details with the member's key, creating the key on first use. */
    public String seal(String memberId, PersonalDetails details) {
        return sealValue(memberId, details);
    }

    /**
     * Seals any other personal value of the member (a record whose {@code toString} names no value, like
     * {@link PersonalDetails}) with the member's key, creating the key on first use.
     */
    public String sealValue(String memberId, Object details) {
        byte[] key = keys.find(memberId).orElseGet(() -> keys.addIfAbsent(memberId, newKey()));
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv, memberId);
            byte[] sealed = cipher.doFinal(json.writeValueAsBytes(details));
            return VERSION + "." + ENCODE.encodeToString(iv) + "." + ENCODE.encodeToString(sealed);
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("Could not seal personal data for member " + memberId, e);
        }
    }

    /**
     * The details sealed in {@code sealed}, or empty when there are none or the member's key has been destroyed (they
     * were erased).
     *
     * @throws IllegalStateException when the value was not sealed for this member or has been altered
     */
    public Optional<PersonalDetails> open(String memberId, String sealed) {
        return openValue(memberId, sealed, PersonalDetails.class);
    }

    /** As {@link #open}, for a value sealed with {@link #sealValue}. */
    public <T> Optional<T> openValue(String memberId, String sealed, Class<T> type) {
        if (sealed == null || sealed.isEmpty()) {
            return Optional.empty();
        }
        Optional<byte[]> key = keys.find(memberId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = sealed.split("\\.");
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalStateException("Personal data of member " + memberId + " is not in a sealed form");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key.get(), DECODE.decode(parts[1]), memberId);
            return Optional.of(json.readValue(cipher.doFinal(DECODE.decode(parts[2])), type));
        } catch (GeneralSecurityException | java.io.IOException | IllegalArgumentException e) {
            // No cause: a parser's message could quote the plain text.
            throw new IllegalStateException("Personal data of member " + memberId + " could not be opened: "
                    + e.getClass().getSimpleName());
        }
    }

    /** Whether the member's personal data can still be opened. */
    public boolean canOpen(String memberId) {
        return keys.find(memberId).isPresent();
    }

    /** Destroys the member's key: everything sealed with it can never be read again. Says whether there was one. */
    public boolean shred(String memberId) {
        return keys.destroy(memberId);
    }

    private byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, String memberId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(memberId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
