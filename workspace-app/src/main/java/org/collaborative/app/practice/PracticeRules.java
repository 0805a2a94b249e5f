package org.collaborative.app.practice;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.collaborative.app.kernel.Actor;
import org.collaborative.events.member.MemberRole;

/** Rules shared by practices and adoptions. */
final class PracticeRules {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private PracticeRules() {}

    /** Facilitators and administrators act for any organisation. */
    static boolean actsForAnyOrganisation(Actor actor) {
        return actor.role() == MemberRole.FACILITATOR || actor.role() == MemberRole.ADMINISTRATOR;
    }

    /** Members act for their own organisation; facilitators and administrators for any. */
    static boolean actsFor(Actor actor, String organisationId) {
        return actsForAnyOrganisation(actor) || actor.organisationId().equals(organisationId);
    }

    static String date(LocalDate date) {
        return DATE.format(date);
    }
}
