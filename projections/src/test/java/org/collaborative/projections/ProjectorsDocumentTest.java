package org.collaborative.projections;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
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
import java.util.stream.Stream;
import org.collaborative.projections.infrastructure.DeclaredProjector;
import org.collaborative.projections.infrastructure.Projector;
import org.junit.jupiter.api.Test;

/**
 * The architecture document cannot drift from the projectors: {@code docs/architecture.md}'s table "Projectors and
 * their views" has one row per {@link Projector} of this module and none for a class that is not one, each row names
 * the projector's collection and view record, and lists exactly the events the projector follows (the event records
 * its class, or a class nested in it, refers to).
 */
class ProjectorsDocumentTest {

    static final Path ARCHITECTURE = Path.of("docs", "architecture.md");
    static final String HEADER = "| Projector (`org.collaborative.projections.…`) |";
    static final String PROJECTIONS = ProjectionsArchitectureTest.PROJECTIONS;

    private static final Pattern NAME = Pattern.compile("`([A-Za-z0-9_.-]+)`");

    private static final JavaClasses projections = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(PROJECTIONS);

    private static final Map<String, JavaClass> projectors = projections.stream()
            .filter(type -> type.isAssignableTo(Projector.class))
            .filter(type -> !type.isInterface() && !type.getModifiers().contains(JavaModifier.ABSTRACT))
            .collect(Collectors.toMap(
                    type -> type.getName().substring(PROJECTIONS.length() + 1),
                    type -> type,
                    (a, b) -> a,
                    TreeMap::new));

    @Test
    void everyProjectorHasARowAndEveryRowIsAProjector() throws IOException {
        Map<String, Row> rows = projectorRows();
        assertThat(projectors).as("projectors of projections").hasSizeGreaterThan(10);
        assertThat(without(rows.keySet(), projectors.keySet()))
                .as("rows of docs/architecture.md's projector table that are not projectors")
                .isEmpty();
        assertThat(without(projectors.keySet(), rows.keySet()))
                .as("projectors missing from docs/architecture.md's projector table")
                .isEmpty();
    }

    @Test
    void eachRowNamesTheProjectorsCollectionAndViewRecord() throws Exception {
        Map<String, Row> rows = projectorRows();
        Map<String, List<String>> wrong = new TreeMap<>();
        for (var projector : projectors.entrySet()) {
            Row row = rows.get(projector.getKey());
            if (row == null) {
                continue; // reported above
            }
            Class<?> view = viewOf(projector.getValue().reflect());
            String collection = (String) view.getField("COLLECTION").get(null);
            List<String> documented = List.copyOf(row.view());
            List<String> own = List.of(collection, view.getName().substring("org.collaborative.views.".length()));
            if (!documented.equals(own)) {
                wrong.put(projector.getKey(), own);
            }
        }
        assertThat(wrong)
                .as("projectors whose row does not name their collection and view record as they are")
                .isEmpty();
    }

    @Test
    void eachRowListsExactlyTheEventsTheProjectorFollows() throws IOException {
        Map<String, Row> rows = projectorRows();
        Map<String, String> wrong = new TreeMap<>();
        projectors.forEach((name, projector) -> {
            Row row = rows.get(name);
            if (row == null) {
                return;
            }
            Set<String> follows = eventsOf(projector);
            assertThat(follows).as("events %s refers to", name).isNotEmpty();
            Set<String> missing = without(follows, row.follows());
            Set<String> extra = without(row.follows(), follows);
            if (!missing.isEmpty() || !extra.isEmpty()) {
                wrong.put(name, "missing " + missing + ", not followed " + extra);
            }
        });
        assertThat(wrong)
                .as("rows of docs/architecture.md's projector table with the wrong events")
                .isEmpty();
    }

    /** The view a projector keeps: its {@code Projector<V>}, or its {@code DeclaredProjector<V>}. */
    private static Class<?> viewOf(Class<?> projector) {
        return Stream.concat(
                        Arrays.stream(projector.getGenericInterfaces()), Stream.of(projector.getGenericSuperclass()))
                .filter(ParameterizedType.class::isInstance)
                .map(ParameterizedType.class::cast)
                .filter(type -> type.getRawType() == Projector.class || type.getRawType() == DeclaredProjector.class)
                .map(type -> (Class<?>) type.getActualTypeArguments()[0])
                .findFirst()
                .orElseThrow();
    }

    /** The simple names of the event records the projector, or a class nested in it, depends on. */
    private Set<String> eventsOf(JavaClass projector) {
        return projections.stream()
                .filter(type -> type.equals(projector) || type.getName().startsWith(projector.getName() + "$"))
                .flatMap(type -> type.getDirectDependenciesFromSelf().stream())
                .map(Dependency::getTargetClass)
                .filter(target -> target.getPackageName().startsWith("org.collaborative.events."))
                .filter(target ->
                        target.isRecord() && target.isAnnotatedWith("org.axonframework.serialization.Revision"))
                .map(JavaClass::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    record Row(String projector, List<String> view, Set<String> follows) {}

    static Map<String, Row> projectorRows() throws IOException {
        List<String> lines = Files.readAllLines(repositoryRoot().resolve(ARCHITECTURE), StandardCharsets.UTF_8);
        int header = -1;
        for (int i = 0; i < lines.size() && header < 0; i++) {
            header = lines.get(i).startsWith(HEADER) ? i : -1;
        }
        assertThat(header)
                .as("the projector table's header in docs/architecture.md")
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
            List<String> projector = names(cells.get(0));
            assertThat(projector).as("a row names one projector: %s", line).hasSize(1);
            Row row = new Row(projector.get(0), names(cells.get(1)), new TreeSet<>(names(cells.get(2))));
            assertThat(rows.put(row.projector(), row))
                    .as("a second row for %s", row.projector())
                    .isNull();
        }
        return rows;
    }

    private static List<String> names(String cell) {
        Matcher name = NAME.matcher(cell);
        return name.results().map(result -> result.group(1)).toList();
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
