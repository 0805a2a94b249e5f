package org.collaborative.app.seed;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.collaborative.app.personaldata.KeysInMemory;
import org.collaborative.app.personaldata.PersonalDataVault;
import org.collaborative.app.retreat.Retreat;
import org.collaborative.app.retreat.RetreatCommands;
import org.collaborative.events.retreat.BreakoutsAllocated;
import org.junit.jupiter.api.Test;

/** The demo's retreat commands are all accepted by the aggregate, in the order the seeder sends them. */
class DemoRetreatsTest {

    private static final java.time.Instant AT = java.time.Instant.parse("2026-12-06T18:00:00Z");

    private static List<Object> commandsFor(String retreatId) {
        List<DemoWorkspace.Person> everyone = new ArrayList<>(DemoWorkspace.PEOPLE);
        everyone.addAll(DemoWorkspace.otherMembers(ReferenceData.boroughs()));
        return DemoRetreats.commands(AT, everyone).stream()
                .filter(command -> retreatId.equals(retreatIdOf(command)))
                .toList();
    }

    private static String retreatIdOf(Object command) {
        try {
            return (String) command.getClass().getMethod("retreatId").invoke(command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AggregateTestFixture<Retreat> fixture() {
        AggregateTestFixture<Retreat> fixture = new AggregateTestFixture<>(Retreat.class);
        fixture.registerInjectableResource(new PersonalDataVault(new KeysInMemory()));
        return fixture;
    }

    @Test
    void theChiefExecutivesRetreatIsSeededAndEveryoneAllocated() {
        List<Object> commands = commandsFor(DemoRetreats.CHIEF_EXECUTIVES_RETREAT);
        Object last = commands.get(commands.size() - 1);
        org.assertj.core.api.Assertions.assertThat(last).isInstanceOf(RetreatCommands.AllocateBreakouts.class);
        fixture()
                .givenCommands(commands.subList(0, commands.size() - 1))
                .when(last)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.matches(
                                        payload -> payload instanceof BreakoutsAllocated allocated
                                                && allocated.membersBySession().size() == 4
                                                && allocated.membersBySession().values().stream()
                                                                .mapToInt(List::size)
                                                                .sum()
                                                        >= 30),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void theConferenceIsSeededWithOpenRegistration() {
        List<Object> commands = commandsFor(DemoRetreats.CONFERENCE);
        fixture()
                .givenCommands(commands.subList(0, commands.size() - 1))
                .when(commands.get(commands.size() - 1))
                .expectSuccessfulHandlerExecution();
    }
}
