package dev.agentos;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Fans a VM's events out to its listeners; a listener that throws is skipped, never the VM. A listener
 * may say whether it answers permission requests right now (a server relaying to clients does only
 * while a client is connected); with nobody answering, the session permission policy decides.
 */
final class EventBus {
    private record Entry(Consumer<AgentOsEvent> listener, BooleanSupplier answersPermissions) {}

    private final CopyOnWriteArrayList<Entry> listeners = new CopyOnWriteArrayList<>();

    AutoCloseable subscribe(Consumer<AgentOsEvent> listener) {
        return subscribe(listener, () -> true);
    }

    AutoCloseable subscribe(Consumer<AgentOsEvent> listener, BooleanSupplier answersPermissions) {
        Entry e = new Entry(listener, answersPermissions);
        listeners.add(e);
        return () -> listeners.remove(e);
    }

    boolean anyoneAnswersPermissions() {
        for (Entry e : listeners) {
            if (e.answersPermissions().getAsBoolean()) return true;
        }
        return false;
    }

    void publish(AgentOsEvent event) {
        for (Entry e : listeners) {
            try {
                e.listener().accept(event);
            } catch (RuntimeException ex) {
                // a broken listener must not stop output delivery to the others
            }
        }
    }
}
