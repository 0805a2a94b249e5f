package org.collaborative.app.web.privacy;

import static org.collaborative.app.support.Slices.ADMINISTRATOR;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.kernel.Actor;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.EraseMember;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.events.member.ErasureReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(ErasureController.class)
class ErasureControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CommandGateway gateway;

    private final Accounts.Account account = new Accounts.Account(
            MEMBER.memberId(),
            "member@example.gov.uk",
            "Priya Shah",
            "Housing officer",
            MEMBER.organisationId(),
            MEMBER.role(),
            "{noop}x");

    @BeforeEach
    void anAccount() {
        when(context.getBean(Accounts.class).find(MEMBER.memberId())).thenReturn(Optional.of(account));
    }

    @Test
    void asksToConfirm() throws Exception {
        mvc.perform(get("/admin/members/" + MEMBER.memberId() + "/erasure").with(as(ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(view().name("privacy/erasure"))
                .andExpect(content().string(containsString("Priya Shah")));
    }

    @Test
    void erasingSendsEraseMember() throws Exception {
        mvc.perform(post("/admin/members/" + MEMBER.memberId() + "/erasure")
                        .param("reason", "LEFT_ORGANISATION")
                        .param("reference", "HR-42")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/members?erased=" + MEMBER.organisationId()));
        verify(gateway)
                .sendAndWait(new EraseMember(
                        MEMBER.memberId(),
                        new Actor(ADMINISTRATOR.memberId(), ADMINISTRATOR.organisationId(), ADMINISTRATOR.role()),
                        ErasureReason.LEFT_ORGANISATION,
                        "HR-42",
                        NOW));
    }

    @Test
    void noReasonAndABadReferenceAreShownTogetherBeforeAnyCommand() throws Exception {
        mvc.perform(post("/admin/members/" + MEMBER.memberId() + "/erasure")
                        .param("reference", "Jo Bloggs")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#reason\"")))
                .andExpect(content().string(containsString("Choose why you are erasing their personal data")))
                .andExpect(content().string(containsString("href=\"#reference\"")))
                .andExpect(content().string(containsString("Reference must only include letters")));
        org.mockito.Mockito.verifyNoInteractions(gateway);
    }
}
