package org.collaborative.app.web.item;

import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.OUTSIDER;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.collaborative.app.support.ControllerSlice;
import org.collaborative.app.support.Slices;
import org.collaborative.views.group.GroupPage;
import org.collaborative.views.item.ItemView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(ItemController.class)
class ItemControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    private final ItemView question = Slices.item("q-1", "question", "OPEN", Slices.FACILITATOR);

    @Test
    void showsTheItemWithItsAnswerForm() throws Exception {
        Slices.given(context, question);
        mvc.perform(get("/items/q-1").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("item/item"))
                .andExpect(content().string(containsString("Title of q-1")))
                .andExpect(content().string(containsString("action=\"/items/q-1/answers\"")))
                .andExpect(content().string(not(containsString("Error:"))));
    }

    @Test
    void showsTheItemAsItStoodOnADateWithoutItsForms() throws Exception {
        Slices.given(context, question);
        mvc.perform(get("/items/q-1")
                        .param("day", "3")
                        .param("month", "11")
                        .param("year", "2026")
                        .with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(model().attribute("actions", false))
                .andExpect(content().string(not(containsString("action=\"/items/q-1/answers\""))));
    }

    @Test
    void anImpossibleDateIsAnErrorOnTheDateField() throws Exception {
        Slices.given(context, question);
        mvc.perform(get("/items/q-1")
                        .param("day", "31")
                        .param("month", "2")
                        .param("year", "2026")
                        .with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#as-of-day\"")))
                .andExpect(content().string(containsString("Enter a real date, like 3 11 2026")));
    }

    @Test
    void anItemInAGroupThisPersonMayNotSeeIsNotFound() throws Exception {
        Slices.given(context, question);
        org.mockito.Mockito.when(context.getBean(org.collaborative.app.group.GroupViews.class)
                        .find(Slices.GROUP))
                .thenReturn(java.util.Optional.of(new GroupPage(
                        Slices.GROUP,
                        Slices.THEME,
                        "Closed",
                        "",
                        "INVITATION_ONLY",
                        Slices.NOW,
                        java.util.List.of(),
                        java.util.List.of(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)));
        mvc.perform(get("/items/q-1").with(as(OUTSIDER))).andExpect(status().isNotFound());
    }

    @Test
    void aChangeTheViewDoesNotShowYetIsSaidToBeOnItsWayNeverClaimedBesideTheStateBeforeIt() throws Exception {
        Slices.given(context, question);
        mvc.perform(get("/items/q-1")
                        .param("done", "answered")
                        .param("ref", "a-1")
                        .with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(model().attributeDoesNotExist("done"))
                .andExpect(content()
                        .string(containsString("Your change is saved. It will show on this page in a moment.")))
                .andExpect(content().string(containsString("hx-get=\"/items/q-1?done=answered&amp;ref=a-1\"")))
                .andExpect(content().string(not(containsString("id=\"done-title\""))));
    }

    @Test
    void aChangeTheViewShowsGetsItsSuccessBanner() throws Exception {
        Slices.given(context, Slices.item("q-2", "question", "CLOSED", Slices.FACILITATOR));
        mvc.perform(get("/items/q-2")
                        .param("done", "status")
                        .param("ref", "CLOSED")
                        .with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(model().attribute("done", "status"))
                .andExpect(content().string(containsString("id=\"done-title\"")))
                .andExpect(content().string(not(containsString("Your change is saved. It will show"))));
    }

    @Test
    void anUnknownItemIsNotFound() throws Exception {
        mvc.perform(get("/items/nothing").with(as(MEMBER))).andExpect(status().isNotFound());
    }

    private ItemView aQuestionWithAHiddenAnswer() {
        java.time.Instant at = Slices.NOW.minusSeconds(60);
        return Slices.withAnswers(
                question,
                new ItemView.Answer(
                        "a-1",
                        "Ask Mrs Smith at number 4",
                        MEMBER.memberId(),
                        "camden",
                        at,
                        new ItemView.Hidden(Slices.FACILITATOR.memberId(), "Names a resident", at)),
                new ItemView.Answer("a-2", "Hackney ran one", MEMBER.memberId(), "camden", at, null));
    }

    @Test
    void readersSeeThatAFacilitatorHidAnAnswerButNotWhatItSaidNorWhy() throws Exception {
        Slices.given(context, aQuestionWithAHiddenAnswer());
        mvc.perform(get("/items/q-1").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Title of q-1")))
                .andExpect(content().string(containsString("A facilitator of this group hid this answer")))
                .andExpect(content().string(containsString("Hackney ran one")))
                .andExpect(content().string(not(containsString("Mrs Smith"))))
                .andExpect(content().string(not(containsString("Names a resident"))))
                .andExpect(content().string(containsString("/items/q-1/report?answer=a-2")))
                .andExpect(content().string(not(containsString("/items/q-1/report?answer=a-1"))))
                .andExpect(content().string(not(containsString("/items/q-1/moderate?answer="))));
    }

    @Test
    void theGroupsFacilitatorsReadAHiddenAnswerMarkedWithTheReasonAndMayRestoreIt() throws Exception {
        Slices.given(context, aQuestionWithAHiddenAnswer());
        mvc.perform(get("/items/q-1").with(as(Slices.FACILITATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mrs Smith")))
                .andExpect(content().string(containsString("Names a resident")))
                .andExpect(content().string(containsString("/items/q-1/moderate?answer=a-1")))
                .andExpect(content().string(containsString("/items/q-1/moderate?answer=a-2")))
                .andExpect(content().string(not(containsString("/items/q-1/answers/a-1/acceptance"))))
                .andExpect(content().string(containsString("/items/q-1/answers/a-2/acceptance")));
    }
}
