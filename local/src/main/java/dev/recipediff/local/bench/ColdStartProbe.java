package dev.recipediff.local.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code main} that {@code recipediff bench coldstart} runs in a fresh JVM whose class path is one
 * deployed Lambda jar, this class alone and the Lambda event deserializer (what the Lambda runtime brings):
 * builds the handler with its no-argument constructor (configuration from the environment, as on Lambda) and
 * prints {@code constructed}, deserializes a real event fixture and handles it, then prints {@code handled} and
 * {@code cpu <ms>} (the process's CPU time so far, every thread). With {@code primed} it first
 * handles the event once as a warm-up (what a SnapStart priming hook would do before the snapshot), prints
 * {@code primed}, and then handles it again. Self-contained on purpose: no other class of ours is on the
 * child's class path.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {}

    private static Object read(Method fromJson, Object serializer, Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return fromJson.invoke(serializer, in);
        }
    }

    /** The result's type, and its HTTP status or authorization answer where it has one. */
    private static String describe(Object result) throws ReflectiveOperationException {
        if (result == null) {
            return "";
        }
        for (Method method : result.getClass().getMethods()) {
            if (method.getParameterCount() == 0
                    && (method.getName().equals("getStatusCode")
                            || method.getName().equals("getIsAuthorized"))) {
                return result.getClass().getSimpleName() + " "
                        + method.getName().substring(3) + "=" + method.invoke(result);
            }
        }
        return result.getClass().getSimpleName();
    }

    /** {@code HANDLER_CLASS EVENT_CLASS EVENT_FILE plain|primed}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        Class<?> eventType = Class.forName(args[1]);
        // the deserializer the Lambda Java runtime uses for event types (aws-lambda-java-serialization), looked up
        // reflectively so that this class needs nothing on the child's class path at compile time
        Object serializer = Class.forName(
                        "com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers")
                .getMethod("serializerFor", Class.class, ClassLoader.class)
                .invoke(null, eventType, ColdStartProbe.class.getClassLoader());
        Method fromJson = Class.forName("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer")
                .getMethod("fromJson", InputStream.class);
        Path eventFile = Path.of(args[2]);
        RequestHandler handler =
                (RequestHandler) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        out.println("constructed");
        out.flush();
        if ("primed".equals(args[3])) {
            handler.handleRequest(read(fromJson, serializer, eventFile), null);
            out.println("primed");
            out.flush();
        }
        Object result = handler.handleRequest(read(fromJson, serializer, eventFile), null);
        out.println("handled " + describe(result));
        out.flush();
        // CPU of every thread (JIT, GC included) until now: less sensitive to a loaded machine than wall time
        out.println("cpu "
                + ProcessHandle.current()
                        .info()
                        .totalCpuDuration()
                        .map(java.time.Duration::toMillis)
                        .orElse(-1L));
        out.flush();
    }
}
