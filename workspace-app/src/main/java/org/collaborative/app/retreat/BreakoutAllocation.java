package org.collaborative.app.retreat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Allocates the people with a place to breakouts, the same way every time for the same input. Breakouts that start
 * at the same time form a round; everyone is allocated to one breakout in each round. Within a round:
 *
 * <ol>
 *   <li><b>Balanced sizes.</b> Each breakout takes ⌊n/k⌋ or ⌈n/k⌉ of the n people among its k breakouts; the extra
 *       places go to the breakouts most often chosen first (ties: agenda order).
 *   <li><b>Mixed organisations.</b> No breakout takes more than ⌈c/k⌉ of an organisation's c people, so each
 *       organisation is spread as evenly as it can be and no council dominates a breakout.
 *   <li><b>Preferences.</b> Everyone's first choice is tried before anyone's second, and so on; within a choice,
 *       people are taken in the order they got their places.
 *   <li>Anyone left (no preference, or their choices full) goes where there is room with the fewest colleagues from
 *       their organisation, then the most room. Only if the organisation limit makes that impossible is it relaxed.
 * </ol>
 */
public final class BreakoutAllocation {

    /** A breakout session, in agenda order. */
    public record Breakout(String sessionId, LocalDateTime startsAt) {}

    /** Someone with a place, in the order places were taken, with their ranking (first choice first). */
    public record Participant(String memberId, String organisationId, List<String> ranking) {}

    private BreakoutAllocation() {}

    /** Breakout session id → member ids, breakouts in agenda order within rounds in time order. */
    public static Map<String, List<String>> allocate(List<Breakout> breakouts, List<Participant> participants) {
        Map<LocalDateTime, List<Breakout>> rounds = new TreeMap<>();
        for (Breakout breakout : breakouts) {
            rounds.computeIfAbsent(breakout.startsAt(), at -> new ArrayList<>()).add(breakout);
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        rounds.values().forEach(round -> result.putAll(allocateRound(round, participants)));
        return result;
    }

    private static Map<String, List<String>> allocateRound(List<Breakout> round, List<Participant> participants) {
        List<String> ids = round.stream().map(Breakout::sessionId).toList();
        int k = ids.size();
        int n = participants.size();

        // Rankings restricted to this round.
        Map<String, List<String>> rankings = new HashMap<>();
        for (Participant participant : participants) {
            List<String> ranking = participant.ranking() == null ? List.of() : participant.ranking();
            rankings.put(
                    participant.memberId(),
                    ranking.stream().filter(ids::contains).distinct().toList());
        }

        // 1. Sizes: ⌊n/k⌋ each, the remainder to the breakouts most often chosen first.
        Map<String, Long> firstChoices = new HashMap<>();
        rankings.values().stream()
                .filter(ranking -> !ranking.isEmpty())
                .forEach(ranking -> firstChoices.merge(ranking.get(0), 1L, Long::sum));
        Map<String, Integer> quota = new LinkedHashMap<>();
        ids.forEach(id -> quota.put(id, n / k));
        ids.stream()
                .sorted(Comparator.comparingLong((String id) -> -firstChoices.getOrDefault(id, 0L))
                        .thenComparingInt(ids::indexOf))
                .limit(n % k)
                .forEach(id -> quota.merge(id, 1, Integer::sum));

        // 2. Organisation limits: ⌈c/k⌉ per breakout.
        Map<String, Integer> organisationSize = new HashMap<>();
        participants.forEach(p -> organisationSize.merge(organisationOf(p), 1, Integer::sum));

        Map<String, List<String>> allocated = new LinkedHashMap<>();
        ids.forEach(id -> allocated.put(id, new ArrayList<>()));
        Map<String, Map<String, Integer>> organisationsIn = new HashMap<>();
        ids.forEach(id -> organisationsIn.put(id, new HashMap<>()));
        List<Participant> unplaced = new ArrayList<>(participants);

        // 3. Preferences, choice by choice.
        for (int choice = 0; choice < k; choice++) {
            for (var iterator = unplaced.iterator(); iterator.hasNext(); ) {
                Participant participant = iterator.next();
                List<String> ranking = rankings.get(participant.memberId());
                if (choice >= ranking.size()) {
                    continue;
                }
                String sessionId = ranking.get(choice);
                if (fits(sessionId, participant, allocated, quota, organisationsIn, organisationSize, k, true)) {
                    place(sessionId, participant, allocated, organisationsIn);
                    iterator.remove();
                }
            }
        }

        // 4. Everyone else: room with the fewest colleagues, then the most room; the organisation limit relaxed last.
        for (boolean limited : new boolean[] {true, false}) {
            for (var iterator = unplaced.iterator(); iterator.hasNext(); ) {
                Participant participant = iterator.next();
                ids.stream()
                        .filter(id ->
                                fits(id, participant, allocated, quota, organisationsIn, organisationSize, k, limited))
                        .min(Comparator.comparingInt((String id) ->
                                        organisationsIn.get(id).getOrDefault(organisationOf(participant), 0))
                                .thenComparingInt(id -> allocated.get(id).size() - quota.get(id))
                                .thenComparingInt(ids::indexOf))
                        .ifPresent(id -> {
                            place(id, participant, allocated, organisationsIn);
                            iterator.remove();
                        });
            }
        }
        return allocated;
    }

    private static boolean fits(
            String sessionId,
            Participant participant,
            Map<String, List<String>> allocated,
            Map<String, Integer> quota,
            Map<String, Map<String, Integer>> organisationsIn,
            Map<String, Integer> organisationSize,
            int k,
            boolean limited) {
        if (allocated.get(sessionId).size() >= quota.get(sessionId)) {
            return false;
        }
        if (!limited) {
            return true;
        }
        String organisation = organisationOf(participant);
        int limit = (organisationSize.get(organisation) + k - 1) / k;
        return organisationsIn.get(sessionId).getOrDefault(organisation, 0) < limit;
    }

    private static void place(
            String sessionId,
            Participant participant,
            Map<String, List<String>> allocated,
            Map<String, Map<String, Integer>> organisationsIn) {
        allocated.get(sessionId).add(participant.memberId());
        organisationsIn.get(sessionId).merge(organisationOf(participant), 1, Integer::sum);
    }

    private static String organisationOf(Participant participant) {
        return participant.organisationId() == null ? "" : participant.organisationId();
    }
}
