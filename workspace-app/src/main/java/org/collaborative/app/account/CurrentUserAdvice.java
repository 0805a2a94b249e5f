package org.collaborative.app.account;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows who is signed in (or that no one is), for the header. */
@ControllerAdvice
class CurrentUserAdvice {

    @ModelAttribute("currentUser")
    WorkspaceUser currentUser(@AuthenticationPrincipal WorkspaceUser user) {
        return user;
    }
}
