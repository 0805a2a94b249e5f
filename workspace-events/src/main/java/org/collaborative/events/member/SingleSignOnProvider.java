package org.collaborative.events.member;

/** The kind of OpenID Connect provider a member signed in with for the first time. */
public enum SingleSignOnProvider {
    /** Microsoft Entra ID: the organisation is the one the token's tenant is mapped to. */
    ENTRA,
    /** Any other OpenID provider: the organisation is the one whose email domain the verified address is at. */
    GENERIC
}
