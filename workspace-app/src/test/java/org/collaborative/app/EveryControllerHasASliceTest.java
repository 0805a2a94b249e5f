package org.collaborative.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.collaborative.app.support.ControllerSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;

/**
 * Every controller (pages and APIs) is named by at least one {@link ControllerSlice} test, so a new controller
 * without a slice fails here rather than being left to the slow full-stack tests (issue 11). The class files are read
 * as Spring's component scan reads them, without loading the classes or starting anything.
 */
class EveryControllerHasASliceTest {

    @Test
    void everyControllerIsNamedByASliceTest() {
        Set<String> controllers = annotatedWith(Controller.class);
        Set<String> sliced = annotatedWith(ControllerSlice.class).stream()
                .map(test -> ClassUtils.resolveClassName(test, getClass().getClassLoader()))
                .flatMap(test ->
                        Arrays.stream(test.getAnnotation(ControllerSlice.class).value()))
                .map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(controllers).as("controllers of workspace-app").hasSizeGreaterThan(50);
        assertThat(sliced).as("controllers named by slice tests").hasSizeGreaterThan(50);
        controllers.removeAll(sliced);
        assertThat(controllers)
                .as("controllers that no @ControllerSlice test names")
                .isEmpty();
    }

    /** The classes under {@value ArchitectureTest#APP} (main and test) annotated, directly or not, with it. */
    private static Set<String> annotatedWith(Class<? extends Annotation> annotation) {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(annotation));
        return scan.findCandidateComponents(ArchitectureTest.APP).stream()
                .map(BeanDefinition::getBeanClassName)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
