package dev.dermaguard.support.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** The name a client uses for a resource method's parameter: the one in its {@code @PathParam} and the like. */
final class HttpParameters {

    private HttpParameters() {
    }

    /** Null for a parameter the client does not name, like the body. */
    static String name(Class<?> resource, Path.MethodNode method, int index) {
        Class<?>[] types = method.getParameterTypes().toArray(Class<?>[]::new);
        // The validated instance may be a generated subclass: the annotations are where the method was declared.
        for (Class<?> type = resource; type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                Method declared = type.getDeclaredMethod(method.getName(), types);
                String name = name(declared.getParameterAnnotations()[index]);
                if (name != null) {
                    return name;
                }
            } catch (NoSuchMethodException notHere) {
                // declared further up
            }
        }
        return null;
    }

    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof PathParam p) {
                return p.value();
            } else if (annotation instanceof QueryParam q) {
                return q.value();
            } else if (annotation instanceof HeaderParam h) {
                return h.value();
            } else if (annotation instanceof CookieParam c) {
                return c.value();
            } else if (annotation instanceof MatrixParam m) {
                return m.value();
            } else if (annotation instanceof FormParam f) {
                return f.value();
            }
        }
        return null;
    }
}
