package org.collaborative.app.proposal;

import java.util.List;
import org.collaborative.events.proposal.ProposalForm;
import org.springframework.stereotype.Component;

/** Proposal forms and stages in the words, and GOV.UK tag colours, the pages use. */
@Component("proposals")
public class ProposalLabels {

    public List<ProposalForm> forms() {
        return List.of(ProposalForm.values());
    }

    public List<ProposalStage> stages() {
        return List.of(ProposalStage.values());
    }

    public String form(String form) {
        if (form == null) {
            return "";
        }
        return switch (ProposalForm.valueOf(form)) {
            case PROCESS_IMPROVEMENT -> "Process improvement";
            case NEW_PARTNERSHIP -> "New partnership between public bodies";
            case SOCIAL_ENTERPRISE -> "Growing a social enterprise";
        };
    }

    public String stage(String stage) {
        return stage == null ? "" : ProposalStage.valueOf(stage).label();
    }

    public String tag(String stage) {
        if (stage == null) {
            return "govuk-tag--grey";
        }
        return switch (ProposalStage.valueOf(stage)) {
            case DRAFT -> "govuk-tag--grey";
            case OPEN_FOR_CHALLENGE -> "govuk-tag--blue";
            case ENDORSED -> "govuk-tag--turquoise";
            case TAKEN_FORWARD -> "govuk-tag--green";
            case NOT_TAKEN_FORWARD -> "govuk-tag--orange";
            case WITHDRAWN -> "govuk-tag--red";
        };
    }
}
