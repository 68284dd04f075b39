package dev.agentos.server;

import static dev.agentos.server.Actions.def;
import static dev.agentos.server.Actions.none;

import dev.agentos.protocol.AgentInfo;
import dev.agentos.protocol.PermissionRequestInfo;
import dev.agentos.protocol.PromptResult;
import dev.agentos.protocol.SessionEventEntry;
import dev.agentos.protocol.SessionModes;
import dev.agentos.protocol.SessionOptions;
import dev.agentos.protocol.SessionRecord;
import dev.agentos.session.PermissionReply;

/** The session rows of the {@link Actions} table (encodings in docs/protocol.md, "Sessions"). */
final class SessionActions {
    private SessionActions() {}

    static void define() {
        def("listAgents", 0, 0, a -> actor -> actor.vm().listAgents().stream()
                .map(d -> new AgentInfo(d.name(), d.command(), d.args(), d.description())).toList());
        def("createSession", 1, 2, a -> {
            String type = a.string(0);
            SessionOptions o = a.object(1, SessionOptions.class, SessionOptions.DEFAULT);
            return actor -> {
                dev.agentos.session.SessionOptions.Builder b = dev.agentos.session.SessionOptions.builder()
                        .env(o.env()).mcpServers(o.mcpServers());
                o.cwd().ifPresent(b::cwd);
                o.additionalInstructions().ifPresent(b::additionalInstructions);
                return wire(actor.vm().createSession(type, b.build()));
            };
        });
        def("sendPrompt", 2, 2, a -> {
            String id = a.string(0);
            String text = a.string(1);
            return actor -> {
                dev.agentos.session.PromptResult r = actor.vm().sendPrompt(id, text);
                return new PromptResult(r.response(), r.text());
            };
        });
        def("cancelPrompt", 1, 1, a -> {
            String id = a.string(0);
            return actor -> { actor.vm().cancelPrompt(id); return none(); };
        });
        def("setMode", 2, 2, a -> {
            String id = a.string(0);
            String mode = a.string(1);
            return actor -> { actor.vm().setMode(id, mode); return none(); };
        });
        def("getModes", 1, 1, a -> {
            String id = a.string(0);
            return actor -> {
                dev.agentos.session.SessionModes m = actor.vm().getModes(id);
                return new SessionModes(m.currentModeId(), m.availableModes().stream()
                        .map(x -> new SessionModes.Mode(x.id(), x.name(), x.description())).toList());
            };
        });
        def("setModel", 2, 2, a -> {
            String id = a.string(0);
            String model = a.string(1);
            return actor -> { actor.vm().setModel(id, model); return none(); };
        });
        def("respondPermission", 3, 3, a -> {
            String id = a.string(0);
            String permissionId = a.string(1);
            String reply = a.string(2);
            PermissionReply r;
            try {
                r = PermissionReply.parse(reply);
            } catch (RuntimeException e) {
                throw WireError.invalidArgs("respondPermission: argument 2: expected \"once\", \"always\" or \"reject\", got \"" + reply + "\"");
            }
            return actor -> { actor.vm().respondPermission(id, permissionId, r); return none(); };
        });
        def("listPendingPermissions", 1, 1, a -> {
            String id = a.string(0);
            return actor -> actor.vm().pendingPermissions(id).stream().map(SessionActions::wire).toList();
        });
        def("closeSession", 1, 1, a -> {
            String id = a.string(0);
            return actor -> { actor.vm().closeSession(id); return none(); };
        });
        def("listSessions", 0, 0, a -> actor -> actor.vm().listSessions().stream().map(SessionActions::wire).toList());
        def("getSessionEvents", 1, 2, a -> {
            String id = a.string(0);
            long after = a.longInteger(1, 0);
            return actor -> actor.vm().getSessionEvents(id, after).stream()
                    .map(e -> new SessionEventEntry(e.seq(), e.event(), e.createdAt())).toList();
        });
    }

    static SessionRecord wire(dev.agentos.session.SessionRecord r) {
        return new SessionRecord(r.sessionId(), r.agentType(), r.agentSessionId(), r.pid(), r.cwd(), r.createdAt(), r.state());
    }

    static PermissionRequestInfo wire(dev.agentos.session.PermissionRequest r) {
        return new PermissionRequestInfo(r.permissionId(), r.description(), r.params());
    }
}
