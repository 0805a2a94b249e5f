package org.collaborative.app.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PersonalDataVaultTest {

    private static final PersonalDetails ZEB =
            new PersonalDetails("Zebedee Quillfeather", "zeb@camden.example", "Head of parks");

    private final KeysInMemory keys = new KeysInMemory();
    private final PersonalDataVault vault = new PersonalDataVault(keys);

    @Test
    void sealedDetailsOpenWithTheMembersKey() {
        String sealed = vault.seal("m1", ZEB);

        assertThat(vault.open("m1", sealed)).contains(ZEB);
        assertThat(keys.find("m1")).get().satisfies(key -> assertThat(key).hasSize(32));
    }

    @Test
    void theSealedFormHoldsNoPlainText() {
        String sealed = vault.seal("m1", ZEB);

        assertThat(sealed)
                .startsWith("v1.")
                .doesNotContainIgnoringCase("Quillfeather")
                .doesNotContain("camden");
        String[] parts = sealed.split("\\.");
        assertThat(Base64.getUrlDecoder().decode(parts[1])).hasSize(12);
        assertThat(new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.ISO_8859_1))
                .doesNotContain("Quillfeather");
    }

    @Test
    void everySealingUsesAFreshIv() {
        assertThat(vault.seal("m1", ZEB)).isNotEqualTo(vault.seal("m1", ZEB));
    }

    @Test
    void onceTheKeyIsDestroyedNothingSealedWithItCanBeOpened() {
        String sealed = vault.seal("m1", ZEB);

        assertThat(vault.shred("m1")).isTrue();

        assertThat(vault.open("m1", sealed)).isEmpty();
        assertThat(vault.canOpen("m1")).isFalse();
        assertThat(vault.shred("m1")).isFalse();
    }

    @Test
    void detailsSealedForOneMemberCannotBePassedOffAsAnothersEvenUnderTheSameKey() {
        String sealed = vault.seal("m1", ZEB);
        keys.addIfAbsent("m2", keys.find("m1").orElseThrow());

        assertThatThrownBy(() -> vault.open("m2", sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("Quillfeather");
    }

    @Test
    void anAlteredSealedValueIsRefused() {
        String sealed = vault.seal("m1", ZEB);
        String altered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");

        assertThatThrownBy(() -> vault.open("m1", altered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void detailsNeverPrintTheirValues() {
        assertThat(ZEB.toString()).doesNotContain("Zebedee", "zeb@", "parks");
    }
}
