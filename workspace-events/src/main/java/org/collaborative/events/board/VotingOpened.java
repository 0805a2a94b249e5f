package org.collaborative.events.board;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The facilitator opened dot-voting: each participant has {@code dotsPerPerson} dots to place on cards. */
@Revision("1")
public record VotingOpened(String sessionId, int dotsPerPerson, String by, Instant at) {}
