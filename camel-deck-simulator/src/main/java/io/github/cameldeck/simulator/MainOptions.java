package io.github.cameldeck.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.cameldeck.simulator.core.EventDestinationService;

/**
 * Command-line options of {@link DeckSimulatorMain}.
 *
 * @param webhooks URLs that get a webhook destination for all events at start
 * @param storagePort port of the file host that serves storage and screenshot downloads (0 = any free port)
 */
public record MainOptions(int port, String apiKey, int rateLimit, int sessionLimit, boolean seed,
        String cancelingSpelling, boolean help, List<String> webhooks, int storagePort) {

    public MainOptions {
        webhooks = List.copyOf(webhooks);
    }

    public static final int DEFAULT_PORT = 8787;

    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar camel-deck-simulator.jar [options]",
            "  --port N              port on 127.0.0.1 (default " + DEFAULT_PORT + "; 0 = any free port)",
            "  --storage-port N      port of the file host serving downloads (default 0 = any free port)",
            "  --api-key KEY         accepted API key (default " + DeckSimulator.DEFAULT_API_KEY + ")",
            "  --rate-limit N        requests per 10 s (default 200; 0 = off)",
            "  --session-limit N     concurrent unfinished runs (default 0 = unlimited)",
            "  --cancelling          spell the cancel-in-progress status 'cancelling' (default 'canceling')",
            "  --no-seed             do not create the demo agent, source, credential and tasks",
            "  --webhook URL         deliver all events to this URL, signed (repeatable; prints id and secret)",
            "  --help                print this help");

    /**
     * @throws IllegalArgumentException for unknown options or bad values
     */
    public static MainOptions parse(String... args) {
        int port = DEFAULT_PORT;
        String apiKey = DeckSimulator.DEFAULT_API_KEY;
        int rateLimit = 200;
        int sessionLimit = 0;
        boolean seed = true;
        String spelling = "canceling";
        boolean help = false;
        List<String> webhooks = new ArrayList<>();
        int storagePort = 0;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--help" :
                case "-h" :
                    help = true;
                    break;
                case "--no-seed" :
                    seed = false;
                    break;
                case "--cancelling" :
                    spelling = "cancelling";
                    break;
                case "--port" :
                    port = number(arg, value != null ? value : next(args, ++i, arg), 0, 65535);
                    break;
                case "--storage-port" :
                    storagePort = number(arg, value != null ? value : next(args, ++i, arg), 0, 65535);
                    break;
                case "--api-key" :
                    apiKey = value != null ? value : next(args, ++i, arg);
                    if (apiKey.isBlank()) {
                        throw new IllegalArgumentException("--api-key must not be blank");
                    }
                    break;
                case "--rate-limit" :
                    rateLimit = number(arg, value != null ? value : next(args, ++i, arg), 0, Integer.MAX_VALUE);
                    break;
                case "--session-limit" :
                    sessionLimit = number(arg, value != null ? value : next(args, ++i, arg), 0, Integer.MAX_VALUE);
                    break;
                case "--webhook" :
                    String url = value != null ? value : next(args, ++i, arg);
                    if (!EventDestinationService.isValidWebhookUrl(url)) {
                        throw new IllegalArgumentException("--webhook needs an http or https URL, not '" + url + "'");
                    }
                    webhooks.add(url);
                    break;
                default :
                    throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        return new MainOptions(port, apiKey, rateLimit, sessionLimit, seed, spelling, help, webhooks, storagePort);
    }

    /** A builder configured with these options. */
    public DeckSimulator.Builder toBuilder() {
        return DeckSimulator.builder().port(port).apiKey(apiKey).rateLimit(rateLimit, Duration.ofSeconds(10))
                .sessionLimit(sessionLimit).seedDemoData(seed).cancelingSpelling(cancelingSpelling)
                .storagePort(storagePort);
    }

    private static String next(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not '" + value + "'");
        }
    }
}
