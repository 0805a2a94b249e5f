package org.collaborative.app.seed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.collaborative.app.organisation.RegisterOrganisation;
import org.collaborative.app.theme.CreateTheme;
import org.collaborative.events.organisation.OrganisationKind;
import org.springframework.core.io.ClassPathResource;

/** The organisations and challenge themes every workspace starts with. Ids are stable so that seeding is repeatable. */
final class ReferenceData {

    static final String GLA = "gla";
    static final String LONDON_COUNCILS = "london-councils";

    record ThemeSeed(String id, String title, String summary) {}

    static final List<ThemeSeed> THEMES = List.of(
            new ThemeSeed(
                    "behaviour-change",
                    "Behaviour change",
                    "Helping residents make choices that are better for them and cheaper for everyone: recycling, "
                            + "healthy living, channel shift."),
            new ThemeSeed(
                    "worklessness-and-social-housing",
                    "Worklessness and social housing",
                    "Getting long-term unemployed social tenants into sustained work, and what landlords and "
                            + "employers can do together."),
            new ThemeSeed(
                    "climate-change-and-carbon-reduction",
                    "Climate change and carbon reduction",
                    "Cutting councils' and residents' carbon: retrofit, energy, transport and procurement."),
            new ThemeSeed(
                    "understanding-population-flows",
                    "Understanding population flows",
                    "Knowing who moves in and out of each borough, and planning school places, housing and "
                            + "services for them."),
            new ThemeSeed(
                    "child-poverty-and-aspiration",
                    "Child poverty and aspiration",
                    "Breaking the link between a child's postcode and their prospects."),
            new ThemeSeed(
                    "affordable-homes-and-tenure",
                    "Affordable homes and tenure",
                    "More homes Londoners can afford, and tenures that fit how people live and work."),
            new ThemeSeed(
                    "guns-and-gangs",
                    "Guns and gangs",
                    "Preventing young people being drawn into gangs, and routes out for those who are."),
            new ThemeSeed(
                    "older-people-living-independently",
                    "Older people living independently",
                    "Helping older people stay well and at home for longer, with care that fits their lives."));

    private ReferenceData() {}

    /** The 33 London local authorities from the ONS list, then the GLA and London Councils. */
    static List<RegisterOrganisation> organisations(java.time.Instant at) {
        List<RegisterOrganisation> organisations = new ArrayList<>();
        for (String[] borough : boroughs()) {
            organisations.add(new RegisterOrganisation(
                    borough[0],
                    borough[1],
                    OrganisationKind.LOCAL_AUTHORITY,
                    borough[0],
                    borough[4],
                    Integer.valueOf(borough[2]),
                    Integer.valueOf(borough[3]),
                    at));
        }
        organisations.add(new RegisterOrganisation(
                GLA, "Greater London Authority", OrganisationKind.REGIONAL_AUTHORITY, null, null, null, null, at));
        organisations.add(new RegisterOrganisation(
                LONDON_COUNCILS, "London Councils", OrganisationKind.PAN_LONDON_BODY, null, null, null, null, at));
        return organisations;
    }

    static List<CreateTheme> themes(java.time.Instant at) {
        return THEMES.stream()
                .map(theme -> new CreateTheme(theme.id(), theme.title(), theme.summary(), null, at))
                .toList();
    }

    static List<String[]> boroughs() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("reference/london-boroughs.csv").getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split(",", -1))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("The borough reference data is missing from the build", e);
        }
    }
}
