package dev.dermaguard.infra;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP clients for the local stack's tools, the tests and the harnesses, speaking HTTP/1.1 as apps and clinics do. The JDK's default first
 * asks each new connection to upgrade to h2c, and a JDK client left at that default is a known way to hang past its
 * request timeout: a clean clone's CI (2026-12-07) waited ten minutes in one {@code send} until the build was stopped.
 * {@link #send} adds a bound of the caller's own, so a hang fails one test instead of the whole run.
 */
public final class Http11 {

    private Http11() {
    }

    /** HTTP/1.1 and a connect timeout of 10 s; the caller may change either. */
    public static HttpClient.Builder builder() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10));
    }

    public static HttpClient client() {
        return builder().build();
    }

    /**
     * The response once its headers came, or an {@link HttpTimeoutException} naming the request when they did not
     * come {@code within}; the body handler decides when the body is read.
     */
    public static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body,
            Duration within) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<T>> exchange = client.sendAsync(request, body);
        try {
            return exchange.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException(request.method() + " " + request.uri().getPath() + " got no answer within "
                    + within.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " failed", e.getCause());
        }
    }
}
