package org.collaborative.events.member;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A member changed the name they are shown by or their job title.
 *
 * @param personalData the details as they now stand (display name and job title), never in plain text: the UTF-8 JSON
 *     {@code {"displayName": …, "jobTitle": …}} encrypted with AES-256-GCM under the member's own key, with the
 *     member id as associated data, written {@code v1.<base64url 12-byte IV>.<base64url ciphertext and tag>}. The key
 *     is kept outside the event store and destroyed when the member is erased ({@link MemberErased}).
 */
@Revision("1")
public record MemberProfileChanged(String memberId, String personalData, Instant changedAt) {}
