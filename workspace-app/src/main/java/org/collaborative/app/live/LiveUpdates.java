package org.collaborative.app.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for people looking at a view. Every web instance reads {@code collaborative.view-changes} in a
 * consumer group of its own (so each instance sees every notice), and tells the browsers connected to it that the
 * view they are looking at has changed; the page then fetches the fresh fragment from the view. So a change made
 * through one instance reaches viewers connected to any other. {@code collaborative.live.viewers} counts the streams open
 * on this instance.
 */
@Component
public class LiveUpdates implements ConsumerSeekAware, HealthIndicator, MeterBinder, SmartLifecycle {

    private volatile boolean listening;
    private volatile boolean running;

    private static final Duration CONNECTION_LIFETIME = Duration.ofMinutes(30);

    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
    private static final Set<ResponseBodyEmitter.DataWithMediaType> HEARTBEAT =
            Set.of(new ResponseBodyEmitter.DataWithMediaType(":heartbeat\n\n".getBytes(StandardCharsets.UTF_8), TEXT));

    private final Map<String, Set<SseEmitter>> viewers = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    /** Opens a stream of change notices for one view document, e.g. {@code group-page/<group id>}. */
    public SseEmitter subscribe(String view, String id) {
        String key = view + "/" + id;
        SseEmitter emitter = new SseEmitter(CONNECTION_LIFETIME.toMillis());
        Set<SseEmitter> forView = viewers.computeIfAbsent(key, k -> new CopyOnWriteArraySet<>());
        forView.add(emitter);
        Runnable remove = () -> forView.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(failure -> remove.run());
        try {
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    @KafkaListener(
            id = "live-updates",
            topics = "${collaborative.kafka.view-changes-topic}",
            groupId = "workspace-live-${random.uuid}",
            properties = {"auto.offset.reset=latest", "enable.auto.commit=true"})
    void onViewChanged(String notice) throws IOException {
        JsonNode change = json.readTree(notice);
        String key = change.path("view").asText() + "/" + change.path("id").asText();
        Set<SseEmitter> forView = viewers.get(key);
        if (forView == null || forView.isEmpty()) {
            return;
        }
        // One event, formatted once and written whole to every connection: a room of 2,000 at a retreat's board
        // would otherwise build and convert the same three pieces of text 2,000 times per card.
        // Bytes, so each write is a copy and not a character encoder of its own.
        Set<ResponseBodyEmitter.DataWithMediaType> event = Set.of(new ResponseBodyEmitter.DataWithMediaType(
                ("event:" + change.path("view").asText() + "-changed\ndata:"
                                + change.path("eventType").asText().replaceAll("[\r\n]", "") + "\n\n")
                        .getBytes(StandardCharsets.UTF_8),
                TEXT));
        sendToAll(forView, event);
    }

    private static void sendToAll(Set<SseEmitter> forView, Set<ResponseBodyEmitter.DataWithMediaType> event) {
        for (SseEmitter emitter : forView) {
            try {
                emitter.send(event);
            } catch (IOException | IllegalStateException gone) {
                forView.remove(emitter);
            }
        }
    }

    /**
     * Notices are read from the latest offset: until the partitions are assigned, a change would reach no one here.
     * The instance reports itself ready only once they are (this indicator is in the readiness group).
     */
    @Override
    public void onPartitionsAssigned(
            Map<org.apache.kafka.common.TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        listening = true;
    }

    @Override
    public Health health() {
        return listening
                ? Health.up().build()
                : Health.outOfService()
                        .withDetail("reason", "joining view-changes")
                        .build();
    }

    /** A comment every 20 seconds keeps idle connections open through proxies and finds closed ones. */
    @Scheduled(fixedDelay = 20_000)
    void heartbeat() {
        viewers.values().forEach(forView -> sendToAll(forView, HEARTBEAT));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("collaborative.live.viewers", this, LiveUpdates::connectedViewers)
                .description("Live-update streams open on this instance")
                .register(registry);
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * At shutdown, before the web server's graceful shutdown (a later phase stops first), ends every stream: a stream
     * is a request that never finishes, so the server would otherwise wait out its whole grace period (30 s) whenever
     * anyone had a live page open. Browsers reconnect to another instance (EventSource retries on its own).
     */
    @Override
    public void stop() {
        running = false;
        viewers.values().forEach(forView -> {
            forView.forEach(ResponseBodyEmitter::complete);
            forView.clear();
        });
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    int connectedViewers() {
        return viewers.values().stream().mapToInt(Set::size).sum();
    }
}
