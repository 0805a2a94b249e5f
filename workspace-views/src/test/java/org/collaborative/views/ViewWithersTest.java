package org.collaborative.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every method of a view that returns a changed copy names, through {@link View#with}, fields the record has, with
 * values of their types: a misspelt name or a wrong type would only show when an event first reached it.
 */
class ViewWithersTest {

    static Stream<Object> views() {
        return ViewSamples.ALL.stream().filter(View.class::isInstance);
    }

    @ParameterizedTest
    @MethodSource("views")
    void everyCopyingMethodNamesFieldsTheRecordHas(Object view) throws Exception {
        Class<?> type = view.getClass();
        Set<String> accessors = Arrays.stream(type.getRecordComponents())
                .map(component -> component.getName())
                .collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            if (!Modifier.isPublic(method.getModifiers())
                    || Modifier.isStatic(method.getModifiers())
                    || method.getReturnType() != type
                    || accessors.contains(method.getName())) {
                continue;
            }
            Object[] arguments = Arrays.stream(method.getParameterTypes())
                    .map(ViewWithersTest::nothing)
                    .toArray();
            try {
                assertThat(method.invoke(view, arguments)).isInstanceOf(type);
            } catch (InvocationTargetException e) {
                // Logic before the copy may refuse a null argument; a name or type the record lacks is the failure.
                if (e.getCause() instanceof IllegalArgumentException refused) {
                    problems.add(method.getName() + ": " + refused.getMessage());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Object nothing(Class<?> parameter) {
        if (parameter == boolean.class) {
            return false;
        }
        if (parameter == int.class) {
            return 0;
        }
        if (parameter == long.class) {
            return 0L;
        }
        return null;
    }
}
