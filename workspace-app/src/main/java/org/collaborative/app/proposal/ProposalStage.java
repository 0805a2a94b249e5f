package org.collaborative.app.proposal;

/** Where a proposal is in its life: draft → open for challenge → endorsed → decided, or withdrawn before deciding. */
public enum ProposalStage {
    DRAFT("Draft"),
    OPEN_FOR_CHALLENGE("Open for challenge"),
    ENDORSED("Endorsed"),
    TAKEN_FORWARD("Taken forward"),
    NOT_TAKEN_FORWARD("Not taken forward"),
    WITHDRAWN("Withdrawn");

    private final String label;

    ProposalStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean settled() {
        return this == TAKEN_FORWARD || this == NOT_TAKEN_FORWARD || this == WITHDRAWN;
    }
}
