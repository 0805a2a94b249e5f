package org.collaborative.events.member;

/** Why a member's personal data was erased. */
public enum ErasureReason {
    /** The person asked for their personal data to be erased (UK GDPR Article 17). */
    ERASURE_REQUEST,
    /** The person has left their organisation and their account is no longer needed. */
    LEFT_ORGANISATION,
    /** The person withdrew from the workspace. */
    WITHDRAWN,
    /** The person was invited but the invitation was revoked before they accepted it. */
    INVITATION_REVOKED,
    /** The person registered themselves and their registration was declined before they could sign in. */
    REGISTRATION_DECLINED
}
