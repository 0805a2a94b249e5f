package org.collaborative.app.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Signed one-click unsubscribe links (RFC 8058): {@code /unsubscribe/<memberId>/<signature>}, where the signature is
 * an HMAC-SHA256 of the member id under a key kept in PostgreSQL ({@code notification_key}), made by whichever
 * instance needs it first and shared by all. A link can only stop its own member's digest email, and works without
 * signing in, as mail clients post it on their own.
 */
@Component
public class UnsubscribeLinks {

    private final JdbcTemplate jdbc;
    private final String publicUrl;
    private volatile byte[] key;

    UnsubscribeLinks(JdbcTemplate jdbc, @Value("${collaborative.public-url}") String publicUrl) {
        this.jdbc = jdbc;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public String publicUrl() {
        return publicUrl;
    }

    public String urlFor(String memberId) {
        return publicUrl + "/unsubscribe/" + memberId + "/" + signature(memberId);
    }

    public boolean verify(String memberId, String signature) {
        return memberId != null
                && signature != null
                && MessageDigest.isEqual(
                        signature(memberId).getBytes(StandardCharsets.US_ASCII),
                        signature.getBytes(StandardCharsets.US_ASCII));
    }

    String signature(String memberId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] signed = mac.doFinal(("unsubscribe:" + memberId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        if (key == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            jdbc.update("insert into notification_key (id, secret) values (1, ?) on conflict (id) do nothing", fresh);
            key = jdbc.queryForObject("select secret from notification_key where id = 1", byte[].class);
        }
        return key;
    }
}
