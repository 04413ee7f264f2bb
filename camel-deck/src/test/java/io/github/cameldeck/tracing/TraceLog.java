package io.github.cameldeck.tracing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * The traces camel-telemetry-dev writes, in its json format, to the {@code LOG_TRACE} logger, kept in memory while
 * attached: each line is a whole trace as it stood when one of its spans closed.
 */
final class TraceLog extends AbstractAppender {

    static final String LOGGER = "LOG_TRACE";

    private final List<String> lines = new ArrayList<>();

    private TraceLog() {
        super("deck-trace-log", null, null, true, Property.EMPTY_ARRAY);
    }

    /** A log attached to the {@code LOG_TRACE} logger, and to nothing else. */
    static TraceLog attach() {
        TraceLog log = new TraceLog();
        log.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        LoggerConfig logger = new LoggerConfig(LOGGER, Level.INFO, false);
        logger.addAppender(log, Level.INFO, null);
        configuration.addLogger(LOGGER, logger);
        context.updateLoggers();
        return log;
    }

    void detach() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().removeLogger(LOGGER);
        context.updateLoggers();
        stop();
    }

    @Override
    public synchronized void append(LogEvent event) {
        lines.add(event.getMessage().getFormattedMessage());
    }

    /** Every span logged so far, by span id, each with its attributes as last logged. */
    synchronized Map<String, Map<String, String>> spans() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Map<String, String>> spans = new LinkedHashMap<>();
        for (String line : lines) {
            for (JsonNode span : mapper.readTree(line).path("spans")) {
                Map<String, String> attributes = new LinkedHashMap<>();
                span.fields().forEachRemaining(field -> {
                    if (field.getValue().isValueNode()) {
                        attributes.put(field.getKey(), field.getValue().asText());
                    }
                });
                spans.put(attributes.get("spanid"), attributes);
            }
        }
        return spans;
    }
}
