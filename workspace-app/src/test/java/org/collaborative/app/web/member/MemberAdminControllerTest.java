package org.collaborative.app.web.member;

import static org.collaborative.app.support.Slices.ADMINISTRATOR;
import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
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
import org.collaborative.app.kernel.RuleBrokenException;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.ChangeMemberRole;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.events.member.MemberRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(MemberAdminController.class)
class MemberAdminControllerTest {

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
    void showsAMember() throws Exception {
        mvc.perform(get("/admin/members/" + MEMBER.memberId()).with(as(ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(view().name("member/admin-member"))
                .andExpect(content().string(containsString("Priya Shah")));
    }

    @Test
    void changingTheRoleSendsChangeMemberRole() throws Exception {
        mvc.perform(post("/admin/members/" + MEMBER.memberId() + "/role")
                        .param("role", "FACILITATOR")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/members/" + MEMBER.memberId() + "?saved"));
        verify(gateway)
                .sendAndWait(new ChangeMemberRole(
                        MEMBER.memberId(),
                        new Actor(ADMINISTRATOR.memberId(), ADMINISTRATOR.organisationId(), ADMINISTRATOR.role()),
                        MemberRole.FACILITATOR,
                        NOW));
    }

    @Test
    void aRefusalIsAnErrorOnTheRole() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new RuleBrokenException("Keep at least one administrator"));
        mvc.perform(post("/admin/members/" + MEMBER.memberId() + "/role")
                        .param("role", "SERVICE_LEADER")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#role\"")))
                .andExpect(content().string(containsString("Keep at least one administrator")));
    }

    @Test
    void noRoleIsAnErrorOnTheRoleBeforeAnyCommand() throws Exception {
        mvc.perform(post("/admin/members/" + MEMBER.memberId() + "/role")
                        .param("role", "")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(view().name("member/admin-member"))
                .andExpect(content().string(containsString("<a href=\"#role\">Choose a role</a>")))
                .andExpect(content().string(containsString("id=\"role-error\"")));
        verifyNoInteractions(gateway);
    }

    @Test
    void anUnknownRoleIsAnErrorOnTheRoleBeforeAnyCommand() throws Exception {
        mvc.perform(post("/admin/members/" + MEMBER.memberId() + "/role")
                        .param("role", "OVERLORD")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<a href=\"#role\">Choose a role</a>")));
        verifyNoInteractions(gateway);
    }

    @Test
    void aRefusedRoleChangeKeepsTheRoleChosen() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new RuleBrokenException("Keep at least one administrator"));
        mvc.perform(post("/admin/members/" + MEMBER.memberId() + "/role")
                        .param("role", "PARTNER")
                        .with(as(ADMINISTRATOR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"PARTNER\" selected")));
    }
}
