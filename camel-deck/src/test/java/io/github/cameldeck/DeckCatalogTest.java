package io.github.cameldeck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.tooling.model.BaseOptionModel;
import org.apache.camel.tooling.model.ComponentModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Camel's tooling makes of deck.json: IDE plugins and Camel JBang validate endpoint URIs with camel-catalog, and a
 * third-party component reaches a catalog through {@code addComponent(scheme, class, json)}, the way the IntelliJ
 * plugin adds the components it finds on a project's classpath and the language server those of its
 * {@code camel.extra-components} setting.
 */
class DeckCatalogTest {

    private static CamelCatalog catalog;

    @BeforeAll
    static void addDeckToTheCatalog() throws IOException {
        String json;
        try (InputStream in = DeckCatalogTest.class.getResourceAsStream("/META-INF/io/github/cameldeck/deck.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catalog = new DefaultCamelCatalog(true);
        assertThat(catalog.findComponentNames()).doesNotContain("deck");
        catalog.addComponent("deck", DeckComponent.class.getName(), json);
    }

    @Test
    void theCatalogKnowsTheComponent() {
        assertThat(catalog.findComponentNames()).contains("deck");
        ComponentModel model = catalog.componentModel("deck");
        assertThat(model.getJavaType()).isEqualTo(DeckComponent.class.getName());
        assertThat(model.getSyntax()).isEqualTo("deck:operation");
        assertThat(model.getGroupId() + ":" + model.getArtifactId()).isEqualTo("io.github.cameldeck:camel-deck");
        assertThat(option(model, "apiKey").isSecret()).isTrue();
        assertThat(option(model, "webhookSecret").isSecret()).isTrue();
        assertThat(option(model, "operation").getEnums()).contains("runTask", "taskRuns", "events");
        assertThat(option(model, "rerunOn").getEnums()).containsExactly("never", "deckErrors");
    }

    @Test
    void aProducerWithOptions() {
        assertValid("deck:runTask?taskId=task_01JQ7ZM8&credentialId=cred_01JQ7ZP6&waitForCompletion=true"
                + "&waitTimeout=10m&rerunOn=deckErrors&maxRunAttempts=3&cancelOnWaitTimeout=true");
        assertValid("deck:listTaskRuns?status=completed,failed&outcome=failure&pageSize=50&streamList=true");
        assertValid("deck:request?method=PATCH&path=/agents/agent_1");
        assertValid("deck:runTask?taskId={{deck.task}}&waitForCompletion={{deck.wait}}&waitTimeout={{deck.timeout}}");
    }

    @Test
    void aConsumerWithSchedulerOptions() {
        assertValid("deck:taskRuns?status=completed&delay=500&initialDelay=1000&useFixedDelay=true&greedy=false"
                + "&timeUnit=SECONDS&backoffMultiplier=2&backoffIdleThreshold=3&runLoggingLevel=DEBUG"
                + "&lookback=2h&idempotentRepository=#runsRepository&maxMessagesPerPoll=10");
        assertValid("deck:storageItems?status=completed&delay=1000");
        assertValid("deck:events?types=task_run.completed&webhookPath=/hooks/deck&signatureTolerance=5m");
    }

    /** The key is not required in the URI: it may come from the component or DECK_API_KEY, as the guide advises. */
    @Test
    void theKeyInRawOrAPlaceholderOrNotAtAll() {
        assertValid("deck:runTask?taskId=task_1&apiKey=RAW(sk_live_Ab+c/d=e)");
        assertValid("deck:taskRuns?apiKey=RAW(sk_live_Ab+c/d=e)&delay=100");
        assertValid("deck:runTask?taskId=task_1&apiKey={{env:DECK_API_KEY}}");
        assertValid("deck:runTask?taskId=task_1");
    }

    /**
     * camel-catalog reads the query without RAW(): it splits a RAW value at '&amp;' (and fails on a '%' that starts no
     * escape), where Camel itself takes the value whole (SecretsInToolingTest). Tooling flags such a URI although it
     * works: one more reason to keep the key out of URIs.
     */
    @Test
    void theCatalogSplitsARawValueAtAnAmpersand() {
        EndpointValidationResult result = validate("deck:runTask?taskId=task_1&apiKey=RAW(sk_live_Ab+c/d=e&f)");

        assertThat(result.getUnknown()).containsExactly("f)");
    }

    @Test
    void anUnknownOption() {
        EndpointValidationResult result = validate("deck:runTask?taskID=task_1&waitForCompletion=true");

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getUnknown()).containsExactly("taskID");
        assertThat(result.summaryErrorMessage(false)).contains("taskID");
    }

    @Test
    void aValueOutsideAnEnum() {
        EndpointValidationResult rerun = validate("deck:runTask?taskId=task_1&rerunOn=always");
        assertThat(rerun.isSuccess()).isFalse();
        assertThat(rerun.getInvalidEnum()).containsExactly(Map.entry("rerunOn", "always"));
        assertThat(rerun.getEnumChoices("rerunOn")).containsExactly("never", "deckErrors");

        EndpointValidationResult outcome = validate("deck:taskRuns?outcome=maybe");
        assertThat(outcome.getInvalidEnum()).containsExactly(Map.entry("outcome", "maybe"));
        assertThat(outcome.getEnumChoices("outcome")).containsExactly("success", "failure", "unknown");

        EndpointValidationResult operation = validate("deck:runTasks?taskId=task_1");
        assertThat(operation.getInvalidEnum()).containsExactly(Map.entry("operation", "runTasks"));
        assertThat(operation.summaryErrorMessage(false)).contains("runTasks");
    }

    @Test
    void valuesOfTheWrongType() {
        EndpointValidationResult result = validate("deck:taskRuns?pageSize=ten&lookback=yesterday"
                + "&sendEmptyMessageWhenIdle=yes&idempotentRepository=runsRepository");

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getInvalidInteger()).containsExactly(Map.entry("pageSize", "ten"));
        assertThat(result.getInvalidDuration()).containsExactly(Map.entry("lookback", "yesterday"));
        assertThat(result.getInvalidBoolean()).containsExactly(Map.entry("sendEmptyMessageWhenIdle", "yes"));
        assertThat(result.getInvalidReference()).as("a bean is referred to with #")
                .containsExactly(Map.entry("idempotentRepository", "runsRepository"));
    }

