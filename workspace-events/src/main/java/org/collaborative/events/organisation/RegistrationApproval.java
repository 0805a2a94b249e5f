package org.collaborative.events.organisation;

/** Whether people who register themselves from an organisation's email domains may sign in at once. */
public enum RegistrationApproval {
    /** They are members as soon as they have confirmed their address and chosen a password. */
    AT_ONCE,
    /** They wait until an administrator or one of the organisation's administrators approves them. */
    BY_ORGANISATION_ADMINISTRATOR
}
