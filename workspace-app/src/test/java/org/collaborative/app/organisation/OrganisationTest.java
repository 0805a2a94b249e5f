package org.collaborative.app.organisation;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.events.organisation.OrganisationKind;
import org.collaborative.events.organisation.OrganisationRegistered;
import org.junit.jupiter.api.Test;

class OrganisationTest {

    private static final Instant AT = Instant.parse("2026-11-26T09:00:00Z");
    private final AggregateTestFixture<Organisation> fixture = new AggregateTestFixture<>(Organisation.class);

    @Test
    void registersABoroughWithItsPlaceOnTheTileMap() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOrganisation(
                        "E09000007", "Camden", OrganisationKind.LOCAL_AUTHORITY, "E09000007", "inner", 2, 5, AT))
                .expectEvents(new OrganisationRegistered(
                        "E09000007", "Camden", OrganisationKind.LOCAL_AUTHORITY, "E09000007", "inner", 2, 5, AT));
    }

    @Test
    void cannotRegisterAnOrganisationWithoutAName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOrganisation("x", "", OrganisationKind.PARTNER, null, null, null, null, AT))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("Enter an organisation name");
    }
}
