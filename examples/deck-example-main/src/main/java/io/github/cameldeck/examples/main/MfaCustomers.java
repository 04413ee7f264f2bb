package io.github.cameldeck.examples.main;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import io.github.cameldeck.DeckConstants;
import org.apache.camel.Header;

/**
 * The customers of the MFA-by-mail flow ({@link MfaByMailRoutes}), by the application's own id for them: the
 * {@code external_id} of their credentials in Deck, which the {@code taskRuns} consumer puts into
 * {@code CamelDeckExternalId}.
 * <ul>
 * <li>Their e-mail addresses, both ways, from the property {@code mfa.customers}:
 * {@code cust-42=jane.doe@example.com, cust-43=bob@example.com}. A reply is matched by its sender's address, in any
 * case; a {@code From} with a display name ({@code Jane Doe <jane.doe@example.com>}) is matched by the address in it.</li>
 * <li>Whether the application holds the TOTP secret of a customer's credential: the property
 * {@code mfa.totp.<customer>}. Only whether it is set is read here; the routes read the secret itself with
 * {@code ${properties:...}} when they compute a code.</li>
 * </ul>
 * The properties are read at each call, so the bean can be bound before Camel Main has loaded them.
 */
public final class MfaCustomers {

    /** The property that lists the customers' addresses. */
    public static final String ADDRESSES = "mfa.customers";
    /** The prefix of the properties that hold the customers' TOTP secrets. */
    public static final String TOTP_PREFIX = "mfa.totp.";

    private final Function<String, Optional<String>> properties;

    /** @param properties a property's value by key, e.g. Camel's properties component */
    public MfaCustomers(Function<String, Optional<String>> properties) {
        this.properties = properties;
    }

    /** The customer's e-mail address, or null when the flow has none. */
    public String addressOf(@Header(DeckConstants.EXTERNAL_ID) String customer) {
        return customer == null ? null : addresses().get(customer);
    }

    /** Whether the customer has an e-mail address here. */
    public boolean reachableByMail(@Header(DeckConstants.EXTERNAL_ID) String customer) {
        return addressOf(customer) != null;
    }

    /** Whether the application holds the TOTP secret of the customer's credential ({@code mfa.totp.<customer>}). */
    public boolean holdsTotpSecret(@Header(DeckConstants.EXTERNAL_ID) String customer) {
        return customer != null && !customer.isBlank()
                && properties.apply(TOTP_PREFIX + customer).filter(secret -> !secret.isBlank()).isPresent();
    }

    /** Whether the customer is one of the flow's: reachable by e-mail, or answered by TOTP. */
    public boolean isCustomer(@Header(DeckConstants.EXTERNAL_ID) String customer) {
        return reachableByMail(customer) || holdsTotpSecret(customer);
    }

    /**
     * The customer whose address sent a message, or null when no customer has it (or the header holds no address, or
     * several).
     *
     * @param from the message's {@code From} header
     */
    public String customerOf(@Header("From") String from) {
        String address = senderOf(from);
        if (address == null) {
            return null;
        }
        return addresses().entrySet().stream().filter(e -> e.getValue().equals(address)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    /**
     * The address in a {@code From} header, lower case, or null when it holds none or several: what the flow logs of a
     * reply it ignores, not the display name or anything else the sender wrote.
     */
    public String senderOf(@Header("From") String from) {
        if (from == null || from.isBlank()) {
            return null;
        }
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(from, false);
            return addresses.length == 1 && addresses[0].getAddress() != null
                    ? addresses[0].getAddress().toLowerCase(Locale.ROOT)
                    : null;
        } catch (AddressException e) {
            return null;
        }
    }

    /**
     * The customers' addresses from {@code mfa.customers}, by customer, in the property's order.
     *
     * @throws IllegalArgumentException when an entry is not {@code customer=address}
     */
    public Map<String, String> addresses() {
        Map<String, String> byCustomer = new LinkedHashMap<>();
        String value = properties.apply(ADDRESSES).orElse("");
        for (String entry : value.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String customer = equals < 0 ? "" : entry.substring(0, equals).trim();
            String address = equals < 0 ? "" : entry.substring(equals + 1).trim();
            if (customer.isEmpty() || !isAddress(address)) {
                throw new IllegalArgumentException("The property " + ADDRESSES + " lists customers as "
                        + "customer=address, comma-separated: '" + entry.trim() + "' is not one");
            }
            byCustomer.put(customer, address.toLowerCase(Locale.ROOT));
        }
        return byCustomer;
    }

    private static boolean isAddress(String address) {
        try {
            new InternetAddress(address, true);
            return address.contains("@");
        } catch (AddressException e) {
            return false;
        }
    }
}
