package org.collaborative.app.theme;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.events.theme.ThemeCreated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ThemeTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");
    private AggregateTestFixture<Theme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Theme.class);
    }

    @Test
    void createsAThemeWithItsTitleAndSummaryTrimmed() {
        fixture.givenNoPriorActivity()
                .when(new CreateTheme("guns-and-gangs", "  Guns and gangs ", " Routes out. ", null, AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ThemeCreated("guns-and-gangs", "Guns and gangs", "Routes out.", null, AT));
    }

    @Test
    void cannotCreateAThemeWithoutATitle() {
        fixture.givenNoPriorActivity()
                .when(new CreateTheme("t", "  ", "", null, AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Enter a title")
                .expectNoEvents();
    }

    /** Found by the request fuzzer: a title with a NUL reached the theme directory's PostgreSQL text, a 500. */
    @Test
    void cannotCreateAThemeWithControlCharactersInItsTitle() {
        fixture.givenNoPriorActivity()
                .when(new CreateTheme("t", "Nul\u0000theme", "", null, AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Title must not include control characters such as line breaks")
                .expectNoEvents();
    }

    @Test
    void cannotCreateAThemeWithATitleLongerThan120Characters() {
        fixture.givenNoPriorActivity()
                .when(new CreateTheme("t", "x".repeat(121), "", null, AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Title must be 120 characters or fewer");
    }
}
