package io.github.cameldeck.support;

import java.util.Locale;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;

/**
 * Makes Camel mask the component's secret options wherever it prints a property by name: Camel Main's
 * property-placeholders summary, for one, shows every property a route resolved at INFO, and masks only the names on
 * Camel's own list of sensitive keys (which has {@code apiKey} but not {@code webhookSecret}). A Kamelet's
 * {@code webhookSecret} property, or a placeholder such as {@code deck.webhook-secret}, would be printed in clear. The
 * names are added to the CamelContext's additional sensitive keywords (what {@code camel.main.additional-sensitive-keywords}
 * sets), keeping those the application set.
 */
public final class SensitiveKeywords {

    /** The secret options Camel's list does not have, as Camel compares them: lower case, no dashes. */
    static final String WEBHOOK_SECRET = "webhooksecret";

    private SensitiveKeywords() {
    }

    public static void register(CamelContext context) {
        ExtendedCamelContext extension = context.getCamelContextExtension();
        synchronized (extension) {
            String words = extension.getAdditionalSensitiveKeywords();
            if (words == null || words.isBlank()) {
                extension.setAdditionalSensitiveKeywords(WEBHOOK_SECRET);
            } else if (!words.toLowerCase(Locale.ENGLISH).contains(WEBHOOK_SECRET)) {
                extension.setAdditionalSensitiveKeywords(words + "," + WEBHOOK_SECRET);
            }
        }
    }
}
