package io.github.cameldeck.events;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the events consumer: a POST consumer on the webhook path, created by the application's
 * {@link RestConsumerFactory} (platform-http unless webhookComponentName names another: netty-http, jetty, undertow,
 * servlet, ...), so the webhooks arrive on the server the application already runs.
 */
final class WebhookListener {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookListener.class);

    static final String DEFAULT_COMPONENT = "platform-http";

    private final CamelContext context;
    private final RestConsumerFactory factory;
    private Consumer consumer;

    private WebhookListener(CamelContext context, RestConsumerFactory factory) {
        this.context = context;
        this.factory = factory;
    }

    /**
     * The listener of the named HTTP component (platform-http when null or blank), not started yet.
     *
     * @throws IllegalStateException naming what is missing when the component is absent or cannot receive HTTP
     */
    static WebhookListener on(CamelContext context, String componentName) {
        return new WebhookListener(context, factory(context, componentName));
    }

    /**
     * Starts receiving POSTs on {@code path}, each answered by {@code receiver}.
     *
     * @param types the event types the consumer emits (empty: every type), for the log
     */
    void start(String path, Processor receiver, List<String> types) throws Exception {
        RestConfiguration rest = context.getRestConfiguration();
        consumer = factory.createConsumer(context, receiver, "POST", path, null, null, null, rest, Map.of());
        ServiceHelper.startService(consumer.getEndpoint(), consumer);
        LOG.info("Receiving Deck webhooks on {} ({})", path,
                types.isEmpty() ? "every event type" : String.join(", ", types));
    }

    private static RestConsumerFactory factory(CamelContext context, String componentName) {
        if (componentName == null || componentName.isBlank()) {
            Component platformHttp = context.getComponent(DEFAULT_COMPONENT);
            if (platformHttp == null) {
                throw new IllegalStateException(
                        "deck:events receives Deck's webhooks through Camel's platform-http, which is "
                                + "not on the classpath: add camel-platform-http-main (Camel Main), "
                                + "camel-platform-http-starter (Spring Boot) or camel-platform-http-vertx, "
                                + "or name another HTTP component with webhookComponentName");
            }
            return (RestConsumerFactory) platformHttp;
        }
        String name = componentName.trim();
        Component component = context.getComponent(name);
        if (component == null) {
            throw new IllegalStateException("The webhookComponentName option names the component '" + name
                    + "', which is not on the classpath");
        }
        if (!(component instanceof RestConsumerFactory factory)) {
            throw new IllegalStateException("The webhookComponentName option names the component '" + name
                    + "', which cannot receive HTTP requests (it is not a RestConsumerFactory, as platform-http, "
                    + "netty-http, jetty, undertow and servlet are)");
        }
        return factory;
    }

    void stop() {
        ServiceHelper.stopService(consumer);
        consumer = null;
    }
}
