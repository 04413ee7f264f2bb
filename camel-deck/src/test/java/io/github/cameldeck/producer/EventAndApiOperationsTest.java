package io.github.cameldeck.producer;

import java.util.List;
import java.util.Map;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.ConnectionCheck;
import io.github.cameldeck.model.Credential;
import io.github.cameldeck.model.DeckEvent;
import io.github.cameldeck.model.DeletedObject;
import io.github.cameldeck.model.EventDelivery;
import io.github.cameldeck.model.EventDestination;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The event log, event destinations and their deliveries, testConnection and request against the simulator. */
class EventAndApiOperationsTest extends DeckTestSupport {

    @Test
    void listEventsFiltersByTypeAndGetEventReadsOne() {
        List<?> created = template.requestBody("deck:listEvents?types=credential.created", null, List.class);
        DeckEvent first = (DeckEvent) created.get(0);

        Exchange one = template.request("deck:getEvent", e -> e.getIn().setHeader(DeckConstants.EVENT_ID,
                first.getId()));

        assertThat(created).isNotEmpty()
                .allSatisfy(e -> assertThat(((DeckEvent) e).getType()).isEqualTo("credential.created"));
        DeckEvent event = one.getMessage().getBody(DeckEvent.class);
        assertThat(event.getId()).isEqualTo(first.getId());
        assertThat(event.getResource()).isInstanceOfSatisfying(Credential.class,
                c -> assertThat(c.getId()).isEqualTo(credential.id()));
        assertThat(one.getMessage().getHeader(DeckConstants.EVENT_TYPE)).isEqualTo("credential.created");
    }

    @Test
    void listEventsTakesATimeWindow() {
        List<?> none = template.requestBody("deck:listEvents?createdBefore=2000-01-01T00:00:00Z", null, List.class);

        assertThat(none).isEmpty();
    }

    @Test
    void eventDestinationsAreCreatedReadListedUpdatedAndDeletedAndTheirDeliveriesListed() {
        Exchange created = template.request("deck:createEventDestination", e -> e.getIn().setBody(Map.of(
                "name", "archive", "type", "webhook", "events", List.of("task_run.completed"),
                "webhook", Map.of("url", "http://127.0.0.1:9/hook", "secret", SECRET))));
        EventDestination destination = created.getMessage().getBody(EventDestination.class);
        String id = destination.getId();

        EventDestination read = template.requestBodyAndHeader("deck:getEventDestination", null,
                DeckConstants.DESTINATION_ID, id, EventDestination.class);
        List<?> all = template.requestBody("deck:listEventDestinations", null, List.class);
        EventDestination updated = template.requestBody("deck:updateEventDestination?destinationId=" + id,
                Map.of("status", "inactive"), EventDestination.class);
        List<?> deliveries = template.requestBody("deck:listEventDeliveries?status=failure&destinationId=" + id, null,
                List.class);
        DeletedObject deleted = template.requestBody("deck:deleteEventDestination?destinationId=" + id, null,
                DeletedObject.class);

        assertThat(id).startsWith("evtd_");
        assertThat(created.getMessage().getHeader(DeckConstants.DESTINATION_ID)).isEqualTo(id);
        assertThat(read.getWebhookUrl()).isEqualTo("http://127.0.0.1:9/hook");
        assertThat(read.toString()).doesNotContain(SECRET.substring(6));
        assertThat(all).extracting(d -> ((EventDestination) d).getId()).contains(id);
        assertThat(updated.getStatus()).isEqualTo("inactive");
        assertThat(deliveries).allSatisfy(d -> assertThat(d).isInstanceOf(EventDelivery.class));
        assertThat(deleted.isDeletedObject()).isTrue();
    }

    @Test
    void testConnectionSaysTheKeyWorks() {
        ConnectionCheck check = template.requestBody("deck:testConnection", null, ConnectionCheck.class);

        assertThat(check.getStatus()).isEqualTo("ready");
        assertThat(check.getEnvironment()).isEqualTo("live");
        assertThat(check.getRequestId()).startsWith("req_");
    }

    @Test
    void requestSendsACallNoOperationHas() {
        // no operation lists credentials by several statuses at once with a query string of its own
        Exchange out = template.request("deck:request", e -> e.getIn().setHeader(DeckConstants.PATH,
                "/credentials?status=unverified&limit=1"));

        assertThat(out.getException()).isNull();
        Map<?, ?> answer = out.getMessage().getBody(Map.class);
        assertThat((List<?>) answer.get("data")).hasSize(1);
        assertThat(out.getMessage().getHeader(DeckConstants.REQUEST_ID, String.class)).startsWith("req_");
    }

    @Test
    void requestWritesWithTheSameIdempotencyKeyOnARetriedExchange() {
        Exchange out = template.request("deck:request?method=POST&path=/agents", e -> {
            e.getIn().setBody("{\"name\": \"Made by request\"}");
            e.getIn().setHeader(DeckConstants.IDEMPOTENCY_KEY, "agent-by-request-1");
        });
        Exchange again = template.request("deck:request?method=POST&path=/agents", e -> {
            e.getIn().setBody("{\"name\": \"Made by request\"}");
            e.getIn().setHeader(DeckConstants.IDEMPOTENCY_KEY, "agent-by-request-1");
        });

        assertThat(out.getMessage().getBody(Map.class).get("id")).isEqualTo(again.getMessage().getBody(Map.class)
                .get("id"));
        assertThat(sim().stats().requests("POST /v2/agents")).isEqualTo(2);
    }
}
