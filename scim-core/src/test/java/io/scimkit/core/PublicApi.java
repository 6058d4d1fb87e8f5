package io.scimkit.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of one module as text lines, one per public type and one per public or protected
 * member of such a type ({@code io.scimkit.x.Type | public static io.scimkit.x.Type of(String)}),
 * types in name order, each with its declaration first and then its members in text order.
 * A type is API when it and every type enclosing it are public (or protected) and its package is
 * not an {@code internal} one. {@code equals}, {@code hashCode} and {@code toString} are left out;
 * {@code java.lang.} is dropped from type names.
 *
 * <p>Shared with the other published modules through scim-core's test jar; each checks its own classes.
 */
public final class PublicApi {
    private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString");
    private static final int KEPT_MODIFIERS = Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL
            | Modifier.ABSTRACT;

    private PublicApi() {
    }

    /** The API lines of every class compiled into the directory (or jar) that holds {@code anchor}. */
    public static List<String> of(Class<?> anchor) {
        Path root;
        try {
            root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
        List<String> lines = new ArrayList<>();
        for (String name : classNames(root)) {
            Class<?> type;
            try {
                type = Class.forName(name, false, anchor.getClassLoader());
            } catch (ClassNotFoundException impossible) {
                throw new IllegalStateException(impossible);
            }
            if (isApi(type)) {
                lines.addAll(lines(type));
            }
        }
        return lines;
    }

    /** Whether the package of a type is an {@code internal} one. */
    static boolean isInternal(String packageName) {
        return packageName.endsWith(".internal") || packageName.contains(".internal.");
    }

    private static List<String> classNames(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            String separator = root.getFileSystem().getSeparator();
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> root.relativize(file).toString())
                    .map(file -> file.substring(0, file.length() - ".class".length()).replace(separator, "."))
                    .filter(name -> !name.endsWith("package-info") && !name.endsWith("module-info"))
                    .sorted()
                    .toList();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static boolean isApi(Class<?> type) {
        if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass() || isInternal(type.getPackageName())) {
            return false;
        }
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers()) && !Modifier.isProtected(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> lines(Class<?> type) {
        String owner = type.getName() + " | ";
        Set<String> lines = new TreeSet<>();
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (visible(constructor) && !type.isEnum()) {
                lines.add(owner + modifiers(constructor.getModifiers())
                        + typeParameters(constructor.getTypeParameters()) + type.getSimpleName()
                        + parameters(constructor) + exceptions(constructor));
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (visible(method) && !method.isBridge() && !(OBJECT_METHODS.contains(method.getName())
                    && method.getParameterCount() <= 1)) {
                lines.add(owner + modifiers(method.getModifiers()) + (method.isDefault() ? "default " : "")
                        + typeParameters(method.getTypeParameters()) + name(method.getGenericReturnType()) + " "
                        + method.getName() + parameters(method) + exceptions(method));
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (visible(field)) {
                lines.add(owner + modifiers(field.getModifiers()) + name(field.getGenericType()) + " "
                        + field.getName());
            }
        }
        List<String> declarationFirst = new ArrayList<>();
        declarationFirst.add(owner + declaration(type));
        declarationFirst.addAll(lines);
        return declarationFirst;
    }

    private static boolean visible(Member member) {
        int modifiers = member.getModifiers();
        return !member.isSynthetic() && (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers));
    }

    private static String declaration(Class<?> type) {
        int modifiers = type.getModifiers() & KEPT_MODIFIERS;
        String kind;
        if (type.isAnnotation()) {
            kind = "@interface";
            modifiers &= ~Modifier.ABSTRACT;
        } else if (type.isInterface()) {
            kind = "interface";
            modifiers &= ~Modifier.ABSTRACT;
        } else if (type.isEnum()) {
            kind = "enum";
        } else if (type.isRecord()) {
            kind = "record";
        } else {
            kind = "class";
        }
        StringBuilder text = new StringBuilder(modifiers(modifiers));
        if (type.isSealed()) {
            text.append("sealed ");
        }
        text.append(kind).append(typeParameters(type.getTypeParameters()).stripTrailing());
        if (type.isRecord()) {
            text.append(Arrays.stream(type.getRecordComponents())
                    .map(component -> name(component.getGenericType()) + " " + component.getName())
                    .collect(Collectors.joining(", ", "(", ")")));
        }
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && superclass != Record.class
                && !(type.isEnum() && superclass instanceof ParameterizedType)) {
            text.append(" extends ").append(name(superclass));
        }
        if (type.getGenericInterfaces().length > 0) {
            text.append(type.isInterface() ? " extends " : " implements ")
                    .append(Arrays.stream(type.getGenericInterfaces()).map(PublicApi::name)
                            .collect(Collectors.joining(", ")));
        }
        if (type.isSealed()) {
            text.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses())
                    .map(Class::getName).sorted().collect(Collectors.joining(", ")));
        }
        return text.toString();
    }

    private static String modifiers(int modifiers) {
        String text = Modifier.toString(modifiers & KEPT_MODIFIERS);
        return text.isEmpty() ? "" : text + " ";
    }

    private static String typeParameters(TypeVariable<?>[] variables) {
        if (variables.length == 0) {
            return "";
        }
        return Arrays.stream(variables).map(variable -> {
            List<String> bounds = Arrays.stream(variable.getBounds()).filter(bound -> bound != Object.class)
                    .map(PublicApi::name).toList();
            return bounds.isEmpty() ? variable.getName()
                    : variable.getName() + " extends " + String.join(" & ", bounds);
        }).collect(Collectors.joining(", ", "<", "> "));
    }

    private static String parameters(Executable executable) {
        Type[] types = executable.getGenericParameterTypes();
        if (types.length != executable.getParameterCount()) {
            // Inner-class and enum constructors: the generic view leaves out the synthetic ones.
            types = executable.getParameterTypes();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            String name = name(types[i]);
            if (executable.isVarArgs() && i == types.length - 1) {
                name = name.substring(0, name.length() - 2) + "...";
            }
            names.add(name);
        }
        return names.stream().collect(Collectors.joining(", ", "(", ")"));
    }

    private static String exceptions(Executable executable) {
        Type[] thrown = executable.getGenericExceptionTypes();
        if (thrown.length == 0) {
            return "";
        }
        return Arrays.stream(thrown).map(PublicApi::name).collect(Collectors.joining(", ", " throws ", ""));
    }

    private static String name(Type type) {
        String text;
        if (type instanceof Class<?> plain) {
            text = plain.isArray() ? name(plain.getComponentType()) + "[]" : plain.getName();
        } else if (type instanceof ParameterizedType parameterized) {
            text = name(parameterized.getRawType()) + Arrays.stream(parameterized.getActualTypeArguments())
                    .map(PublicApi::name).collect(Collectors.joining(", ", "<", ">"));
        } else if (type instanceof GenericArrayType array) {
            text = name(array.getGenericComponentType()) + "[]";
        } else if (type instanceof WildcardType wildcard) {
            if (wildcard.getLowerBounds().length > 0) {
                text = "? super " + name(wildcard.getLowerBounds()[0]);
            } else if (wildcard.getUpperBounds().length > 0 && wildcard.getUpperBounds()[0] != Object.class) {
                text = "? extends " + name(wildcard.getUpperBounds()[0]);
            } else {
                text = "?";
            }
        } else {
            text = type.getTypeName();
        }
        return text.replaceAll("\\bjava\\.lang\\.(?=[A-Z])", "");
    }
}
