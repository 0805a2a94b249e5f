package org.collaborative.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The waits that sign-in throttling imposes, and what it keeps about a subject. */
class SignInThrottleTest {

    private final SignInThrottle throttle = new SignInThrottle(
            null,
            Clock.systemUTC(),
            Duration.ofMinutes(15),
            Duration.ofSeconds(1),
            Duration.ofMinutes(15),
            3,
            10,
            20,
            100);
    private final SignInThrottle.Limits account = new SignInThrottle.Limits(3, 10);

    @Test
    void theFirstFailuresCostNothing() {
        assertThat(throttle.delay(0, account)).isZero();
        assertThat(throttle.delay(2, account)).isZero();
    }

    @Test
    void thenEachFailureDoublesTheWait() {
        assertThat(throttle.delay(3, account)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.delay(4, account)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.delay(9, account)).isEqualTo(Duration.ofSeconds(64));
    }

    @Test
    void theLockOutIsTheLongestWait() {
        assertThat(throttle.delay(10, account)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.delay(1_000, account)).isEqualTo(Duration.ofMinutes(15));
        SignInThrottle.Limits slowOnly = new SignInThrottle.Limits(1, Integer.MAX_VALUE);
        assertThat(throttle.delay(40, slowOnly))
                .as("doubling never passes the lock-out")
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anEmailAddressIsKeptOnlyAsTheHashOfItsNormalisedForm() {
        String subject = SignInThrottle.accountSubject(" Tom.Hughes@Camden.example ");

        assertThat(subject).isEqualTo(SignInThrottle.accountSubject("tom.hughes@camden.example"));
        assertThat(subject)
                .startsWith("account:")
                .hasSize("account:".length() + 64)
                .doesNotContain("@", "tom");
        assertThat(SignInThrottle.accountSubject(null)).isEqualTo(SignInThrottle.accountSubject(""));
    }

    @Test
    void aClientAddressFitsItsColumn() {
        assertThat(SignInThrottle.addressSubject("2001:db8::1")).isEqualTo("address:2001:db8::1");
        assertThat(SignInThrottle.addressSubject("x".repeat(500))).hasSizeLessThanOrEqualTo(100);
    }
}
