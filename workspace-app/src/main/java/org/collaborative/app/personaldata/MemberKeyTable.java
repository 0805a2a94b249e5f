package org.collaborative.app.personaldata;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Members' keys in {@code privacy.member_key}. Writes join the command's transaction, so a key is created with the
 * event that first uses it and destroyed with the event that erases the member.
 */
@Repository
class MemberKeyTable implements MemberKeys {

    private final JdbcTemplate jdbc;

    MemberKeyTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<byte[]> find(String memberId) {
        return jdbc
                .query(
                        "select aes_key from privacy.member_key where member_id = ?",
                        (row, i) -> row.getBytes(1),
                        memberId)
                .stream()
                .findFirst();
    }

    @Override
    public byte[] addIfAbsent(String memberId, byte[] candidate) {
        jdbc.update(
                "insert into privacy.member_key (member_id, aes_key) values (?, ?) on conflict do nothing",
                memberId,
                candidate);
        return find(memberId).orElseThrow(() -> new IllegalStateException("No key stored for member " + memberId));
    }

    @Override
    public boolean destroy(String memberId) {
        return jdbc.update("delete from privacy.member_key where member_id = ?", memberId) == 1;
    }
}
