package org.collaborative.app.web.privacy;

import static org.collaborative.app.support.Slices.ADMINISTRATOR;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.collaborative.app.member.Accounts;
import org.collaborative.app.member.People;
import org.collaborative.app.personaldata.SecurityLog;
import org.collaborative.app.support.ControllerSlice;
import org.collaborative.events.member.MemberRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The security log: its entries with people's names, and the one kind asked for. */
@ControllerSlice(SecurityLogController.class)
class SecurityLogControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    People people;

    @Autowired
    SecurityLog log;

    private static Accounts.Account account(String memberId, String name) {
        return new Accounts.Account(
                memberId, memberId + "@camden.example", name, "", "camden", MemberRole.SERVICE_LEADER, null);
    }

    @Test
    void showsTheLatestEntriesWithTheNamesOfTheMemberAndWhoActed() throws Exception {
        when(log.latest(null, SecurityLogController.PAGE))
                .thenReturn(List.of(new SecurityLog.Entry(
                        7,
                        NOW,
                        SecurityLog.Kind.ROLE_CHANGED,
                        "m1",
                        "admin-1",
                        "SERVICE_LEADER to FACILITATOR",
                        null)));
        when(people.names(Set.of("m1", "admin-1"), Set.of()))
                .thenReturn(new People.Names(
                        Map.of("m1", account("m1", "Ada Lovelace"), "admin-1", account("admin-1", "Grace Hopper")),
                        Map.of()));
        mvc.perform(get("/admin/security-log").with(as(ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(view().name("privacy/security-log"))
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"security-log\""),
                                containsString("Role changed"),
                                containsString("Ada Lovelace"),
                                containsString("Grace Hopper"),
                                containsString("SERVICE_LEADER to FACILITATOR"))));
    }

    @Test
    void oneKindIsAskedOfTheLogAndStaysChosen() throws Exception {
        when(log.latest(SecurityLog.Kind.SIGN_IN_REFUSED, SecurityLogController.PAGE))
                .thenReturn(List.of(new SecurityLog.Entry(
                        8, NOW, SecurityLog.Kind.SIGN_IN_REFUSED, null, null, "ze…@camden.example", "10.0.0.1")));
        when(people.names(any(), any())).thenReturn(new People.Names(Map.of(), Map.of()));
        mvc.perform(get("/admin/security-log?kind=SIGN_IN_REFUSED").with(as(ADMINISTRATOR)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("ze…@camden.example"),
                                containsString("10.0.0.1"),
                                containsString("value=\"SIGN_IN_REFUSED\" selected"))));
    }
}
