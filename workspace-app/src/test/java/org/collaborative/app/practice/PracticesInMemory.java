package org.collaborative.app.practice;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.collaborative.events.practice.AdoptionStage;

/** The practice directory for fixture tests: practice "pr1" first tried on 1 January 2025, from Hackney. */
public final class PracticesInMemory implements PracticeDirectory {

    static final LocalDate FIRST_TRIED = LocalDate.of(2025, 1, 1);

    private final Map<String, PracticeEntry> practices =
            new HashMap<>(Map.of("pr1", new PracticeEntry("pr1", "behaviour-change", "E09000012", FIRST_TRIED)));
    private final Set<String> takenForward = new HashSet<>();
    private final Map<String, AdoptionStage> stages = new HashMap<>();
    private final Map<String, String> financeOfficers = new HashMap<>();

    PracticesInMemory withTakenForward(String proposalId) {
        takenForward.add(proposalId);
        return this;
    }

    public PracticesInMemory adoption(String practiceId, String organisationId, AdoptionStage stage) {
        stages.put(practiceId + ":" + organisationId, stage);
        return this;
    }

    PracticesInMemory financeOfficer(String memberId, String organisationId) {
        financeOfficers.put(memberId, organisationId);
        return this;
    }

    @Override
    public Optional<PracticeEntry> findPractice(String practiceId) {
        return Optional.ofNullable(practices.get(practiceId));
    }

    @Override
    public boolean takenForward(String proposalId) {
        return takenForward.contains(proposalId);
    }

    @Override
    public Optional<AdoptionStage> adoptionStage(String practiceId, String organisationId) {
        return Optional.ofNullable(stages.get(practiceId + ":" + organisationId));
    }

    @Override
    public boolean isFinanceOfficer(String memberId, String organisationId) {
        return organisationId.equals(financeOfficers.get(memberId));
    }

    @Override
    public java.util.List<FinanceOfficerEntry> financeOfficers() {
        return financeOfficers.entrySet().stream()
                .map(officer -> new FinanceOfficerEntry(officer.getKey(), officer.getValue()))
                .sorted(java.util.Comparator.comparing(FinanceOfficerEntry::organisationId)
                        .thenComparing(FinanceOfficerEntry::memberId))
                .toList();
    }

    @Override
    public Optional<String> financeOfficerOf(String memberId) {
        return Optional.ofNullable(financeOfficers.get(memberId));
    }
}
