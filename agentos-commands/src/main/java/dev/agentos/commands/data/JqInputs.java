package dev.agentos.commands.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * jq's inputs: JSON texts (or raw lines with -R) parsed from each file in turn, each value tagged
 * with where jq 1.6 says it came from ({@code <stdin>:3}: the lines read so far, as jq reads by line).
 */
final class JqInputs {
    /** One input value and its position label; {@code error} set when parsing stopped here instead. */
    record Input(JsonNode value, String position, String error) {}

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JqInputs() {}

    /** Parses one source's text; a parse error ends the list with an error entry. */
    static List<Input> parse(String name, String text, boolean raw, boolean slurpRaw) {
        List<Input> out = new ArrayList<>();
        if (raw) {
            if (slurpRaw) {
                out.add(new Input(TextNode.valueOf(text), name + ":" + count(text, text.length()), null));
                return out;
            }
            int start = 0, line = 0;
            while (start < text.length()) {
                int nl = text.indexOf('\n', start);
                int end = nl < 0 ? text.length() : nl;
                if (nl >= 0) line++;
                out.add(new Input(TextNode.valueOf(text.substring(start, end)), name + ":" + line, null));
                start = end + 1;
            }
            return out;
        }
        try (JsonParser p = MAPPER.getFactory().createParser(text)) {
            while (true) {
                JsonToken t = p.nextToken();
                if (t == null) break;
                long start = p.currentTokenLocation().getCharOffset();
                JsonNode node = read(p);
                // Scalars: Jackson may have consumed the delimiter after them; containers end at their bracket.
                long end = node.isContainerNode() ? p.currentLocation().getCharOffset() : start;
                int nl = text.indexOf('\n', (int) Math.min(end, text.length()));
                int line = nl < 0 ? count(text, text.length()) : count(text, nl) + 1;
                out.add(new Input(node, name + ":" + line, null));
            }
        } catch (JsonProcessingException e) {
            out.add(new Input(null, name, parseError(text, e)));
        } catch (IOException e) {
            out.add(new Input(null, name, "parse error: " + e.getMessage()));
        }
        return out;
    }

    private static String parseError(String text, JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        if (msg.contains("end-of-input")) {
            int lines = count(text, text.length());
            int col = text.length() - (text.lastIndexOf('\n') + 1);
            return "parse error: Unfinished JSON term at EOF at line " + (lines + 1) + ", column " + col;
        }
        var loc = e.getLocation();
        int line = loc == null ? 1 : loc.getLineNr();
        int col = loc == null ? 0 : loc.getColumnNr();
        String what = msg.startsWith("Unexpected character") ? "Expected separator between values" : "Invalid literal";
        if (msg.startsWith("Unrecognized token")) what = "Invalid numeric literal";
        return "parse error: " + what + " at line " + line + ", column " + col;
    }

    private static int count(String text, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) if (text.charAt(i) == '\n') n++;
        return n;
    }

    /** Builds the value at the parser's current token, keeping -0 and turning big integers into doubles. */
    static JsonNode read(JsonParser p) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    o.set(key, read(p));
                }
                yield o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) a.add(read(p));
                yield a;
            }
            case VALUE_STRING -> f.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> p.getText().equals("-0") ? f.numberNode(-0.0) : f.numberNode(p.getIntValue());
                case LONG -> f.numberNode(p.getLongValue());
                default -> f.numberNode(p.getDoubleValue());
            };
            case VALUE_NUMBER_FLOAT -> f.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> f.booleanNode(true);
            case VALUE_FALSE -> f.booleanNode(false);
            case VALUE_NULL -> f.nullNode();
            default -> throw new com.fasterxml.jackson.core.JsonParseException(p, "Unexpected token " + p.currentToken());
        };
    }

    /** jq 1.6 holds every number as a double: big integers become doubles on input. */
    static JsonNode normalize(JsonNode n) {
        if (n.isBigInteger() || n.isBigDecimal()) return DoubleNode.valueOf(n.doubleValue());
        if (n.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            for (JsonNode e : n) a.add(normalize(e));
            return a;
        }
        if (n.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                var f = it.next();
                o.set(f.getKey(), normalize(f.getValue()));
            }
            return o;
        }
        return n;
    }
}