    @Test
    void aMissingOperation() {
        EndpointValidationResult result = validate("deck:?taskId=task_1");

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getRequired()).containsExactly("operation");
    }

    /** IDE plugins validate the URI of a from() as a consumer's and of a to() as a producer's. */
    @Test
    void consumerAndProducerOptions() {
        EndpointValidationResult wrongSide = catalog
                .validateEndpointProperties("deck:taskRuns?waitForCompletion=true&delay=100", false, true, false);
        assertThat(wrongSide.isSuccess()).isFalse();
        assertThat(wrongSide.getNotConsumerOnly()).containsExactly("waitForCompletion");

        // the options that choose a run's task, credential and source also filter the consumers
        String filters = "taskId=task_1&credentialId=cred_1&sourceId=src_1&externalId=customer-42";
        EndpointValidationResult consumer = catalog
                .validateEndpointProperties("deck:taskRuns?delay=100&" + filters, false, true, false);
        assertThat(consumer.isSuccess()).as(consumer.summaryErrorMessage(false)).isTrue();
        EndpointValidationResult producer = catalog
                .validateEndpointProperties("deck:runTask?waitForCompletion=true&" + filters, false, false, true);
        assertThat(producer.isSuccess()).as(producer.summaryErrorMessage(false)).isTrue();
    }

    @Test
    void toolingBuildsUrisFromTheModel() throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("operation", "runTask");
        options.put("taskId", "task_1");
        options.put("waitForCompletion", "true");

        assertThat(catalog.asEndpointUri("deck", options, false))
                .isEqualTo("deck:runTask?taskId=task_1&waitForCompletion=true");
        assertThat(catalog.endpointProperties("deck:taskRuns?status=completed&delay=100"))
                .containsEntry("operation", "taskRuns").containsEntry("status", "completed")
                .containsEntry("delay", "100");
    }

    private static EndpointValidationResult validate(String uri) {
        return catalog.validateEndpointProperties(uri);
    }

    private static void assertValid(String uri) {
        EndpointValidationResult result = validate(uri);
        assertThat(result.isSuccess()).as(uri + ": " + result.summaryErrorMessage(false)).isTrue();
    }

    private static BaseOptionModel option(ComponentModel model, String name) {
        return model.getEndpointOptions().stream().filter(o -> o.getName().equals(name)).findFirst().orElseThrow();
    }
}
