package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;

/**
 * The architecture document cannot drift from the aggregates: {@code docs/architecture.md}'s table "Aggregates and
 * commands" has one row per {@code @Aggregate} class of this module and none for a class that is not one, and each
 * row names every command the aggregate handles and every event it records (the events it constructs, in its own class
 * or a class nested in it). The moderation commands and events, held once in {@code ItemModeration}, are described
 * beside the table instead, so they are not asked of each item's row.
 */
class ArchitectureDocumentTest {

    static final Path ARCHITECTURE = Path.of("docs", "architecture.md");
    static final String TABLE = "| Aggregate (`org.collaborative.app.…`) |";
    static final String MODERATION = ArchitectureTest.APP + ".moderation";

    private static final Pattern NAME = Pattern.compile("`([A-Za-z0-9_.]+)`");

    /** The app's classes, imported once for this class and {@link ArchitectureTest} (an import takes seconds). */
    private static final Map<String, JavaClass> aggregates = ArchitectureTest.APP_CLASSES.stream()
            .filter(type -> type.isAnnotatedWith(Aggregate.class))
            .collect(Collectors.toMap(
                    type -> type.getName().substring(ArchitectureTest.APP.length() + 1),
                    type -> type,
                    (a, b) -> a,
                    TreeMap::new));

    @Test
    void everyAggregateHasARowAndEveryRowIsAnAggregate() throws IOException {
        Map<String, Row> rows = aggregateRows();
        assertThat(aggregates).as("@Aggregate classes of workspace-app").isNotEmpty();
        assertThat(without(rows.keySet(), aggregates.keySet()))
                .as("rows of docs/architecture.md's aggregate table that are not @Aggregate classes")
                .isEmpty();
        assertThat(without(aggregates.keySet(), rows.keySet()))
                .as("@Aggregate classes missing from docs/architecture.md's aggregate table")
                .isEmpty();
    }

    @Test
    void eachRowNamesEveryCommandTheAggregateHandles() throws IOException {
        Map<String, Row> rows = aggregateRows();
        Map<String, Set<String>> missing = new TreeMap<>();
        aggregates.forEach((name, aggregate) -> {
            Set<String> left = without(
                    commandsOf(aggregate),
                    rows.containsKey(name) ? rows.get(name).commands() : Set.of());
            if (!left.isEmpty()) {
                missing.put(name, left);
            }
        });
        assertThat(missing)
                .as("commands missing from each aggregate's row in docs/architecture.md")
                .isEmpty();
    }

    @Test
    void eachRowNamesEveryEventTheAggregateRecords() throws IOException {
        Map<String, Row> rows = aggregateRows();
        Map<String, Set<String>> missing = new TreeMap<>();
        aggregates.forEach((name, aggregate) -> {
            Set<String> events = eventsOf(aggregate);
            assertThat(events).as("events constructed by %s", name).isNotEmpty();
            Set<String> left =
                    without(events, rows.containsKey(name) ? rows.get(name).events() : Set.of());
            if (!left.isEmpty()) {
                missing.put(name, left);
            }
        });
        assertThat(missing)
                .as("events missing from each aggregate's row in docs/architecture.md")
                .isEmpty();
    }

    /** The simple names of the commands the aggregate's {@code @CommandHandler}s take, moderation's apart. */
    static Set<String> commandsOf(JavaClass aggregate) {
        return aggregate.getCodeUnits().stream()
                .filter(unit -> unit.isAnnotatedWith(CommandHandler.class))
                .map(unit -> unit.getRawParameterTypes().get(0))
                .filter(command -> !command.getPackageName().startsWith(MODERATION))
                .map(JavaClass::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The simple names of the event records the aggregate (or a class nested in it) constructs. */
    Set<String> eventsOf(JavaClass aggregate) {
        return ArchitectureTest.APP_CLASSES.stream()
                .filter(type -> type.equals(aggregate) || type.getName().startsWith(aggregate.getName() + "$"))
                .flatMap(type -> type.getCodeUnits().stream())
                .map(JavaCodeUnit::getConstructorCallsFromSelf)
                .flatMap(Set::stream)
                .map(call -> call.getTargetOwner())
                .filter(owner -> owner.getPackageName().startsWith("org.collaborative.events.") && owner.isRecord())
                .filter(owner -> !owner.isNestedClass())
                .map(JavaClass::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    record Row(String aggregate, Set<String> commands, Set<String> events) {}

    static Map<String, Row> aggregateRows() throws IOException {
        List<String> lines = Files.readAllLines(repositoryRoot().resolve(ARCHITECTURE), StandardCharsets.UTF_8);
        int header = lines.indexOf(TABLE + " Commands | Events |");
        assertThat(header)
                .as("the aggregate table's header in docs/architecture.md")
                .isNotNegative();
        Map<String, Row> rows = new TreeMap<>();
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            List<String> cells = Arrays.stream(
                            line.substring(1, line.length() - 1).split("\\|", -1))
                    .map(String::strip)
                    .toList();
            assertThat(cells).as("cells of %s", line).hasSize(3);
            Matcher aggregate = NAME.matcher(cells.get(0));
            assertThat(aggregate.lookingAt())
                    .as("a row starts with the aggregate's name: %s", line)
                    .isTrue();
            Row row = new Row(aggregate.group(1), names(cells.get(1)), names(cells.get(2)));
            assertThat(rows.put(row.aggregate(), row))
                    .as("a second row for %s", row.aggregate())
                    .isNull();
        }
        return rows;
    }

    private static Set<String> names(String cell) {
        Set<String> names = new TreeSet<>();
        Matcher name = NAME.matcher(cell);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    private static Set<String> without(Set<String> these, Set<String> those) {
        Set<String> left = new TreeSet<>(these);
        left.removeAll(those);
        return left;
    }

    /** The checkout's root, found from the module's directory (where Maven runs the tests) or any folder below it. */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(ARCHITECTURE)) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "No " + ARCHITECTURE + " above " + Path.of("").toAbsolutePath());
    }
}
