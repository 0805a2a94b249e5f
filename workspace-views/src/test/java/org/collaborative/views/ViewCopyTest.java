package org.collaborative.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.group.GroupPage.Membership;
import org.junit.jupiter.api.Test;

/** {@link View#with}: the one way views change a field, through the record's canonical constructor. */
class ViewCopyTest {

    private final GroupPage page = new GroupPage(
            "group-1",
            "theme-1",
            "Carbon",
            "Cut it",
            "OPEN",
            Instant.parse("2026-01-05T10:00:00Z"),
            List.of("member-1"),
            List.of(new Membership("member-1", "org-1", Instant.parse("2026-01-05T10:00:00Z"))),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            null,
            Map.of("group-1", 3L),
            7L);

    @Test
    void changesOnlyTheNamedFields() {
        GroupPage renamed = page.renamed("Net zero", "Reach it");

        assertThat(renamed.name()).isEqualTo("Net zero");
        assertThat(renamed.purpose()).isEqualTo("Reach it");
        assertThat(renamed)
                .usingRecursiveComparison()
                .ignoringFields("name", "purpose")
                .isEqualTo(page);
        assertThat(page.name()).as("the original is unchanged").isEqualTo("Carbon");
    }

    @Test
    void keepsTheBookkeepingFieldsItDoesNotName() {
        GroupPage applied = page.appliedUpTo(Map.of("group-1", 4L));

        assertThat(applied.applied()).containsEntry("group-1", 4L);
        assertThat(applied.version()).isEqualTo(7L);
        assertThat(applied.members()).isEqualTo(page.members());
    }

    @Test
    void goesThroughTheCompactConstructor() {
        assertThat(page.withMembers(null).members()).isEmpty();
    }

    @Test
    void refusesAFieldTheViewDoesNotHave() {
        assertThatThrownBy(() -> page.with("nmae", "Net zero"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GroupPage has no field named nmae");
    }

    @Test
    void refusesAValueOfTheWrongType() {
        assertThatThrownBy(() -> page.with("formedAt", "yesterday")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesANameWithoutAValue() {
        assertThatThrownBy(() -> page.with("name")).isInstanceOf(IllegalArgumentException.class);
    }
}
