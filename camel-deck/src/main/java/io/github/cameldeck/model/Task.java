package io.github.cameldeck.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A task: what an agent does on a source, with the JSON Schemas of its input and output. Its status moves
 * {@code learning} → {@code test} → {@code live} as runs succeed; any status can be run.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Task extends DeckResource {

    private String name;
    private String prompt;
    private String status;
    private String agentId;
    private Object inputSchema;
    private Object outputSchema;
    private Map<String, Object> storage;
    private Boolean extraction;
    private Map<String, Object> settings;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPrompt() {
        return prompt;
    }

    public void setPrompt(String prompt) {
        this.prompt = prompt;
    }

    /** {@code learning}, {@code test} or {@code live}. */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getAgentId() {
        return agentId;
    }

    public void setAgentId(String agentId) {
        this.agentId = agentId;
    }

    /** The JSON Schema the run input must validate against (a Map), or null. */
    public Object getInputSchema() {
        return inputSchema;
    }

    public void setInputSchema(Object inputSchema) {
        this.inputSchema = inputSchema;
    }

    /** The JSON Schema of a run's output (a Map), or null. */
    public Object getOutputSchema() {
        return outputSchema;
    }

    public void setOutputSchema(Object outputSchema) {
        this.outputSchema = outputSchema;
    }

    /** The file settings ({@code enabled}, {@code extraction}, ...), or null. */
    public Map<String, Object> getStorage() {
        return storage;
    }

    public void setStorage(Map<String, Object> storage) {
        this.storage = storage;
    }

    public Boolean getExtraction() {
        return extraction;
    }

    public void setExtraction(Boolean extraction) {
        this.extraction = extraction;
    }

    /** {@code timeout_seconds}, when Deck returns it. */
    public Map<String, Object> getSettings() {
        return settings;
    }

    public void setSettings(Map<String, Object> settings) {
        this.settings = settings;
    }

    @Override
    public String toString() {
        return "Task[" + getId() + ", " + name + ", " + status + "]";
    }
}
