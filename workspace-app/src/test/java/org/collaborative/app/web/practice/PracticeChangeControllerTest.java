package org.collaborative.app.web.practice;

import static org.collaborative.app.support.Slices.FACILITATOR;
import static org.collaborative.app.support.Slices.GROUP;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.OUTSIDER;
import static org.collaborative.app.support.Slices.THEME;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.account.WorkspaceUser;
import org.collaborative.app.group.GroupViews;
import org.collaborative.app.item.ItemType;
import org.collaborative.app.item.ItemViews;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.moderation.HiddenItemException;
import org.collaborative.app.moderation.ModeratedKind;
import org.collaborative.app.practice.LinkEvidenceToPractice;
import org.collaborative.app.practice.PracticeViews;
import org.collaborative.app.practice.RevisePractice;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.views.item.ItemView;
import org.collaborative.views.practice.PracticeView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * "Change this practice" and "Link evidence": who reaches them (as the aggregate's rules say), the exact command each
 * sends, every problem with the form shown at once, and the aggregate's refusal shown as a GOV.UK error.
 */
@ControllerSlice(PracticeChangeController.class)
class PracticeChangeControllerTest {

    private static final String PRACTICE = "pr1";

    @Autowired
    MockMvc mvc;

    @Autowired
    CommandGateway gateway;

    @Autowired
    ItemViews items;

    @Autowired
    GroupViews groups;

    @Autowired
    PracticeViews practices;

    /** Recorded by the facilitator, from the member's council (camden), with one piece of evidence linked. */
    private static PracticeView practice(String name, String summary, List<String> evidenceIds) {
        return new PracticeView(
                PRACTICE,
                name,
                summary,
                THEME,
                "camden",
                null,
                FACILITATOR.memberId(),
                Instant.parse("2026-01-01T09:00:00Z"),
                LocalDate.of(2024, 10, 1),
                null,
                evidenceIds,
                List.of(),
                Map.of(PRACTICE, 3L),
                4L);
    }

    private static final PracticeView AS_RECORDED =
            practice("IT hardware e-auction", "Buy laptops together through a reverse auction.", List.of("e2"));

    private static Actor actor(WorkspaceUser user) {
        return new Actor(user.memberId(), user.organisationId(), user.role());
    }

    @BeforeEach
    void aPracticeAndTheEvidenceOnItsTheme() {
        when(practices.find(PRACTICE)).thenReturn(Optional.of(AS_RECORDED));
        when(groups.allWithoutQuestions()).thenReturn(List.of(Slices.group()));
        ItemView evaluation = Slices.item("e1", "evidence", "OPEN", MEMBER);
        ItemView audit = Slices.item("e2", "evidence", "OPEN", MEMBER);
        when(items.ofType(ItemType.EVIDENCE, Set.of(GROUP), THEME)).thenReturn(List.of(evaluation, audit));
        when(items.find("e1")).thenReturn(Optional.of(evaluation));
        when(items.find("e2")).thenReturn(Optional.of(audit));
    }

    @Test
    void theChangeFormIsPrefilledWithTheVersionItWasOpenedOnAndCountsCharacters() throws Exception {
        mvc.perform(get("/practices/" + PRACTICE + "/edit").with(as(FACILITATOR)))
                .andExpect(status().isOk())
                .andExpect(view().name("practice/edit"))
                .andExpect(content().string(containsString("Change this practice")))
                .andExpect(content().string(containsString("name=\"basedOn\" value=\"3\"")))
                .andExpect(content().string(containsString("value=\"IT hardware e-auction\"")))
                .andExpect(
                        content().string(containsString("Buy laptops together through a reverse auction.</textarea>")))
                .andExpect(content().string(containsString("data-maxlength=\"150\"")))
                .andExpect(content().string(containsString("You can enter up to 10,000 characters")));
    }

    @Test
    void toSomeoneWhoMayNotReviseItTheChangeFormDoesNotExist() throws Exception {
        mvc.perform(get("/practices/" + PRACTICE + "/edit").with(as(MEMBER))).andExpect(status().isNotFound());
        mvc.perform(post("/practices/" + PRACTICE)
                        .param("basedOn", "3")
                        .param("name", "Mine now")
                        .param("summary", "Changed")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void savingSendsTheRevisionWithItsVersionAndShowsThePracticeOnceItsViewHasIt() throws Exception {
        when(practices.find(PRACTICE))
                .thenReturn(
                        Optional.of(AS_RECORDED),
                        Optional.of(practice("IT hardware e-auctions", "Buy laptops together.", List.of("e2"))));
        mvc.perform(post("/practices/" + PRACTICE)
                        .param("basedOn", "3")
                        .param("name", "IT hardware e-auctions ")
                        .param("summary", "Buy laptops together.")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/practices/pr1?done=revised"));
        verify(gateway)
                .sendAndWait(new RevisePractice(
                        PRACTICE, "IT hardware e-auctions ", "Buy laptops together.", 3L, actor(FACILITATOR), NOW));
    }

    @Test
    void everyFieldLeftEmptyIsListedInTheErrorSummaryAndNothingIsSent() throws Exception {
        mvc.perform(post("/practices/" + PRACTICE)
                        .param("basedOn", "3")
                        .param("name", "")
                        .param("summary", " ")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("practice/edit"))
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("<a href=\"#name\">Enter the name of the practice</a>")))
                .andExpect(content().string(containsString("<a href=\"#summary\">Enter a summary of the practice</a>")))
                .andExpect(content().string(containsString("name=\"basedOn\" value=\"3\"")));
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void aNameOverTheAggregatesLimitIsAnErrorBesideAnEmptySummary() throws Exception {
        mvc.perform(post("/practices/" + PRACTICE)
                        .param("basedOn", "3")
                        .param("name", "n".repeat(151))
                        .param("summary", "")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The name must be 150 characters or fewer")))
                .andExpect(content().string(containsString("Enter a summary of the practice")));
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void aRevisionRefusedBecauseSomeoneElseChangedItShowsWhyAndKeepsWhatWasTyped() throws Exception {
        when(gateway.sendAndWait(any()))
                .thenThrow(new RuleBrokenException("Someone else changed this practice after you opened it. Check"
                        + " their change, then make yours again"));
        mvc.perform(post("/practices/" + PRACTICE)
                        .param("basedOn", "1")
                        .param("name", "My name for it")
                        .param("summary", "My summary")
                        .with(as(FACILITATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("practice/edit"))
                .andExpect(content().string(containsString("href=\"#name\"")))
                .andExpect(content().string(containsString("Someone else changed this practice after you opened it")))
                .andExpect(content().string(containsString("value=\"My name for it\"")));
    }

    @Test
    void theLinkPageListsTheThemesEvidenceAndWhatIsLinkedApart() throws Exception {
        mvc.perform(get("/practices/" + PRACTICE + "/evidence").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("practice/link-evidence"))
                .andExpect(content().string(containsString("value=\"e1\"")))
                .andExpect(content().string(not(containsString("value=\"e2\""))))
                .andExpect(content().string(containsString("id=\"already-linked\"")))
                .andExpect(content().string(containsString("Title of e2")));
    }

    @Test
    void aSearchLooksAtEvidenceOnEveryTheme() throws Exception {
        ItemView elsewhere = Slices.item("e3", "evidence", "OPEN", MEMBER);
        when(items.ofType(ItemType.EVIDENCE, Set.of(GROUP), null))
                .thenReturn(List.of(elsewhere, Slices.item("e4", "evidence", "OPEN", MEMBER)));
        mvc.perform(get("/practices/" + PRACTICE + "/evidence")
                        .param("q", "OF E3")
                        .with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"e3\"")))
                .andExpect(content().string(not(containsString("value=\"e4\""))));
    }

    @Test
    void toSomeoneFromAnotherCouncilTheLinkPageDoesNotExist() throws Exception {
        mvc.perform(get("/practices/" + PRACTICE + "/evidence").with(as(OUTSIDER)))
                .andExpect(status().isNotFound());
    }

    @Test
    void linkingSendsTheCommandAndShowsThePracticeOnceItsViewHasIt() throws Exception {
        when(practices.find(PRACTICE))
                .thenReturn(
                        Optional.of(AS_RECORDED),
                        Optional.of(practice(AS_RECORDED.name(), AS_RECORDED.summary(), List.of("e2", "e1"))));
        mvc.perform(post("/practices/" + PRACTICE + "/evidence")
                        .param("evidenceId", "e1")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(redirectedUrl("/practices/pr1?done=linked"));
        verify(gateway).sendAndWait(new LinkEvidenceToPractice(PRACTICE, "e1", actor(MEMBER), NOW));
    }

    @Test
    void nothingChosenIsAnErrorAndNothingIsSent() throws Exception {
        mvc.perform(post("/practices/" + PRACTICE + "/evidence")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<a href=\"#evidenceId\">Choose the evidence to link</a>")));
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void evidenceAlreadyLinkedIsRefusedWithAClearError() throws Exception {
        mvc.perform(post("/practices/" + PRACTICE + "/evidence")
                        .param("evidenceId", "e2")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("“Title of e2” is already linked to this practice")));
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void evidenceTheReaderMayNotSeeIsNotLinked() throws Exception {
        when(items.find("secret")).thenReturn(Optional.empty());
        mvc.perform(post("/practices/" + PRACTICE + "/evidence")
                        .param("evidenceId", "secret")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose evidence from the list")));
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void aLinkTheAggregateRefusesIsShownAsAnError() throws Exception {
        when(gateway.sendAndWait(any()))
                .thenThrow(new HiddenItemException(ModeratedKind.EVIDENCE, "it cannot be linked to a practice"));
        mvc.perform(post("/practices/" + PRACTICE + "/evidence")
                        .param("evidenceId", "e1")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("practice/link-evidence"))
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("it cannot be linked to a practice")));
    }
}
