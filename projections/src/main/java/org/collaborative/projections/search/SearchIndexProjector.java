package org.collaborative.projections.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.collaborative.events.comment.CommentPosted;
import org.collaborative.events.evidence.EvidenceRevised;
import org.collaborative.events.evidence.EvidenceSubmitted;
import org.collaborative.events.group.WorkingGroupFormed;
import org.collaborative.events.group.WorkingGroupRenamed;
import org.collaborative.events.moderation.AnswerHidden;
import org.collaborative.events.moderation.AnswerRestored;
import org.collaborative.events.proposal.ProposalDrafted;
import org.collaborative.events.question.QuestionAnswered;
import org.collaborative.events.question.QuestionPosted;
import org.collaborative.projections.infrastructure.DeclaredProjector;
import org.collaborative.projections.infrastructure.EventHandlers;
import org.collaborative.views.search.SearchEntry;
import org.collaborative.views.search.SearchKind;
import org.collaborative.views.search.SearchText;
import org.springframework.stereotype.Component;

/**
 * The search index: one entry per working group, question, piece of evidence, proposal and comment, with its title and
 * text analysed into search terms (see {@link SearchText}). A question's answers are part of its text; a group's title
 * is its name and its text its purpose, and its {@code groupId} is its own id, so that the workspace shows it to whoever
 * may see the group (a renamed group is found by its new name and purpose). Evidence keeps its level for ranking. An
 * answer a facilitator hides leaves the question's text and terms until it is restored (its part is kept, marked).
 */
@Component
public class SearchIndexProjector extends DeclaredProjector<SearchEntry> {

    public static final String NAME = SearchEntry.COLLECTION;

    public SearchIndexProjector() {
        super(NAME, SearchEntry.class, HANDLERS);
    }

    private static final EventHandlers<SearchEntry> HANDLERS = new EventHandlers<SearchEntry>()
            .on(WorkingGroupFormed.class, WorkingGroupFormed::groupId, (entry, e, envelope) -> {
                return entry(
                        entry,
                        SearchKind.GROUP,
                        e.groupId(),
                        e.groupId(),
                        e.themeId(),
                        e.facilitatorOrganisationId(),
                        e.name(),
                        List.of(SearchEntry.Part.of("0", e.purpose())),
                        e.formedAt(),
                        null);
            })
            .on(WorkingGroupRenamed.class, WorkingGroupRenamed::groupId, (entry, e, envelope) -> {
                // A group's events arrive in order (one partition per aggregate), so it is there: found by its new
                // name.
                return changed(entry, e.name(), List.of(SearchEntry.Part.of("0", e.purpose())), entry.level());
            })
            .on(QuestionPosted.class, QuestionPosted::questionId, (entry, e, envelope) -> {
                return entry(
                        entry,
                        SearchKind.QUESTION,
                        e.questionId(),
                        e.groupId(),
                        e.themeId(),
                        e.askedByOrganisationId(),
                        e.title(),
                        withPart(List.of(), "0", e.body()),
                        e.postedAt(),
                        null);
            })
            .on(QuestionAnswered.class, QuestionAnswered::questionId, (entry, e, envelope) -> {
                // Events of one question arrive in order (one partition per aggregate), so the question is there.
                return changed(
                        entry,
                        entry.title(),
                        withPart(
                                entry.parts(),
                                "answer-" + e.answeredAt().toEpochMilli() + "-" + e.answerId(),
                                e.body()),
                        entry.level());
            })
            .on(AnswerHidden.class, AnswerHidden::questionId, (entry, e, envelope) -> {
                // After its QuestionAnswered, in the question's own stream: the part is there.
                return changed(
                        entry, entry.title(), withAnswerHidden(entry.parts(), e.answerId(), true), entry.level());
            })
            .on(AnswerRestored.class, AnswerRestored::questionId, (entry, e, envelope) -> {
                return changed(
                        entry, entry.title(), withAnswerHidden(entry.parts(), e.answerId(), false), entry.level());
            })
            .on(EvidenceSubmitted.class, EvidenceSubmitted::evidenceId, (entry, e, envelope) -> {
                return entry(
                        entry,
                        SearchKind.EVIDENCE,
                        e.evidenceId(),
                        e.groupId(),
                        e.themeId(),
                        e.submittedByOrganisationId(),
                        e.title(),
                        evidenceText(e.summary(), e.source()),
                        e.submittedAt(),
                        e.level());
            })
            .on(EvidenceRevised.class, EvidenceRevised::evidenceId, (entry, e, envelope) -> {
                return changed(entry, e.title(), evidenceText(e.summary(), e.source()), e.level());
            })
            .on(ProposalDrafted.class, ProposalDrafted::proposalId, (entry, e, envelope) -> {
                return entry(
                        entry,
                        SearchKind.PROPOSAL,
                        e.proposalId(),
                        e.groupId(),
                        e.themeId(),
                        e.draftedByOrganisationId(),
                        e.title(),
                        List.of(SearchEntry.Part.of("0", e.summary())),
                        e.draftedAt(),
                        null);
            })
            .on(CommentPosted.class, CommentPosted::commentId, (entry, e, envelope) -> {
                return entry(
                        entry,
                        SearchKind.COMMENT,
                        e.itemId(),
                        e.groupId(),
                        null,
                        e.authorOrganisationId(),
                        null,
                        List.of(SearchEntry.Part.of("0", e.body())),
                        e.postedAt(),
                        null);
            });

