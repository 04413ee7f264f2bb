package io.github.cameldeck.springboot;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.cameldeck.DeckConfiguration;
import io.github.cameldeck.client.ClusterBudget;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds the bean-typed deck options ({@code camel.component.deck.http-client-configurer=#bean:myConfigurer}, or
 * {@code #myConfigurer}) to the Spring bean of that name.
 */
@AutoConfiguration
@ConfigurationPropertiesBinding
public class DeckComponentConverter implements GenericConverter {

    static final List<Class<?>> BEAN_TYPES = List.of(DeckConfiguration.class, HttpClientConfigurer.class,
            IdempotentRepository.class, SSLContextParameters.class, ClusterBudget.class);

    private static final String BEAN_PREFIX = "#bean:";

    private final ApplicationContext applicationContext;

    public DeckComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        Set<ConvertiblePair> pairs = new LinkedHashSet<>();
        for (Class<?> type : BEAN_TYPES) {
            pairs.add(new ConvertiblePair(String.class, type));
        }
        return pairs;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String reference = source.toString().trim();
        if (!reference.startsWith("#")) {
            throw new IllegalArgumentException("A " + targetType.getType().getSimpleName()
                    + " option takes a bean reference: #bean:name or #name");
        }
        String name = reference.startsWith(BEAN_PREFIX)
                ? reference.substring(BEAN_PREFIX.length())
                : reference.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
