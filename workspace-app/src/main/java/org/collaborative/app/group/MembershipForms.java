package org.collaborative.app.group;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.collaborative.app.member.Member;

/**
 * The facilitators' membership forms on a group's page, each a record validated whole before its command is sent
 * (docs/adr/0005), with the limits of the aggregate it goes to. {@link GroupPages#describe} puts a blank one of each
 * on the page; a form that was refused comes back as it was typed.
 */
public final class MembershipForms {

    private MembershipForms() {}

    /** Why a facilitator declines a request to join: the person who asked is told. */
    public record DeclineForm(
            @NotBlank(message = "Enter why you are declining the request")
            @Size(
                    max = WorkingGroup.MAX_REASON,
                    message = "Your reason must be ${formatter.format('%,d', max)} characters or fewer")
            String reason) {

        public static DeclineForm blank() {
            return new DeclineForm("");
        }

        /** Each request has its own form: its field's id on the page is "decline-{memberId}-reason". */
        public static String idPrefix(String memberId) {
            return "decline-" + memberId + "-";
        }
    }

    /** A facilitator's invitation, by the email address of the member to invite: its field's id is "invite-email". */
    public record InviteForm(
            @NotBlank(message = "Enter the email address of the person to invite")
            @Size(
                    max = Member.MAX_EMAIL,
                    message = "The email address must be ${formatter.format('%,d', max)} characters or fewer")
            String email) {

        public static final String ID_PREFIX = "invite-";

        public static InviteForm blank() {
            return new InviteForm("");
        }
    }
}
