package org.collaborative.app.personaldata;

import java.util.Optional;

/** Where members' keys are kept: outside the event store, one 256-bit AES key per member. */
public interface MemberKeys {

    /** The member's key, if they have one and it has not been destroyed. */
    Optional<byte[]> find(String memberId);

    /** Stores {@code candidate} as the member's key unless they have one already; returns the key they now have. */
    byte[] addIfAbsent(String memberId, byte[] candidate);

    /** Destroys the member's key for good; says whether there was one. */
    boolean destroy(String memberId);
}
