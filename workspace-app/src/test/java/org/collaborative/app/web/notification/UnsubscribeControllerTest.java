package org.collaborative.app.web.notification;

import static org.collaborative.app.support.Slices.MEMBER;
import static org.collaborative.app.support.Slices.NOW;
import static org.collaborative.app.support.Slices.as;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.collaborative.app.notification.UnsubscribeFromDigest;
import org.collaborative.app.notification.UnsubscribeLinks;
import org.collaborative.app.support.ControllerSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ControllerSlice(UnsubscribeController.class)
class UnsubscribeControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CommandGateway gateway;

    @Autowired
    UnsubscribeLinks links;

    @Test
    void aSignedLinkAsksToConfirm() throws Exception {
        when(links.verify(MEMBER.memberId(), "good")).thenReturn(true);
        mvc.perform(get("/unsubscribe/" + MEMBER.memberId() + "/good").with(as(MEMBER)))
                .andExpect(status().isOk())
                .andExpect(view().name("notification/unsubscribe"))
                .andExpect(model().attribute("done", false));
    }

    @Test
    void confirmingSendsUnsubscribeFromDigest() throws Exception {
        when(links.verify(MEMBER.memberId(), "good")).thenReturn(true);
        mvc.perform(post("/unsubscribe/" + MEMBER.memberId() + "/good")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attribute("done", true));
        verify(gateway).sendAndWait(UnsubscribeFromDigest.of(MEMBER.memberId(), NOW));
    }

    @Test
    void aLinkWithAWrongSignatureIsNotFound() throws Exception {
        mvc.perform(post("/unsubscribe/" + MEMBER.memberId() + "/forged")
                        .with(as(MEMBER))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        verifyNoInteractions(gateway);
    }
}
