package org.collaborative.app.evidence;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;
import org.collaborative.app.group.GroupDirectory;
import org.collaborative.app.group.GroupRules;
import org.collaborative.app.kernel.DomainRules;
import org.collaborative.app.kernel.InvalidInputException;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.moderation.ItemModeration;
import org.collaborative.app.moderation.ModeratedKind;
import org.collaborative.app.moderation.ModerationCommand;
import org.collaborative.events.evidence.EvidenceChallenged;
import org.collaborative.events.evidence.EvidenceEndorsed;
import org.collaborative.events.evidence.EvidenceKind;
import org.collaborative.events.evidence.EvidenceRevised;
import org.collaborative.events.evidence.EvidenceSubmitted;

/**
 * A piece of evidence in a working group: a claim, its source, its kind and its strength on Nesta's Standards of
 * Evidence. Others endorse it (once each, never their own) or challenge it with a reason; its submitter revises it.
 * While a facilitator has it hidden ({@link ItemModeration}) it is neither revised, endorsed nor challenged.
 */
@Aggregate
public class Evidence {

    public static final int MAX_TITLE = 150;
    public static final int MAX_SUMMARY = 10_000;
    public static final int MAX_SOURCE = 1_000;
    public static final int MAX_REASON = 2_000;
    /** The levels of Nesta's Standards of Evidence. */
    public static final int LOWEST_LEVEL = 1;

    public static final int HIGHEST_LEVEL = 5;

    @AggregateIdentifier
    private String evidenceId;

    private String groupId;
    private String submittedBy;
    private Content content;
    private final Set<String> endorsers = new HashSet<>();
    private final Set<String> challenges = new HashSet<>();
    /** Who has challenged the current version: one stance per member until it is revised (ADR 29). */
    private final Set<String> challengers = new HashSet<>();

    @AggregateMember
    private final ItemModeration moderation = new ItemModeration(ModeratedKind.EVIDENCE);

    private record Content(String title, String summary, String source, EvidenceKind kind, int level) {}

    protected Evidence() {}

    @CommandHandler
    public Evidence(SubmitEvidence command, GroupDirectory groups) {
        Content content =
                validated(command.title(), command.summary(), command.source(), command.kind(), command.level());
        GroupDirectory.Entry group = GroupRules.requireGroup(groups, command.groupId());
        GroupRules.requireMember(groups, group.groupId(), command.actor().memberId(), "submit evidence to it");
        apply(new EvidenceSubmitted(
                command.evidenceId(),
                group.groupId(),
                group.themeId(),
                content.title(),
                content.summary(),
                content.source(),
                content.kind(),
                content.level(),
                command.actor().memberId(),
                command.actor().organisationId(),
                command.at()));
    }

    @CommandHandler
    void handle(ReviseEvidence command) {
        if (!command.actor().memberId().equals(submittedBy)) {
            throw new RuleBrokenException("Only the person who submitted this evidence can revise it");
        }
        moderation.requireShown("it cannot be revised");
        Content revised =
                validated(command.title(), command.summary(), command.source(), command.kind(), command.level());
        if (revised.equals(content)) {
            throw new RuleBrokenException("Change something before you save a revision");
        }
        apply(new EvidenceRevised(
                evidenceId,
                revised.title(),
                revised.summary(),
                revised.source(),
                revised.kind(),
                revised.level(),
                command.actor().memberId(),
                command.at()));
    }

    /** Endorsing twice records nothing the second time. */
    @CommandHandler
    void handle(EndorseEvidence command, GroupDirectory groups) {
        if (command.actor().memberId().equals(submittedBy)) {
            throw new RuleBrokenException("You cannot endorse your own evidence");
        }
        moderation.requireShown("it cannot be endorsed");
        GroupRules.requireMember(groups, groupId, command.actor().memberId(), "endorse its evidence");
        if (endorsers.contains(command.actor().memberId())) {
            return;
        }
        if (challengers.contains(command.actor().memberId())) {
            throw new RuleBrokenException(
                    "You have challenged this evidence, so you cannot endorse it until its author revises it");
        }
        apply(new EvidenceEndorsed(
                evidenceId, command.actor().memberId(), command.actor().organisationId(), command.at()));
    }

    @CommandHandler
    void handle(ChallengeEvidence command, GroupDirectory groups) {
        if (challenges.contains(command.challengeId())) {
            return;
        }
        DomainRules.requireText("reason", command.reason(), MAX_REASON);
        if (command.actor().memberId().equals(submittedBy)) {
            throw new RuleBrokenException("You cannot challenge your own evidence: revise it instead");
        }
        moderation.requireShown("it cannot be challenged");
        GroupRules.requireMember(groups, groupId, command.actor().memberId(), "challenge its evidence");
        if (endorsers.contains(command.actor().memberId())) {
            throw new RuleBrokenException(
                    "You have endorsed this evidence, so you cannot also challenge it: raise your concern in a comment");
        }
        apply(new EvidenceChallenged(
                evidenceId,
                command.challengeId(),
                command.actor().memberId(),
                command.actor().organisationId(),
                command.reason().strip(),
                command.at()));
    }

    private static Content validated(String title, String summary, String source, EvidenceKind kind, Integer level) {
        DomainRules.requireText("title", title, MAX_TITLE);
        DomainRules.optionalText("summary", summary, MAX_SUMMARY);
        DomainRules.requireText("source", source, MAX_SOURCE);
        if (kind == null) {
            throw new InvalidInputException("kind", "Choose the kind of evidence");
        }
        if (level == null || level < LOWEST_LEVEL || level > HIGHEST_LEVEL) {
            throw new InvalidInputException(
                    "level", "Choose a level of evidence from " + LOWEST_LEVEL + " to " + HIGHEST_LEVEL);
        }
        return new Content(
                title.strip(), Objects.requireNonNullElse(summary, "").strip(), source.strip(), kind, level);
    }

    @EventSourcingHandler
    void on(EvidenceSubmitted event) {
        evidenceId = event.evidenceId();
        groupId = event.groupId();
        submittedBy = event.submittedBy();
        content = new Content(event.title(), event.summary(), event.source(), event.kind(), event.level());
    }

    @EventSourcingHandler
    void on(EvidenceRevised event) {
        content = new Content(event.title(), event.summary(), event.source(), event.kind(), event.level());
        // A revision answers the challenges to the version before it: their authors may now endorse it.
        challengers.clear();
    }

    @EventSourcingHandler
    void on(EvidenceEndorsed event) {
        endorsers.add(event.memberId());
    }

    @EventSourcingHandler
    void on(EvidenceChallenged event) {
        challenges.add(event.challengeId());
        challengers.add(event.memberId());
    }

    @CommandHandler(commandName = ModeratedKind.CommandNames.EVIDENCE)
    void handle(ModerationCommand command, GroupDirectory groups) {
        moderation.handle(command, evidenceId, null, groupId, groups);
    }
}
