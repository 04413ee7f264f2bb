package io.github.cameldeck.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends requests to Deck over one pooled Apache HttpClient 5 (shared by every endpoint of a component, kept alive
 * between calls). Blocking and without retries: {@link DeckClient} decides what to retry and when.
 */
public final class DeckHttpTransport implements Closeable {

    private static final String USER_AGENT = "camel-deck";

    private final CloseableHttpClient httpClient;

    private DeckHttpTransport(CloseableHttpClient httpClient) {
        this.httpClient = httpClient;
    }

    /**
     * Builds the shared client.
     *
     * @param options    pool, proxy and TLS settings
     * @param customizer applied last to the builder (camel-http's HttpClientConfigurer), may be null
     */
    public static DeckHttpTransport create(TransportOptions options,
            Consumer<HttpClientBuilder> customizer) {
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(options.maxTotalConnections())
                .setMaxConnPerRoute(options.connectionsPerRoute())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(options.connectTimeoutMs()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build());
        SSLContext sslContext = options.sslContext();
        if (sslContext != null) {
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(sslContext));
        }
        HttpClientBuilder builder = HttpClientBuilder.create()
                .setConnectionManager(pool.build())
                .setUserAgent(USER_AGENT)
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableRedirectHandling()
                .evictExpiredConnections()
                .evictIdleConnections(TimeValue.ofSeconds(30));
        if (options.proxyHost() != null) {
            builder.setProxy(new HttpHost(options.proxyHost(), options.proxyPort() != null ? options.proxyPort() : 80));
        }
        if (customizer != null) {
            customizer.accept(builder);
        }
        return new DeckHttpTransport(builder.build());
    }

    /**
     * Sends one request and reads the whole answer.
     *
     * @throws IOException when no answer came (refused, reset, timed out)
     */
    public DeckResponse send(DeckRequest request, DeckClientSettings settings) throws IOException {
        HttpUriRequestBase http = new HttpUriRequestBase(request.method(), uri(settings.baseUrl(), request));
        http.setHeader("Authorization", "Bearer " + settings.apiKey());
        http.setHeader("Accept", "application/json");
        if (request.idempotencyKey() != null) {
            http.setHeader("Idempotency-Key", request.idempotencyKey());
        }
        if (request.body() != null) {
            http.setEntity(new ByteArrayEntity(request.body(), ContentType.APPLICATION_JSON));
        }
        http.setConfig(requestConfig(settings));
        return httpClient.execute(http, response -> {
            byte[] body = response.getEntity() != null ? EntityUtils.toByteArray(response.getEntity()) : new byte[0];
            Header contentType = response.getFirstHeader("Content-Type");
            Header retryAfter = response.getFirstHeader("Retry-After");
            Header date = response.getFirstHeader("Date");
            return new DeckResponse(response.getCode(), body != null ? body : new byte[0],
                    contentType != null ? contentType.getValue() : null,
                    retryAfter != null ? parseRetryAfter(retryAfter.getValue()) : -1,
                    date != null ? parseDate(date.getValue()) : null);
        });
    }

    /**
     * Opens the GET of a signed file URL (a storage item's or a screenshot's): without the {@code Authorization} header,
     * since the URL carries its own signature and the API key must not reach the storage host, through the same pool,
     * proxy and TLS settings as Deck's calls. {@code requestTimeout} bounds each read, not the whole download. The
     * caller reads the body and closes the answer.
     *
     * @throws IOException when no answer came (refused, reset, timed out)
     */
    public FileResponse openFile(URI url, DeckClientSettings settings) throws IOException {
        HttpGet get = new HttpGet(url);
        get.setConfig(requestConfig(settings));
        ClassicHttpResponse response = httpClient.executeOpen(null, get, null);
        HttpEntity entity = response.getEntity();
        Header contentType = response.getFirstHeader("Content-Type");
        Header disposition = response.getFirstHeader("Content-Disposition");
        return new FileResponse(response.getCode(), contentType != null ? contentType.getValue() : null,
                entity != null ? entity.getContentLength() : -1,
                disposition != null ? disposition.getValue() : null,
                entity != null ? entity.getContent() : InputStream.nullInputStream(), response);
    }

    // the per-request connect timeout is deprecated in HttpClient 5 in favour of the pool's, but it is the only way an
    // endpoint can override the component's connectTimeout on a shared pool
    @SuppressWarnings("deprecation")
    private static RequestConfig requestConfig(DeckClientSettings settings) {
        return RequestConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMs()))
                .setResponseTimeout(Timeout.ofMilliseconds(settings.requestTimeoutMs()))
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(settings.requestTimeoutMs()))
                .build();
    }

    static URI uri(String baseUrl, DeckRequest request) {
        StringBuilder sb = new StringBuilder(baseUrl.length() + 64);
        sb.append(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        sb.append(request.path());
        char sep = '?';
        for (Map.Entry<String, String> param : request.query()) {
            sb.append(sep).append(encode(param.getKey())).append('=').append(encode(param.getValue()));
            sep = '&';
        }
        return URI.create(sb.toString());
    }

    /** Encodes one path segment or query value. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Retry-After as seconds or as an HTTP date; -1 when it cannot be read. */
    static long parseRetryAfter(String value) {
        String v = value.trim();
        try {
            return Math.max(0, TimeUnit.SECONDS.toMillis(Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Math.max(0, at.toEpochMilli() - System.currentTimeMillis());
            } catch (RuntimeException ignored) {
                return -1;
            }
        }
    }

    static Instant parseDate(String value) {
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        httpClient.close();
    }
}
