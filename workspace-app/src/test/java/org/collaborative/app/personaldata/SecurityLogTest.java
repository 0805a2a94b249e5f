package org.collaborative.app.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecurityLogTest {

    @Test
    void aRefusedAddressKeepsOnlyItsFirstTwoCharactersAndItsDomain() {
        assertThat(SecurityLog.mask(" Zebedee.Quillfeather@Camden.example ")).isEqualTo("ze…@camden.example");
    }

    @Test
    void somethingThatIsNotAnAddressKeepsOnlyTwoCharacters() {
        assertThat(SecurityLog.mask("zebedee")).isEqualTo("ze… (not an email address)");
        assertThat(SecurityLog.mask("  ")).isEqualTo("(none given)");
        assertThat(SecurityLog.mask(null)).isEqualTo("(none given)");
    }

    /** Found by the request fuzzer: a NUL in what was typed reached PostgreSQL's text column, a 500 on sign-in. */
    @Test
    void whatIsLoggedHasNoControlCharacters() {
        assertThat(SecurityLog.printable(SecurityLog.mask("a\u0000b"))).isEqualTo("a\uFFFD… (not an email address)");
        assertThat(SecurityLog.printable("line\r\nbreak")).isEqualTo("line\uFFFD\uFFFDbreak");
        assertThat(SecurityLog.printable("ünïcödé ✓ 😀")).isEqualTo("ünïcödé ✓ 😀");
    }
}
