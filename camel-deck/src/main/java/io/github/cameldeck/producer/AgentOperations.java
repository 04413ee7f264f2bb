package io.github.cameldeck.producer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.DeckOperation;
import io.github.cameldeck.model.Agent;
import org.apache.camel.Exchange;

/** The operations on agents: createAgent, getAgent, listAgents, updateAgent, deleteAgent. */
final class AgentOperations extends ResourceGroup<Agent> {

    AgentOperations(DeckEndpoint endpoint) {
        super(endpoint, "/agents", Agent.class, DeckConstants.AGENT_ID, "agentId");
        register(DeckOperation.createAgent, this::createAgent);
        register(DeckOperation.getAgent, exchange -> get(exchange, DeckOperation.getAgent));
        register(DeckOperation.listAgents, exchange -> list(exchange, List.of()));
        register(DeckOperation.updateAgent, exchange -> update(exchange, DeckOperation.updateAgent));
        register(DeckOperation.deleteAgent, exchange -> delete(exchange, DeckOperation.deleteAgent));
    }

    @Override
    protected String idOptionValue() {
        return configuration.getAgentId();
    }

    private CompletableFuture<Void> createAgent(Exchange exchange) {
        ObjectNode body = requiredBody(exchange, DeckOperation.createAgent, false, "the agent (name, description)");
        requireFields(body, DeckOperation.createAgent, Map.of(), "name");
        return create(exchange, DeckOperation.createAgent, body);
    }
}
