package org.collaborative.app.infrastructure.embedded;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * Starts the embedded stack before any bean connects to it, when {@code collaborative.embedded.enabled} is true (the
 * default profile), and stops it after the application context has closed or when start-up fails, so that the
 * broker's non-daemon threads never keep a failed JVM alive.
 */
public class EmbeddedStackListener implements ApplicationListener<ApplicationEvent> {

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            var environment = prepared.getEnvironment();
            if (environment.getProperty(EmbeddedSettings.PREFIX + "enabled", Boolean.class, false)) {
                EmbeddedStack.start(EmbeddedSettings.from(environment));
                SpringApplication.getShutdownHandlers().add(EmbeddedStack::stop);
            }
        } else if (event instanceof ApplicationFailedEvent) {
            EmbeddedStack.stop();
        }
    }
}
