package org.collaborative.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/**
 * The event catalogue ({@code docs/events/catalogue.md}) cannot drift from the code: every event record of this module
 * has a row in one of its tables headed "Event", and every such row names an event that exists, in the package and at
 * the revision the row says (where the table has those columns).
 */
class EventCatalogueTest {

    static final Path CATALOGUE = Path.of("docs", "events", "catalogue.md");

    private static final Pattern NAME = Pattern.compile("^`([A-Z][A-Za-z0-9]*)`$");

    /** The event records: every record of the published language (the enums and nested records are not events). */
    private static final Map<String, Class<?>> events = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.collaborative.events")
                    .stream()
                    .filter(JavaClass::isRecord)
                    .filter(type -> type.isAnnotatedWith(Revision.class))
                    .map(JavaClass::reflect)
                    .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    @Test
    void everyEventIsCataloguedAndEveryCataloguedEventExists() throws IOException {
        List<Row> rows = eventRows(Files.readAllLines(repositoryRoot().resolve(CATALOGUE), StandardCharsets.UTF_8));

        assertThat(rows).as("rows of the catalogue's event tables").isNotEmpty();
        Set<String> named = rows.stream().map(Row::event).collect(Collectors.toCollection(TreeSet::new));
        assertThat(without(named, events.keySet()))
                .as("events named in docs/events/catalogue.md that are not records of workspace-events")
                .isEmpty();
        assertThat(without(events.keySet(), named))
                .as("events of workspace-events missing from docs/events/catalogue.md")
                .isEmpty();
        List<String> all = rows.stream().map(Row::event).toList();
        assertThat(named.stream().filter(name -> all.indexOf(name) != all.lastIndexOf(name)))
                .as("events with more than one row in docs/events/catalogue.md")
                .isEmpty();
    }

    private static Set<String> without(Set<String> these, Set<String> those) {
        Set<String> left = new TreeSet<>(these);
        left.removeAll(those);
        return left;
    }

    @Test
    void theCataloguedPackageAndRevisionAreTheEventsOwn() throws IOException {
        for (Row row : eventRows(Files.readAllLines(repositoryRoot().resolve(CATALOGUE), StandardCharsets.UTF_8))) {
            Class<?> event = events.get(row.event());
            if (event == null) {
                continue; // reported by the test above
            }
            String revision = row.cell("Revision");
            if (revision != null) {
                assertThat(revision)
                        .as("revision of %s", row.event())
                        .isEqualTo(event.getAnnotation(Revision.class).value());
            }
            String pkg = row.cell("Package");
            if (pkg != null) {
                String own = event.getPackageName();
                assertThat(pkg.replace("`", ""))
                        .as("package of %s", row.event())
                        .isIn(own, own.substring(own.lastIndexOf('.') + 1));
            }
        }
    }

    @Test
    void theReaderFindsOnlyTheRowsOfEventTables() {
        List<String> markdown = List.of(
                "| Enum | Values |",
                "|---|---|",
                "| `GroupVisibility` | `OPEN` |",
                "",
                "| Event | Package | Revision | Fields |",
                "|---|---|---|---|",
                "| `ThemeCreated` | `theme` | 1 | `themeId` |",
                "| `NoSuchEvent` | `theme` | 2 | `x` |",
                "",
                "| `Orphan` | not a table |");
        List<Row> rows = eventRows(markdown);
        assertThat(rows).extracting(Row::event).containsExactly("ThemeCreated", "NoSuchEvent");
        assertThat(rows.get(1).cell("Revision")).isEqualTo("2");
        assertThat(rows.get(1).cell("Consumers")).isNull();
    }

    /** A row of a Markdown table whose first column is headed "Event", by column heading. */
    record Row(String event, Map<String, String> cells) {
        String cell(String heading) {
            return cells.get(heading);
        }
    }

    static List<Row> eventRows(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        List<String> headings = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("|")) {
                headings = null;
                continue;
            }
            List<String> cells = cells(line);
            boolean header = i + 1 < lines.size() && lines.get(i + 1).strip().matches("\\|[-:| ]+\\|");
            if (header) {
                headings = cells.get(0).equals("Event") ? cells : null;
                i++; // the separator
                continue;
            }
            if (headings == null) {
                continue;
            }
            Matcher name = NAME.matcher(cells.get(0));
            assertThat(name.matches())
                    .as("the first cell of an event row names one event in backticks: %s", line)
                    .isTrue();
            Map<String, String> byHeading = new LinkedHashMap<>();
            for (int c = 0; c < Math.min(headings.size(), cells.size()); c++) {
                byHeading.put(headings.get(c), cells.get(c));
            }
            rows.add(new Row(name.group(1), byHeading));
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }

    /** The checkout's root, found from the module's directory (where Maven runs the tests) or any folder below it. */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(CATALOGUE)) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "No " + CATALOGUE + " above " + Path.of("").toAbsolutePath());
    }
}
