package dev.dermaguard.notify.rest;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import dev.dermaguard.infra.Http11;

/** A minimal Server-Sent Events client, as a clinic's dashboard would be: records each event and when it came. */
final class SseClient implements AutoCloseable {

    record Event(String id, String name, String data, Instant receivedAt) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final CompletableFuture<Integer> status = new CompletableFuture<>();

    SseClient(String url, String apiKey, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("X-API-Key", apiKey)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = Http11.client().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            status.complete(r.statusCode());
            CompletableFuture.runAsync(() -> read(r.body()));
        });
    }

    private void read(Stream<String> lines) {
        String[] id = {null};
        String[] name = {null};
        StringBuilder data = new StringBuilder();
        try {
            lines.forEach(line -> {
                if (line.startsWith("id:")) {
                    id[0] = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name[0] = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).trim());
                } else if (line.isEmpty() && data.length() > 0) {
                    events.add(new Event(id[0], name[0], data.toString(), Instant.now()));
                    data.setLength(0);
                    name[0] = null;
                }
            });
        } catch (RuntimeException closed) {
            // The stream ends when the test closes it.
        }
        ended.complete(null);
    }

    int status() {
        return status.join();
    }

    List<Event> events() {
        return events;
    }

    List<String> comments() {
        return comments;
    }

    /** The server ended the stream (or the test closed it). */
    boolean ended() {
        return ended.isDone();
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
    }
}
