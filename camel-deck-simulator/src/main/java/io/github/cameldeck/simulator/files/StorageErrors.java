package io.github.cameldeck.simulator.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.sun.net.httpserver.HttpExchange;

/** The file host's error answers, in the XML shape an S3 bucket gives (no body for HEAD). */
final class StorageErrors {

    private StorageErrors() {
    }

    static void authorizationHeader(HttpExchange exchange) throws IOException {
        send(exchange, 400, "InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm query"
                + " parameter, Signature query string parameter or the Authorization header should be specified",
                "<ArgumentName>Authorization</ArgumentName>");
    }

    static void badSignature(HttpExchange exchange) throws IOException {
        send(exchange, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the"
                + " signature you provided. Check your key and signing method.", "");
    }

    static void expired(HttpExchange exchange, long expires, Instant now) throws IOException {
        send(exchange, 403, "AccessDenied", "Request has expired", "<Expires>" + Instant.ofEpochSecond(expires)
                + "</Expires><ServerTime>" + now + "</ServerTime>");
    }

    static void notFound(HttpExchange exchange) throws IOException {
        send(exchange, 404, "NoSuchKey", "The specified key does not exist.", "");
    }

    static void methodNotAllowed(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.", "");
    }

    static void serverError(HttpExchange exchange, int status) throws IOException {
        if (status == 503) {
            send(exchange, 503, "SlowDown", "Please reduce your request rate.", "");
        } else {
            send(exchange, status, "InternalError", "We encountered an internal error. Please try again.", "");
        }
    }

    private static void send(HttpExchange exchange, int status, String code, String message, String details)
            throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message>" + details + "</Error>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        if (exchange.getRequestMethod().equalsIgnoreCase("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
