package org.collaborative.app.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.collaborative.app.onboarding.LinkTokens.Purpose;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-06T18:00:00Z");
    private static final UUID LINK = UUID.fromString("5b0c2f8e-3a43-4b8e-9f4e-2f0c1d2e3f40");

    private final LinkTokens tokens = new LinkTokens(key('a'));

    private static byte[] key(char fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void aTokenItSignedIsReadBackWithItsLinkAndExpiry() {
        String token = tokens.sign(LINK, Purpose.INVITATION, NOW.plus(Duration.ofDays(7)));

        assertThat(tokens.verify(token, Purpose.INVITATION, NOW))
                .contains(new LinkTokens.Claims(LINK, Purpose.INVITATION, NOW.plus(Duration.ofDays(7))));
    }

    @Test
    void aTokenStopsWorkingAtItsExpiry() {
        String token = tokens.sign(LINK, Purpose.PASSWORD_RESET, NOW.plus(Duration.ofHours(1)));

        assertThat(tokens.verify(token, Purpose.PASSWORD_RESET, NOW.plus(Duration.ofMinutes(59))))
                .isPresent();
        assertThat(tokens.verify(token, Purpose.PASSWORD_RESET, NOW.plus(Duration.ofHours(1))))
                .isEmpty();
    }

    @Test
    void aTokenForOnePurposeDoesNotServeAnother() {
        String reset = tokens.sign(LINK, Purpose.PASSWORD_RESET, NOW.plus(Duration.ofHours(1)));

        assertThat(tokens.verify(reset, Purpose.INVITATION, NOW)).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String forged = new LinkTokens(key('b')).sign(LINK, Purpose.INVITATION, NOW.plus(Duration.ofDays(7)));

        assertThat(tokens.verify(forged, Purpose.INVITATION, NOW)).isEmpty();
    }

    @Test
    void aTokenWhoseExpiryWasMovedIsRefused() {
        String token = tokens.sign(LINK, Purpose.INVITATION, NOW.minus(Duration.ofDays(1)));
        String[] parts = token.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[0]);
        payload[payload.length - 1] ^= 0x7f; // a later expiry, say
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[1];

        assertThat(tokens.verify(tampered, Purpose.INVITATION, NOW)).isEmpty();
    }

    @Test
    void malformedTokensAreRefusedNotThrown() {
        for (String token : new String[] {null, "", "abc", "a.b", "!!!.???", "x".repeat(500)}) {
            assertThat(tokens.verify(token, Purpose.INVITATION, NOW)).isEmpty();
        }
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new LinkTokens("short".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
