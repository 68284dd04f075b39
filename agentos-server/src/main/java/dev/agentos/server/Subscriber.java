package dev.agentos.server;

/** A connected client of an actor: receives every event (and its own action results) as JSON text. */
interface Subscriber {
    void send(String json);
}
