package org.collaborative.app.practice;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.collaborative.events.practice.AdoptionStage;
import org.collaborative.events.practice.AdoptionStageRecorded;
import org.collaborative.events.practice.FinanceOfficerDesignated;
import org.collaborative.events.practice.FinanceOfficerDesignationEnded;
import org.collaborative.events.practice.PracticeRecorded;
import org.collaborative.events.proposal.ProposalDecided;
import org.collaborative.events.proposal.ProposalOutcome;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The practice directory in PostgreSQL, kept by the subscribing "command-directory" processor with the events. */
@Component
@ProcessingGroup("command-directory")
class PracticeDirectoryTable implements PracticeDirectory {

    private final JdbcTemplate jdbc;

    PracticeDirectoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PracticeEntry> findPractice(String practiceId) {
        return jdbc
                .query(
                        "select practice_id, theme_id, originating_organisation_id, first_tried_on"
                                + " from practice_directory where practice_id = ?",
                        (row, i) -> new PracticeEntry(
                                row.getString(1),
                                row.getString(2),
                                row.getString(3),
                                row.getDate(4).toLocalDate()),
                        practiceId)
                .stream()
                .findFirst();
    }

    @Override
    public boolean takenForward(String proposalId) {
        return !jdbc.queryForList(
                        "select proposal_id from taken_forward_proposal where proposal_id = ?",
                        String.class,
                        proposalId)
                .isEmpty();
    }

    @Override
    public Optional<AdoptionStage> adoptionStage(String practiceId, String organisationId) {
        return jdbc
                .queryForList(
                        "select stage from adoption_directory where practice_id = ? and organisation_id = ?",
                        String.class,
                        practiceId,
                        organisationId)
                .stream()
                .findFirst()
                .map(AdoptionStage::valueOf);
    }

    @Override
    public java.util.Optional<String> financeOfficerOf(String memberId) {
        return jdbc
                .queryForList("select organisation_id from finance_officer where member_id = ?", String.class, memberId)
                .stream()
                .findFirst();
    }

    @Override
    public java.util.List<FinanceOfficerEntry> financeOfficers() {
        return jdbc.query(
                "select member_id, organisation_id from finance_officer order by organisation_id, member_id",
                (row, i) -> new FinanceOfficerEntry(row.getString(1), row.getString(2)));
    }

    public boolean isFinanceOfficer(String memberId, String organisationId) {
        return !jdbc.queryForList(
                        "select member_id from finance_officer where member_id = ? and organisation_id = ?",
                        String.class,
                        memberId,
                        organisationId)
                .isEmpty();
    }

    @EventHandler
    void on(PracticeRecorded event) {
        jdbc.update(
                """
                insert into practice_directory (practice_id, theme_id, originating_organisation_id, first_tried_on,
                                                from_proposal_id)
                values (?, ?, ?, ?, ?) on conflict (practice_id) do nothing
                """,
                event.practiceId(),
                event.themeId(),
                event.originatingOrganisationId(),
                java.sql.Date.valueOf(event.firstTriedOn()),
                event.fromProposalId());
    }

    @EventHandler
    void on(ProposalDecided event) {
        if (event.outcome() == ProposalOutcome.TAKEN_FORWARD) {
            jdbc.update(
                    "insert into taken_forward_proposal (proposal_id) values (?) on conflict do nothing",
                    event.proposalId());
        }
    }

    @EventHandler
    void on(AdoptionStageRecorded event) {
        jdbc.update(
                """
                insert into adoption_directory (practice_id, organisation_id, stage) values (?, ?, ?)
                on conflict (practice_id, organisation_id) do update set stage = excluded.stage
                """, event.practiceId(), event.organisationId(), event.stage().name());
    }

    @EventHandler
    void on(FinanceOfficerDesignated event) {
        jdbc.update("""
                insert into finance_officer (member_id, organisation_id) values (?, ?)
                on conflict (member_id) do update set organisation_id = excluded.organisation_id
                """, event.memberId(), event.organisationId());
    }

    @EventHandler
    void on(FinanceOfficerDesignationEnded event) {
        jdbc.update(
                "delete from finance_officer where member_id = ? and organisation_id = ?",
                event.memberId(),
                event.organisationId());
    }
}
