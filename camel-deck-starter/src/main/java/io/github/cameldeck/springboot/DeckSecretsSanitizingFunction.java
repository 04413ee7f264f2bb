package io.github.cameldeck.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the secret options of the deck component ({@code camel.component.deck.api-key}, in any of the forms Spring
 * Boot binds, also inside a {@code configuration} bean) and the {@code DECK_API_KEY} and {@code DECK_WEBHOOK_SECRET} fallbacks in
 * {@code /actuator/env} and {@code /actuator/configprops}, even with {@code show-values=ALWAYS}.
 */
public class DeckSecretsSanitizingFunction implements SanitizingFunction {

    static final String COMPONENT_METADATA = "META-INF/io/github/cameldeck/deck.json";

    private static final String PREFIX = "camelcomponentdeck";
    private static final Set<String> ENVIRONMENT_KEYS = Set.of("deckapikey", "deckwebhooksecret");

    private final Set<String> secretOptions;

    public DeckSecretsSanitizingFunction() {
        this.secretOptions = readSecretOptions(COMPONENT_METADATA);
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
        return isSecret(data.getKey()) ? data.withSanitizedValue() : data;
    }

    boolean isSecret(String key) {
        String name = normalize(key);
        if (ENVIRONMENT_KEYS.contains(name)) {
            return true;
        }
        return name.startsWith(PREFIX) && secretOptions.stream().anyMatch(name::endsWith);
    }

    /** The component options that the metadata marks {@code secret}, normalized; at least the API key. */
    static Set<String> readSecretOptions(String metadata) {
        Set<String> names = new TreeSet<>();
        names.add(normalize("apiKey"));
        try (InputStream in = DeckSecretsSanitizingFunction.class.getClassLoader()
                .getResourceAsStream(metadata)) {
            if (in != null) {
                JsonNode options = new ObjectMapper().readTree(in).path("componentProperties");
                options.properties().forEach(option -> {
                    if (option.getValue().path("secret").asBoolean()) {
                        names.add(normalize(option.getKey()));
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + metadata, e);
        }
        return names;
    }

    // camel.component.deck.api-key, camel.component.deck.apiKey and CAMEL_COMPONENT_DECK_APIKEY are one property
    private static String normalize(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
