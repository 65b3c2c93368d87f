package dev.recipediff.emulators.dynamodb;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that shares ONE dynalite per test JVM: started on first use, stored in the root
 * context store and stopped when the test plan ends (or by the process's shutdown hook). Test classes stay
 * independent by using their own table name or kitchen. Inject it as a {@link DynaliteProcess} parameter.
 *
 * <pre>{@code
 * @ExtendWith(DynaliteExtension.class)
 * class RecipeTableIT {
 *     @BeforeAll static void table(DynaliteProcess dynalite) { ... dynalite.endpoint() ... }
 * }
 * }</pre>
 */
public final class DynaliteExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DynaliteExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        shared(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DynaliteProcess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context);
    }

    private static DynaliteProcess shared(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(DynaliteProcess.class, type -> DynaliteProcess.start(), DynaliteProcess.class);
    }
}
