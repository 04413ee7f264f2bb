package io.github.cameldeck;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.util.json.JsonObject;

/** The {@code deck} dev console of a context, found as Camel finds dev consoles (its service file). */
public final class DeckConsoles {

    private DeckConsoles() {
    }

    public static DevConsole console(CamelContext context) {
        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class)
                .resolveById("deck");
        if (console == null) {
            throw new IllegalStateException("No deck dev console in " + context.getName());
        }
        return console;
    }

    public static String text(CamelContext context) {
        return (String) console(context).call(DevConsole.MediaType.TEXT);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(CamelContext context) {
        return (Map<String, Object>) console(context).call(DevConsole.MediaType.JSON);
    }

    /** Both outputs, the JSON as JSON text: what a secrets test searches. */
    public static String everything(CamelContext context) {
        return text(context) + "\n" + new JsonObject(json(context)).toJson();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> organization(Map<String, Object> json, int index) {
        return ((List<Map<String, Object>>) json.get("organizations")).get(index);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> consumerOf(Map<String, Object> json, String routeId) {
        return ((List<Map<String, Object>>) json.get("consumers")).stream()
                .filter(c -> routeId.equals(c.get("routeId"))).findFirst()
                .orElseThrow(() -> new AssertionError("No consumer " + routeId + " in " + json));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, Object> json, String key) {
        return (Map<String, Object>) json.get(key);
    }
}
