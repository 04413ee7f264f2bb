package io.github.cameldeck.producer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.DeckOperation;
import io.github.cameldeck.model.Task;
import org.apache.camel.Exchange;

/** The operations on tasks: createTask, getTask, listTasks, updateTask, deleteTask, resetTask. */
final class TaskOperations extends ResourceGroup<Task> {

    static final Set<String> STATUSES = Set.of("learning", "test", "live");

    TaskOperations(DeckEndpoint endpoint) {
        super(endpoint, "/tasks", Task.class, DeckConstants.TASK_ID, "taskId");
        register(DeckOperation.createTask, this::createTask);
        register(DeckOperation.getTask, exchange -> get(exchange, DeckOperation.getTask));
        register(DeckOperation.listTasks, exchange -> list(exchange, filters()), this::filters);
        register(DeckOperation.updateTask, exchange -> update(exchange, DeckOperation.updateTask));
        register(DeckOperation.deleteTask, exchange -> delete(exchange, DeckOperation.deleteTask));
        register(DeckOperation.resetTask, exchange -> act(exchange, DeckOperation.resetTask, "reset"));
    }

    @Override
    protected String idOptionValue() {
        return configuration.getTaskId();
    }

    private CompletableFuture<Void> createTask(Exchange exchange) {
        ObjectNode body = requiredBody(exchange, DeckOperation.createTask, false,
                "the task (name, agent_id, prompt, input_schema, output_schema, ...)");
        fillIn(body, "agent_id", value(exchange.getIn(), DeckConstants.AGENT_ID, configuration.getAgentId()));
        requireFields(body, DeckOperation.createTask,
                Map.of("agent_id", optionOrHeader("agentId", DeckConstants.AGENT_ID)), "name", "agent_id");
        return create(exchange, DeckOperation.createTask, body);
    }

    private List<Map.Entry<String, String>> filters() {
        return ListFilters.of(DeckOperation.listTasks)
                .add("agent_id", configuration.getAgentId())
                .addOneOf("status", "status", configuration.getStatus(), STATUSES)
                .build();
    }
}
