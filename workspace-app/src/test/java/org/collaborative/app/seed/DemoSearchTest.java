package org.collaborative.app.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.collaborative.app.comment.PostComment;
import org.collaborative.app.evidence.ReviseEvidence;
import org.collaborative.app.evidence.SubmitEvidence;
import org.collaborative.app.group.FormWorkingGroup;
import org.collaborative.app.proposal.DraftProposal;
import org.collaborative.app.question.AnswerQuestion;
import org.collaborative.app.question.PostQuestion;
import org.collaborative.app.search.Ranking;
import org.collaborative.app.search.Search;
import org.collaborative.views.search.SearchEntry;
import org.collaborative.views.search.SearchKind;
import org.collaborative.views.search.SearchText;
import org.junit.jupiter.api.Test;

/**
 * Search over the demo workspace as seeded: every group, question (with its answers), piece of evidence (as revised),
 * proposal and comment the seed posts becomes an entry the way {@code SearchIndexProjector} makes it (title, text and
 * level; its own tests pin that), and the workspace's ranking orders them.
 */
class DemoSearchTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final String EVALUATION = DemoWorkspace.stableId("demo-item:e-auction-evaluation");

    private final List<SearchEntry> index = index();

    @Test
    void theFourHundredThousandPoundsEvidenceIsAmongTheFirstThreeForAuction() {
        List<Search.Hit> hits = search("auction");
        List<String> ranked = hits.stream()
                .map(hit -> hit.entry().title() + " (" + hit.entry().type() + ")")
                .toList();

        int evaluation = position(hits, EVALUATION);
        assertThat(evaluation).as("%s", ranked).isBetween(0, 2);
        assertThat(hits.get(evaluation).entry().title())
                .isEqualTo("IT hardware e-auction saved ten councils about £400,000 each");
        for (Search.Hit passing : hits.stream()
                .filter(hit -> !hit.entry().titleTerms().contains("auction"))
                .toList()) {
            assertThat(hits.indexOf(passing))
                    .as(
                            "%s only mentions auction in passing: %s",
                            passing.entry().title(), ranked)
                    .isGreaterThan(evaluation);
        }
        assertThat(hits)
                .as("the buying group mentions e-auctions in its purpose")
                .anyMatch(hit -> hit.entry().type().equals("group"));
    }

    @Test
    void theDemoGroupsAreFoundByName() {
        List<Search.Hit> hits = search("telecare");

        assertThat(hits.get(0).entry().title()).isEqualTo("Staying at home with telecare");
        assertThat(hits.get(0).entry().type()).isEqualTo("group");
        assertThat(search("buying better together").get(0).entry().title()).isEqualTo(DemoWorkspace.BUYING_GROUP);
    }

    private List<Search.Hit> search(String q) {
        Search.ParsedQuery query = Search.parse(q);
        Map<String, Long> containing = new HashMap<>();
        for (String term : query.terms()) {
            containing.put(
                    term, index.stream().filter(e -> e.terms().contains(term)).count());
        }
        // What MongoDB finds: every entry holding all the query's terms (the demo people see every group here).
        List<SearchEntry> candidates =
                index.stream().filter(e -> e.terms().containsAll(query.terms())).toList();
        return Ranking.rank(query, candidates, new Ranking.Corpus(index.size(), containing));
    }

    private static int position(List<Search.Hit> hits, String id) {
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i).entry().id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** The seed's commands as search entries, as the projector makes them from the events they record. */
    private static List<SearchEntry> index() {
        List<DemoWorkspace.Person> people = new ArrayList<>(DemoWorkspace.PEOPLE);
        people.addAll(DemoWorkspace.otherMembers(ReferenceData.boroughs()));
        List<Object> commands = new ArrayList<>();
        for (DemoWorkspace.Group group : DemoWorkspace.GROUPS) {
            commands.add(new FormWorkingGroup(
                    group.groupId(),
                    group.themeId(),
                    group.name(),
                    group.purpose(),
                    group.visibility(),
                    DemoWorkspace.FACILITATOR.memberId(),
                    DemoWorkspace.FACILITATOR.organisationId(),
                    NOW.minusSeconds(60 * 86_400)));
        }
        commands.addAll(DemoContent.commands(NOW, people, DemoWorkspace.GROUPS));

        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (Object command : commands) {
            if (command instanceof FormWorkingGroup c) {
                drafts.put(c.groupId(), new Draft(SearchKind.GROUP, c.name(), c.purpose(), null, c.at()));
            } else if (command instanceof PostQuestion c) {
                drafts.put(c.questionId(), new Draft(SearchKind.QUESTION, c.title(), c.body(), null, c.at()));
            } else if (command instanceof AnswerQuestion c) {
                drafts.computeIfPresent(c.questionId(), (id, d) -> d.withText(d.text() + "\n\n" + c.body()));
            } else if (command instanceof SubmitEvidence c) {
                drafts.put(
                        c.evidenceId(),
                        new Draft(SearchKind.EVIDENCE, c.title(), c.summary() + "\n" + c.source(), c.level(), c.at()));
            } else if (command instanceof ReviseEvidence c) {
                drafts.computeIfPresent(
                        c.evidenceId(),
                        (id, d) -> new Draft(d.kind(), c.title(), c.summary() + "\n" + c.source(), c.level(), d.at()));
            } else if (command instanceof DraftProposal c) {
                drafts.put(c.proposalId(), new Draft(SearchKind.PROPOSAL, c.title(), c.summary(), null, c.at()));
            } else if (command instanceof PostComment c) {
                drafts.put(c.commentId(), new Draft(SearchKind.COMMENT, null, c.body(), null, c.at()));
            }
        }
        return drafts.entrySet().stream()
                .map(e -> e.getValue().entry(e.getKey()))
                .toList();
    }

    private record Draft(SearchKind kind, String title, String text, Integer level, Instant at) {

        Draft withText(String text) {
            return new Draft(kind, title, text, level, at);
        }

        SearchEntry entry(String id) {
            List<String> titleTerms = SearchText.terms(title);
            List<String> textTerms = SearchText.terms(text.strip());
            List<String> terms = Stream.concat(titleTerms.stream(), textTerms.stream())
                    .distinct()
                    .toList();
            return new SearchEntry(
                    id,
                    kind.key(),
                    id,
                    "group",
                    null,
                    null,
                    title,
                    text.strip(),
                    List.of(),
                    terms,
                    titleTerms,
                    textTerms,
                    at,
                    level,
                    Map.of(),
                    null);
        }
    }
}
