package org.collaborative.events.organisation;

/** What sort of body an organisation is. */
public enum OrganisationKind {
    /** One of the 33 London local authorities (the 32 boroughs and the City of London). */
    LOCAL_AUTHORITY,
    /** The Greater London Authority. */
    REGIONAL_AUTHORITY,
    /** A body that serves all the councils, such as London Councils. */
    PAN_LONDON_BODY,
    /** A business, voluntary body or university working with the councils. */
    PARTNER
}
