package dev.agentos;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Fans a VM's events out to its listeners; a listener that throws is skipped, never the VM. */
final class EventBus {
    private final CopyOnWriteArrayList<Consumer<AgentOsEvent>> listeners = new CopyOnWriteArrayList<>();

    AutoCloseable subscribe(Consumer<AgentOsEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(AgentOsEvent event) {
        for (Consumer<AgentOsEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                // a broken listener must not stop output delivery to the others
            }
        }
    }
}
