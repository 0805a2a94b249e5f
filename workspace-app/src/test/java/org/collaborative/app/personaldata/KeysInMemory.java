package org.collaborative.app.personaldata;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Members' keys in a map, for tests of what seals and opens personal data. */
public final class KeysInMemory implements MemberKeys {

    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    @Override
    public Optional<byte[]> find(String memberId) {
        return Optional.ofNullable(keys.get(memberId));
    }

    @Override
    public byte[] addIfAbsent(String memberId, byte[] candidate) {
        return keys.computeIfAbsent(memberId, id -> candidate.clone());
    }

    @Override
    public boolean destroy(String memberId) {
        return keys.remove(memberId) != null;
    }
}
