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
}
