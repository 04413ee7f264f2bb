package io.github.cameldeck.producer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckTestSupport;
import io.github.cameldeck.model.Agent;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every list operation reads all pages, one page with the cursor headers, or lazily page by page (streamList). */
class ListOperationsTest extends DeckTestSupport {

    /** Agents outlive the simulator's reset: every test counts those that are there already. */
    private int existingAgents() {
        return template.requestBody("deck:listAgents", null, List.class).size();
    }

    private List<String> createAgents(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(sim().createAgent("Agent " + i).id());
        }
        return ids;
    }

    @Test
    void allPagesAreReadIntoOneList() {
        List<String> ids = createAgents(5);
        int total = existingAgents();
        long before = sim().stats().requests("GET /v2/agents");

        List<?> agents = template.requestBody("deck:listAgents?pageSize=2", null, List.class);

        assertThat(agents).extracting(a -> ((Agent) a).getId()).containsAll(ids).hasSize(total)
                .doesNotHaveDuplicates();
        assertThat(sim().stats().requests("GET /v2/agents") - before).isEqualTo((total + 1) / 2);
    }

    @Test
    void onePageIsReadWithTheCursorHeaders() {
        createAgents(3);
        int total = existingAgents();

        List<Object> read = new ArrayList<>();
        String cursor = "";
        boolean more = true;
        int pages = 0;
        while (more) {
            String at = cursor;
            Exchange page = template.request("deck:listAgents?pageSize=2", e -> e.getIn()
                    .setHeader(DeckConstants.CURSOR, at));
            read.addAll(page.getMessage().getBody(List.class));
            more = page.getMessage().getHeader(DeckConstants.HAS_MORE, Boolean.class);
            cursor = page.getMessage().getHeader(DeckConstants.NEXT_CURSOR, String.class);
            assertThat(page.getMessage().getBody(List.class)).hasSizeLessThanOrEqualTo(2);
            assertThat(cursor == null).as("a next cursor exactly when more pages follow").isEqualTo(!more);
            pages++;
        }

        assertThat(read).hasSize(total).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo((total + 1) / 2);
    }

    @Test
    void streamListReadsTheNextPageOnlyWhenTheRouteGetsThere() throws Exception {
        List<String> ids = createAgents(5);
        int total = existingAgents();
        long before = sim().stats().requests("GET /v2/agents");

        Exchange out = template.request("deck:listAgents?pageSize=2&streamList=true", e -> {
        });
        Iterator<?> agents = out.getMessage().getBody(Iterator.class);
        long afterFirstPage = sim().stats().requests("GET /v2/agents") - before;
        List<String> read = new ArrayList<>();
        agents.forEachRemaining(a -> read.add(((Agent) a).getId()));

        assertThat(afterFirstPage).isEqualTo(1);
        assertThat(read).containsAll(ids).hasSize(total).doesNotHaveDuplicates();
        assertThat(sim().stats().requests("GET /v2/agents") - before).isEqualTo((total + 1) / 2);
    }

    @Test
    void aStreamingSplitTakesEveryItemOnce() throws Exception {
        createAgents(7);
        int total = existingAgents();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:each").to("deck:listAgents?pageSize=3&streamList=true")
                        .split(body()).streaming().to("mock:agent");
            }
        });
        MockEndpoint agents = getMockEndpoint("mock:agent");
        agents.expectedMessageCount(total);

        template.sendBody("direct:each", null);

        agents.assertIsSatisfied();
        assertThat(agents.getExchanges()).extracting(e -> e.getIn().getBody(Agent.class).getId())
                .doesNotHaveDuplicates();
    }
}
