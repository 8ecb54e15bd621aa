package id.lumbung.platform.openapi;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;
import java.util.Properties;

/**
 * The words of the domain as the API documents them: one description (and example) per property or parameter
 * name: the platform's {@code openapi/platform-glossary.properties} for the terms every service shares (NIK,
 * No. KK, desil, region codes, ...), and the service's own {@code openapi/glossary.properties} for its terms.
 *
 * <p>Keys: {@code <name>}, {@code <name>.example}; {@code <Schema>.<name>} overrides one schema's property;
 * {@code parameter.<name>} overrides parameters of that name. A service's entry wins over the platform's.
 */
public final class Glossary {

    static final String SHARED = "openapi/platform-glossary.properties";
    static final String OWN = "openapi/glossary.properties";

    private final Properties terms;

    Glossary(Properties terms) {
        this.terms = terms;
    }

    /** The platform's glossary and the service's; the service's entries win. */
    public static Glossary load(ClassLoader loader) {
        var terms = new Properties();
        for (var resource : new String[] { SHARED, OWN }) {
            try {
                for (var url : Collections.list(loader.getResources(resource))) {
                    try (var in = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
                        terms.load(in);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return new Glossary(terms);
    }

    /** What a property of {@code schema} called {@code name} means, if the glossary knows. */
    public Optional<String> property(String schema, String name) {
        return first(schema + "." + name, name);
    }

    public Optional<String> propertyExample(String schema, String name) {
        return first(schema + "." + name + ".example", name + ".example");
    }

    public Optional<String> parameter(String name) {
        return first("parameter." + name, name);
    }

    public Optional<String> parameterExample(String name) {
        return first("parameter." + name + ".example", name + ".example");
    }

    private Optional<String> first(String specific, String general) {
        return Optional.ofNullable(terms.getProperty(specific, terms.getProperty(general)));
    }
}
