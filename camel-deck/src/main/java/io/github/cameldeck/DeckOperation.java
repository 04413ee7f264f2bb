package io.github.cameldeck;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The operations of the deck component: the first segment of the URI ({@code deck:runTask}).
 */
public enum DeckOperation {
    // producers: runs
    runTask(true), submitInteraction(true), getTaskRun(true), cancelTaskRun(true), listTaskRuns(true), rerunTaskRun(
            true),
    // producers: files
    listStorage(true), getStorage(true), downloadStorage(true), listScreenshots(true), downloadScreenshot(true),
    // producers: the rest of Deck's resources
    createCredential(true), getCredential(true), listCredentials(true), updateCredential(true), deleteCredential(
            true), createSource(true), getSource(true), listSources(true), deleteSource(true), createAgent(
                    true), getAgent(true), listAgents(true), updateAgent(true), deleteAgent(true), createTask(
                            true), getTask(true), listTasks(true), updateTask(true), deleteTask(true), resetTask(
                                    true), getSession(true), endSession(true), listEvents(true), getEvent(
                                            true), createEventDestination(true), getEventDestination(
                                                    true), listEventDestinations(true), updateEventDestination(
                                                            true), deleteEventDestination(true), listEventDeliveries(
                                                                    true), testConnection(true), request(true),
    // consumers
    taskRuns(false), storageItems(false), events(false);

    private final boolean producer;

    DeckOperation(boolean producer) {
        this.producer = producer;
    }

    public boolean isProducer() {
        return producer;
    }

    public boolean isConsumer() {
        return !producer;
    }

    /**
     * Resolves an operation by its exact name.
     *
     * @throws IllegalArgumentException naming the value and every valid operation
     */
    public static DeckOperation fromName(String name) {
        if (name != null) {
            for (DeckOperation op : values()) {
                if (op.name().equals(name.trim())) {
                    return op;
                }
            }
        }
        throw new IllegalArgumentException(
                "Unknown Deck operation '" + name + "'. Valid operations are: " + validNames());
    }

    public static String validNames() {
        return Arrays.stream(values())
                .map(op -> op.name() + (op.producer ? " (producer)" : " (consumer)"))
                .collect(Collectors.joining(", "));
    }
}
