package org.collaborative.views;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Copies a view record with some of its fields changed, through its canonical constructor (so its compact constructor
 * still normalises and checks what it is given). It is {@link View#with}'s body: one way to change a field of any
 * view, where each record and projector once called the canonical constructor naming every field, again and again
 * (fifteen to twenty-four arguments, in which one transposed pair of the same type compiles and corrupts a view).
 */
final class RecordCopies {

    private record Shape(String[] names, Method[] accessors, Constructor<?> constructor) {}

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private RecordCopies() {}

    /**
     * The record with each named field set to its value (names and values alternate); every other field as it was.
     *
     * @throws IllegalArgumentException when the record has no field of a given name, or a value is of the wrong type
     */
    @SuppressWarnings("unchecked")
    static <R extends Record> R with(R record, Object... namesAndValues) {
        Shape shape = SHAPES.computeIfAbsent(record.getClass(), RecordCopies::shape);
        Object[] arguments = new Object[shape.names().length];
        try {
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = shape.accessors()[i].invoke(record);
            }
            for (int n = 0; n < namesAndValues.length; n += 2) {
                arguments[index(shape, record, namesAndValues[n])] = namesAndValues[n + 1];
            }
            return (R) shape.constructor().newInstance(arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot copy " + record.getClass().getName(), e);
        }
    }

    private static int index(Shape shape, Record record, Object name) {
        for (int i = 0; i < shape.names().length; i++) {
            if (shape.names()[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(
                record.getClass().getSimpleName() + " has no field named " + name + ", so it cannot be changed");
    }

    private static Shape shape(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        String[] names = new String[components.length];
        Method[] accessors = new Method[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            names[i] = components[i].getName();
            accessors[i] = components[i].getAccessor();
            types[i] = components[i].getType();
        }
        try {
            return new Shape(names, accessors, type.getDeclaredConstructor(types));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
        }
    }
}
