package org.collaborative.app.theme;

import static org.collaborative.app.support.Directories.AMARA;
import static org.collaborative.app.support.Directories.SAM;
import static org.collaborative.app.support.Directories.TOM;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.events.theme.ThemeArchived;
import org.collaborative.events.theme.ThemeCreated;
import org.collaborative.events.theme.ThemeDescribed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Describing and archiving a theme. */
class ThemeStewardshipTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");
    private static final ThemeCreated CREATED =
            new ThemeCreated("behaviour-change", "Behaviour change", "Nudges", null, AT);

    private AggregateTestFixture<Theme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Theme.class);
    }

    @Test
    void aFacilitatorDescribesATheme() {
        fixture.given(CREATED)
                .when(new DescribeTheme("behaviour-change", " Behaviour change ", " Nudges that last ", AMARA, AT))
                .expectEvents(
                        new ThemeDescribed("behaviour-change", "Behaviour change", "Nudges that last", "amara", AT));
        fixture.given(CREATED)
                .when(new DescribeTheme("behaviour-change", "Behaviour change", "Nudges", AMARA, AT))
                .expectNoEvents();
        fixture.given(CREATED)
                .when(new DescribeTheme("behaviour-change", "", "Nudges", SAM, AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Enter a title");
        fixture.given(CREATED)
                .when(new DescribeTheme("behaviour-change", "Behaviour\nchange", "Nudges", SAM, AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Title must not include control characters such as line breaks");
    }

    @Test
    void onlyFacilitatorsAndAdministratorsChangeThemes() {
        fixture.given(CREATED)
                .when(new DescribeTheme("behaviour-change", "Mine", "", TOM, AT))
                .expectException(RuleBrokenException.class)
                .expectExceptionMessage("Only facilitators and administrators can change themes");
        fixture.given(CREATED)
                .when(new ArchiveTheme("behaviour-change", TOM, AT))
                .expectExceptionMessage("Only facilitators and administrators can change themes");
    }

    @Test
    void anArchivedThemeStaysAsItWas() {
        fixture.given(CREATED)
                .when(new ArchiveTheme("behaviour-change", SAM, AT))
                .expectEvents(new ThemeArchived("behaviour-change", "sam", AT));
        fixture.given(CREATED, new ThemeArchived("behaviour-change", "sam", AT))
                .when(new ArchiveTheme("behaviour-change", AMARA, AT))
                .expectNoEvents();
        fixture.given(CREATED, new ThemeArchived("behaviour-change", "sam", AT))
                .when(new DescribeTheme("behaviour-change", "New", "", AMARA, AT))
                .expectExceptionMessage("This theme is archived, so it can no longer be changed");
    }
}
