package org.collaborative.app.onboarding;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The text of an emailed link's token: {@code <payload>.<signature>}, both base64url. The payload is the link's id (16
 * bytes), its purpose (one byte) and its expiry (8 bytes, epoch seconds); the signature is HMAC-SHA-256 of the payload
 * under the workspace's link key. A token whose signature does not match, or that has expired, is refused here
 * without any lookup; single use is the link's row ({@link SignedLinks}).
 */
final class LinkTokens {

    /** What a link lets its holder do. */
    enum Purpose {
        INVITATION,
        PASSWORD_RESET,
        ADDRESS_CONFIRMATION
    }

    /** A token read back and checked: signed by us, of the purpose expected, not expired. */
    record Claims(UUID linkId, Purpose purpose, Instant expiresAt) {}

    private static final int PAYLOAD_LENGTH = 16 + 1 + 8;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;

    LinkTokens(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The link key must have at least 256 bits");
        }
        this.key = key.clone();
    }

    String sign(UUID linkId, Purpose purpose, Instant expiresAt) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_LENGTH);
        payload.putLong(linkId.getMostSignificantBits());
        payload.putLong(linkId.getLeastSignificantBits());
        payload.put((byte) purpose.ordinal());
        payload.putLong(expiresAt.getEpochSecond());
        byte[] bytes = payload.array();
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /** The token's claims if it is ours, of the purpose given and not expired at {@code now}; otherwise empty. */
    Optional<Claims> verify(String token, Purpose expected, Instant now) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (payload.length != PAYLOAD_LENGTH || !MessageDigest.isEqual(mac(payload), signature)) {
            return Optional.empty();
        }
        ByteBuffer read = ByteBuffer.wrap(payload);
        UUID linkId = new UUID(read.getLong(), read.getLong());
        int purpose = read.get();
        Instant expiresAt = Instant.ofEpochSecond(read.getLong());
        if (purpose != expected.ordinal() || !now.isBefore(expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(new Claims(linkId, expected, expiresAt));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
