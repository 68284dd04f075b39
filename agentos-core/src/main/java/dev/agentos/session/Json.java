package dev.agentos.session;

import com.agentclientprotocol.sdk.json.JacksonAcpJsonMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The JSON mapping of ACP messages: the SDK's records, unknown fields ignored (newer agents add some). */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    static final JacksonAcpJsonMapper ACP = new JacksonAcpJsonMapper(MAPPER);

    private Json() {}
}