    @Override
    public SearchEntry empty(String id) {
        return new SearchEntry(
                id, null, null, null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), null, null,
                Map.of(), null);
    }

    private static List<SearchEntry.Part> evidenceText(String summary, String source) {
        return List.of(SearchEntry.Part.of("0", summary + "\n" + source));
    }

    /** The entry with a new title, text or level; what it is and where it belongs stay. */
    private static SearchEntry changed(SearchEntry entry, String title, List<SearchEntry.Part> parts, Integer level) {
        return entry(
                entry,
                SearchKind.fromKey(entry.type()),
                entry.itemId(),
                entry.groupId(),
                entry.themeId(),
                entry.organisationId(),
                title,
                parts,
                entry.at(),
                level);
    }

    /** The parts with one answer's marked hidden (out of the text and terms) or shown again. */
    private static List<SearchEntry.Part> withAnswerHidden(
            List<SearchEntry.Part> parts, String answerId, boolean hidden) {
        return parts.stream()
                .map(p -> p.key().startsWith("answer-") && p.key().endsWith("-" + answerId) ? p.withHidden(hidden) : p)
                .toList();
    }

    private static List<SearchEntry.Part> withPart(List<SearchEntry.Part> parts, String key, String text) {
        List<SearchEntry.Part> next =
                new ArrayList<>(parts.stream().filter(p -> !p.key().equals(key)).toList());
        next.add(SearchEntry.Part.of(key, text == null ? "" : text));
        next.sort(java.util.Comparator.comparing(SearchEntry.Part::key));
        return next;
    }

    private static SearchEntry entry(
            SearchEntry entry,
            SearchKind kind,
            String itemId,
            String groupId,
            String themeId,
            String organisationId,
            String title,
            List<SearchEntry.Part> parts,
            Instant at,
            Integer level) {
        String text = parts.stream()
                .filter(SearchEntry.Part::shown)
                .map(SearchEntry.Part::text)
                .collect(java.util.stream.Collectors.joining("\n\n"))
                .strip();
        List<String> titleTerms = SearchText.terms(title);
        List<String> textTerms = SearchText.terms(text);
        LinkedHashSet<String> terms = new LinkedHashSet<>(titleTerms);
        terms.addAll(textTerms);
        return new SearchEntry(
                entry.id(),
                kind == null ? null : kind.key(),
                itemId,
                groupId,
                themeId,
                organisationId,
                title,
                text,
                parts,
                new ArrayList<>(terms),
                titleTerms,
                textTerms,
                at,
                level,
                entry.applied(),
                entry.version());
    }
}
