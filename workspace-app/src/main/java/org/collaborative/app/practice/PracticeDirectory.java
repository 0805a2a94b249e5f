package org.collaborative.app.practice;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.collaborative.events.practice.AdoptionStage;

/**
 * What the command handlers of practices look up about other aggregates: a practice's first-tried date (for an
 * adoption's moves), whether a proposal was decided "taken forward", each organisation's adoption stage (who may offer
 * help), and who is a finance officer of which organisation (who may verify outcomes).
 */
public interface PracticeDirectory {

    /** A member's designation as a finance officer of an organisation. */
    record FinanceOfficerEntry(String memberId, String organisationId) {}

    record PracticeEntry(String practiceId, String themeId, String originatingOrganisationId, LocalDate firstTriedOn) {}

    Optional<PracticeEntry> findPractice(String practiceId);

    boolean takenForward(String proposalId);

    Optional<AdoptionStage> adoptionStage(String practiceId, String organisationId);

    boolean isFinanceOfficer(String memberId, String organisationId);

    /** The organisation whose outcomes this member verifies, if any (one designation at a time). */
    Optional<String> financeOfficerOf(String memberId);

    /** Every current finance officer, by organisation: the administrators' page lists them. */
    List<FinanceOfficerEntry> financeOfficers();
}
