package io.github.cameldeck;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.cameldeck.model.TaskRun;
import io.github.cameldeck.simulator.DeckSimulator;
import io.github.cameldeck.simulator.Scenario;
import io.github.cameldeck.simulator.Task;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The key, even one with characters that need RAW() and even written in endpoint URIs, appears in no JMX attribute,
 * health check detail or dev console output, and such a key works. The deck dev console shows endpoint URIs sanitized,
 * so it hides a key written in one too.
 */
class SecretsInToolingTest {

    /** A key with characters that have a meaning in URIs. */
    static final String KEY = "sk_live_Ab+c/d=e&f%g#h?i";

    private DeckSimulator sim;
    private CamelContext context;

    @BeforeEach
    void start() throws Exception {
        sim = DeckSimulator.builder().apiKey(KEY).rateLimit(0, Duration.ZERO).build().start();
        context = new DefaultCamelContext();
        context.setDevConsole(true);
        DeckTestSupport.enableConsumerHealthChecks(context);
        context.getComponent("deck", DeckComponent.class).getConfiguration().setBaseUrl(sim.baseUrl());
    }

    @AfterEach
    void stop() {
        context.stop();
        sim.stop();
    }

    private Task startRoutes(String keyOption) throws Exception {
        Task task = sim.createTask(sim.createAgent("a").id(), "t",
                Scenario.completesAfter(Duration.ofMillis(100)).withQueueTime(Duration.ofMillis(10)));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run").routeId("run").to("deck:runTask?" + keyOption + "taskId=" + task.id());
                from("deck:taskRuns?" + keyOption + "delay=100").routeId("runs").to("mock:runs");
            }
        });
        context.start();
        TaskRun run = context.createProducerTemplate().requestBody("direct:run", Map.of("x", 1), TaskRun.class);
        assertThat(run.getId()).startsWith("trun_");
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> context.getEndpoint("mock:runs", org.apache.camel.component.mock.MockEndpoint.class)
                        .getReceivedCounter() == 1);
        return task;
    }

    @Test
    void aKeyOnTheComponentIsInNoJmxAttributeHealthDetailOrDevConsole() throws Exception {
        context.getComponent("deck", DeckComponent.class).getConfiguration().setApiKey(KEY);
        startRoutes("");

        String everything = jmxAttributes() + healthDetails() + devConsoles() + DeckConsoles.everything(context);

        assertThat(everything).contains("deck:").contains("runTask").contains("route-dump")
                .contains("Organization budget-1").contains("Consumer runs (deck://taskRuns");
        assertThat(everything).doesNotContain(KEY).doesNotContain("Ab+c/d=e");
    }

    /**
     * A key written in an endpoint URI must be wrapped in RAW() when it has such characters, and works then. Camel masks
     * it in JMX and health checks; its dev consoles (endpoint, route-dump, service) print URIs as written, which is why
     * the guide says to configure the key on the component.
     */
    @Test
    void aKeyThatNeedsRawWorksInAnEndpointUriAndIsMaskedInJmxAndHealth() throws Exception {
        startRoutes("apiKey=RAW(" + KEY + ")&");

        String managed = jmxAttributes() + healthDetails() + DeckConsoles.everything(context);

        assertThat(managed).contains("deck:").contains("Consumer runs (deck://taskRuns");
        assertThat(managed).doesNotContain(KEY).doesNotContain("Ab+c/d=e");
    }

    private String jmxAttributes() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        StringBuilder sb = new StringBuilder();
        for (ObjectName name : server.queryNames(new ObjectName("org.apache.camel:*"), null)) {
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                if (attribute.isReadable()) {
                    try {
                        sb.append(name).append('.').append(attribute.getName()).append('=')
                                .append(server.getAttribute(name, attribute.getName())).append('\n');
                    } catch (Exception | LinkageError ignored) {
                        // some attributes cannot be read outside their context
                    }
                }
            }
        }
        return sb.toString();
    }

    private String healthDetails() {
        List<String> out = new ArrayList<>();
        for (HealthCheck.Result result : HealthCheckHelper.invoke(context)) {
            out.add(result.getCheck().getId() + " " + result.getState() + " " + result.getMessage().orElse("") + " "
                    + result.getDetails());
        }
        return String.join("\n", out);
    }

    private String devConsoles() {
        DevConsoleRegistry registry = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class);
        StringBuilder sb = new StringBuilder();
        // a heap dump console (Camel 4.22) writes a file: it prints nothing this test could read
        registry.stream().filter(console -> !console.getId().contains("heap")).forEach(console -> {
            for (DevConsole.MediaType type : DevConsole.MediaType.values()) {
                if (console.supportMediaType(type)) {
                    try {
                        sb.append(console.getId()).append(": ").append(console.call(type)).append('\n');
                    } catch (RuntimeException ignored) {
                        // a console that needs something this test does not have
                    }
                }
            }
        });
        return sb.toString();
    }
}
