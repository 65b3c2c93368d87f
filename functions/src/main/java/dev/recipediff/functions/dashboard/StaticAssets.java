package dev.recipediff.functions.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The dashboard's static files, served from the classpath: the dashboard itself ({@code dashboard/} resources),
 * ECharts and Swagger UI from their webjars. Only paths this class maps are served — a request can never reach
 * another classpath resource ({@code ..}, odd characters and unknown vendor files are refused).
 *
 * <ul>
 *   <li>{@code /} → {@code dashboard/index.html}; {@code /docs} → {@code dashboard/docs.html}</li>
 *   <li>{@code /assets/vendor/echarts/echarts.min.js} → the echarts webjar's {@code dist/echarts.min.js}</li>
 *   <li>{@code /assets/vendor/swagger-ui/<file>} → the swagger-ui webjar (bundle, css)</li>
 *   <li>{@code /assets/<path>} → {@code dashboard/assets/<path>}</li>
 * </ul>
 */
public final class StaticAssets {

    private static final Pattern SAFE_PATH =
            Pattern.compile("/assets(/[A-Za-z0-9_-]+)*/[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*\\.[a-z0-9]+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json");
    private static final Map<String, String> SWAGGER_FILES = Map.of(
            "swagger-ui-bundle.js", "swagger-ui-bundle.js",
            "swagger-ui.css", "swagger-ui.css");
    private static final String PAGES = "no-cache";
    private static final String FILES = "public, max-age=300";

    private final ClassLoader classLoader;
    private final Optional<String> echartsRoot;
    private final Optional<String> swaggerRoot;
    private final Map<String, Optional<StaticAsset>> loaded = new ConcurrentHashMap<>();

    public StaticAssets() {
        this(StaticAssets.class.getClassLoader());
    }

    StaticAssets(ClassLoader classLoader) {
        this.classLoader = classLoader;
        this.echartsRoot = webjarVersion(classLoader, "echarts")
                .map(version -> "META-INF/resources/webjars/echarts/" + version + "/dist/");
        this.swaggerRoot = webjarVersion(classLoader, "swagger-ui")
                .map(version -> "META-INF/resources/webjars/swagger-ui/" + version + "/");
    }

    /** The file served at {@code path}, or empty when there is none. */
    public Optional<StaticAsset> find(String path) {
        return resourceFor(path).flatMap(resource -> loaded.computeIfAbsent(resource, this::load));
    }

    private Optional<String> resourceFor(String path) {
        if (path == null) {
            return Optional.empty();
        }
        if (path.equals("/") || path.equals("/index.html")) {
            return Optional.of("dashboard/index.html");
        }
        if (path.equals("/docs") || path.equals("/docs/")) {
            return Optional.of("dashboard/docs.html");
        }
        if (!SAFE_PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        if (path.equals("/assets/vendor/echarts/echarts.min.js")) {
            return echartsRoot.map(root -> root + "echarts.min.js");
        }
        String swagger = "/assets/vendor/swagger-ui/";
        if (path.startsWith(swagger)) {
            return Optional.ofNullable(SWAGGER_FILES.get(path.substring(swagger.length())))
                    .flatMap(file -> swaggerRoot.map(root -> root + file));
        }
        if (path.startsWith("/assets/vendor/")) {
            return Optional.empty();
        }
        return Optional.of("dashboard" + path);
    }

    private Optional<StaticAsset> load(String resource) {
        String extension = resource.substring(resource.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(extension);
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(StaticAsset.of(type, in.readAllBytes(), extension.equals("html") ? PAGES : FILES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * The webjar's version, written into {@code dashboard/vendor.properties} by the build (the Lambda jars leave
     * out the webjars' own {@code META-INF/maven} files); empty when the webjar is missing (its files are then
     * 404s — the dashboard still loads, without charts — rather than the whole API failing to start).
     */
    private static Optional<String> webjarVersion(ClassLoader classLoader, String artifactId) {
        String properties = "dashboard/vendor.properties";
        try (InputStream in = classLoader.getResourceAsStream(properties)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties versions = new Properties();
            versions.load(in);
            return Optional.ofNullable(versions.getProperty(artifactId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + properties, e);
        }
    }
}
