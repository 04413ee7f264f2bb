package io.github.cameldeck.producer;

import io.github.cameldeck.DeckConstants;
import io.github.cameldeck.DeckEndpoint;
import io.github.cameldeck.DeckOperation;
import io.github.cameldeck.model.Session;

/**
 * The operations on sessions, the browsers runs create: getSession, endSession (which cancels a run still running in
 * it). Deck has no call that creates or lists sessions.
 */
final class SessionOperations extends ResourceGroup<Session> {

    SessionOperations(DeckEndpoint endpoint) {
        super(endpoint, "/sessions", Session.class, DeckConstants.SESSION_ID, "sessionId");
        register(DeckOperation.getSession, exchange -> get(exchange, DeckOperation.getSession));
        register(DeckOperation.endSession, exchange -> act(exchange, DeckOperation.endSession, "end"));
    }

    @Override
    protected String idOptionValue() {
        return configuration.getSessionId();
    }
}
