package org.collaborative.views.practice;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.collaborative.views.View;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * A practice (collection {@value #COLLECTION}, id the practice id): what it is, where it came from, the evidence linked
 * to it and who offers help with it. Its adoptions are {@link AdoptionView}s of their own. {@code name} is null while
 * events from an adoption arrive before the practice's own.
 */
public record PracticeView(
        @Id String id,
        String name,
        String summary,
        String themeId,
        String originatingOrganisationId,
        String fromProposalId,
        String recordedBy,
        Instant recordedAt,
        LocalDate firstTriedOn,
        Instant revisedAt,
        List<String> evidenceIds,
        List<HelpOffer> helpOffers,
        @JsonIgnore Map<String, Long> applied,
        @JsonIgnore @Version Long version)
        implements View<PracticeView> {

    public static final String COLLECTION = "practices";

    /** A member's standing offer of help ({@code kinds}: names of {@code HelpKind}), in the order first offered. */
    public record HelpOffer(String memberId, String organisationId, List<String> kinds, Instant offeredAt) {}

    public static PracticeView empty(String id) {
        return new PracticeView(
                id, null, null, null, null, null, null, null, null, null, List.of(), List.of(), Map.of(), null);
    }

    /** The practice as recorded: what it is, where it came from and who recorded it when. */
    public PracticeView recorded(
            String name,
            String summary,
            String themeId,
            String originatingOrganisationId,
            String fromProposalId,
            String recordedBy,
            Instant recordedAt,
            LocalDate firstTriedOn) {
        return with(
                "name", name,
                "summary", summary,
                "themeId", themeId,
                "originatingOrganisationId", originatingOrganisationId,
                "fromProposalId", fromProposalId,
                "recordedBy", recordedBy,
                "recordedAt", recordedAt,
                "firstTriedOn", firstTriedOn);
    }

    public PracticeView revised(String name, String summary, Instant revisedAt) {
        return with("name", name, "summary", summary, "revisedAt", revisedAt);
    }

    public PracticeView withEvidenceIds(List<String> evidenceIds) {
        return with("evidenceIds", evidenceIds);
    }

    public PracticeView withHelpOffers(List<HelpOffer> helpOffers) {
        return with("helpOffers", helpOffers);
    }
}
