package org.collaborative.app.web.commitment;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who can be chosen as an action's owner: the people with a place at the retreat and its facilitators, read from the
 * retreats' command-side tables (V40, kept in step with the retreat's events by the command-directory processor).
 */
@Component
class RetreatPeople {

    private final NamedParameterJdbcTemplate jdbc;

    RetreatPeople(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<String> ownersToChoose(String retreatId) {
        return jdbc.queryForList("""
                select member_id from retreat_person where retreat_id = :retreatId and place = 'REGISTERED'
                union select facilitator_id from retreat_session where retreat_id = :retreatId and not dropped
                union select scheduled_by from retreat_directory where retreat_id = :retreatId
                """, Map.of("retreatId", retreatId), String.class);
    }
}
