package org.collaborative.app.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    private final PasswordRules rules = new PasswordRules();

    @Test
    void aLongUncommonPasswordIsAccepted() {
        assertThat(rules.problem("kettle orbit lantern", "priya.shah@camden.example"))
                .isEmpty();
    }

    @Test
    void noMixOfCharacterKindsIsRequired() {
        assertThat(rules.problem("purplegiraffemarmalade", null)).isEmpty();
    }

    @Test
    void sevenCharactersAreTooFew() {
        assertThat(rules.problem("kq9vzt3", null)).contains("Password must be 8 characters or more");
        assertThat(rules.problem("kq9vzt3w", null)).isEmpty();
    }

    @Test
    void aPasswordFromTheShippedDenyListIsRefusedWhateverItsCase() {
        assertThat(rules.problem("password", null)).get().asString().contains("too easy to guess");
        assertThat(rules.problem("Sunshine", null)).get().asString().contains("too easy to guess");
        assertThat(rules.problem("BASEBALL", null)).get().asString().contains("too easy to guess");
        assertThat(rules.problem("12345678", null)).get().asString().contains("too easy to guess");
    }

    @Test
    void theDenyListIsTheWholeShippedFileWithoutItsHeader() {
        assertThat(PasswordRules.load("security/common-passwords.txt"))
                .hasSizeGreaterThan(3000)
                .contains("password", "qwertyuiop")
                .noneMatch(line -> line.startsWith("#!comment"));
    }

    @Test
    void theEmailAddressAndTheServiceNameAreRefused() {
        assertThat(rules.problem("priya.shah2026", "priya.shah@camden.example"))
                .contains("Password must not contain your email address");
        assertThat(rules.problem("MyCollaborative1", null))
                .contains("Password must not contain the name of this service");
    }

    @Test
    void overSixtyFourCharactersOrSeventyTwoBytesIsTooLong() {
        assertThat(rules.problem("w".repeat(64), null)).isEmpty();
        assertThat(rules.problem("w".repeat(65), null)).contains("Password must be 64 characters or fewer");
        assertThat(rules.problem("é".repeat(40), null)).contains("Password must be 64 characters or fewer");
    }

    @Test
    void anEmptyPasswordAsksForOne() {
        assertThat(rules.problem("", null)).contains("Enter a password");
        assertThat(rules.problem(null, null)).contains("Enter a password");
    }
}
