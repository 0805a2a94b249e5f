package org.collaborative.app.retreat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.collaborative.app.retreat.BreakoutAllocation.Breakout;
import org.collaborative.app.retreat.BreakoutAllocation.Participant;
import org.junit.jupiter.api.Test;

class BreakoutAllocationTest {

    private static final LocalDateTime ROUND_ONE = LocalDateTime.of(2027, 3, 4, 14, 0);
    private static final LocalDateTime ROUND_TWO = LocalDateTime.of(2027, 3, 5, 9, 0);
    private static final List<Breakout> FOUR = List.of(
            new Breakout("a", ROUND_ONE),
            new Breakout("b", ROUND_ONE),
            new Breakout("c", ROUND_ONE),
            new Breakout("d", ROUND_ONE));

    private static List<Participant> people(int count, int organisations, List<String> ranking) {
        List<Participant> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            people.add(new Participant("m" + i, "org" + (i % organisations), ranking));
        }
        return people;
    }

    @Test
    void balancesGroupSizesToWithinOneEvenWhenEveryoneWantsTheSameBreakout() {
        Map<String, List<String>> result = BreakoutAllocation.allocate(FOUR, people(14, 7, List.of("a", "b")));

        assertThat(result.values()).extracting(List::size).containsExactly(4, 4, 3, 3);
        assertThat(result.values().stream().flatMap(List::stream).distinct()).hasSize(14);
    }

    @Test
    void givesTheExtraPlacesToTheBreakoutsMostOftenChosenFirst() {
        List<Participant> people = new ArrayList<>(people(4, 4, List.of("d")));
        people.addAll(List.of(new Participant("x1", "orgX", List.of("c")), new Participant("x2", "orgY", List.of())));

        Map<String, List<String>> result = BreakoutAllocation.allocate(FOUR, people);

        assertThat(result.get("d")).hasSize(2);
        assertThat(result.get("c")).hasSize(2).contains("x1");
    }

    @Test
    void honoursEveryFirstPreferenceWhenTheyAreSpreadAcrossBreakouts() {
        List<Participant> people = List.of(
                new Participant("m1", "camden", List.of("a", "b")),
                new Participant("m2", "hackney", List.of("b", "a")),
                new Participant("m3", "islington", List.of("c", "d")),
                new Participant("m4", "lambeth", List.of("d", "c")),
                new Participant("m5", "newham", List.of("a", "c")),
                new Participant("m6", "sutton", List.of("b", "d")));

        Map<String, List<String>> result = BreakoutAllocation.allocate(FOUR, people);

        assertThat(result.get("a")).containsExactly("m1", "m5");
        assertThat(result.get("b")).containsExactly("m2", "m6");
        assertThat(result.get("c")).containsExactly("m3");
        assertThat(result.get("d")).containsExactly("m4");
    }

    @Test
    void earlierRegistrationsGetTheirFirstChoiceWhenItIsOversubscribed() {
        List<Participant> people = List.of(
                new Participant("first", "camden", List.of("a", "b")),
                new Participant("second", "hackney", List.of("a", "b")),
                new Participant("third", "islington", List.of("a", "b")),
                new Participant("fourth", "lambeth", List.of("a", "b")));
        List<Breakout> two = FOUR.subList(0, 2);

        Map<String, List<String>> result = BreakoutAllocation.allocate(two, people);

        assertThat(result.get("a")).containsExactly("first", "second");
        assertThat(result.get("b")).containsExactly("third", "fourth");
    }

    @Test
    void spreadsAnOrganisationSoThatNoBreakoutIsDominatedByOneCouncil() {
        // Eight from Camden, all wanting breakout a, and four others.
        List<Participant> people = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            people.add(new Participant("camden" + i, "camden", List.of("a")));
        }
        for (int i = 0; i < 4; i++) {
            people.add(new Participant("other" + i, "other" + i, List.of("a")));
        }

        Map<String, List<String>> result = BreakoutAllocation.allocate(FOUR, people);

        result.values().forEach(members -> {
            assertThat(members).hasSize(3);
            assertThat(members.stream().filter(id -> id.startsWith("camden"))).hasSize(2);
        });
    }

    @Test
    void allocatesEveryoneOnceInEachRoundOfBreakouts() {
        List<Breakout> rounds = List.of(
                new Breakout("a", ROUND_ONE),
                new Breakout("b", ROUND_ONE),
                new Breakout("c", ROUND_TWO),
                new Breakout("d", ROUND_TWO));

        Map<String, List<String>> result = BreakoutAllocation.allocate(rounds, people(6, 3, List.of("d", "b")));

        assertThat(result.keySet()).containsExactly("a", "b", "c", "d");
        assertThat(concat(result.get("a"), result.get("b"))).hasSize(6).doesNotHaveDuplicates();
        assertThat(concat(result.get("c"), result.get("d"))).hasSize(6).doesNotHaveDuplicates();
        assertThat(result.get("d")).hasSize(3);
    }

    @Test
    void givesTheSameResultEveryTime() {
        List<Participant> people = people(23, 5, List.of("c", "a", "b"));
        Map<String, List<String>> first = BreakoutAllocation.allocate(FOUR, people);

        for (int i = 0; i < 5; i++) {
            assertThat(BreakoutAllocation.allocate(FOUR, people)).isEqualTo(first);
        }
        Map<String, Integer> sizes = new HashMap<>();
        first.forEach((id, members) -> sizes.put(id, members.size()));
        assertThat(sizes.values()).allMatch(size -> size == 5 || size == 6);
    }

    private static List<String> concat(List<String> one, List<String> two) {
        List<String> all = new ArrayList<>(one);
        all.addAll(two);
        return all;
    }
}
