package dev.agentos.commands.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON the way jq 1.6's jv_dump does: numbers as doubles in the shortest round-trip form
 * (1.0 is 1, 1e17 is 1e+17, 1e-5 is 1e-05), control characters as \\u00XX, optional ASCII escaping,
 * sorted keys, and indentation by N spaces or a tab.
 */
record JqPrinter(int indent, boolean tab, boolean ascii, boolean sortKeys) {
    String print(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(sb, node, 0);
        return sb.toString();
    }

    private boolean pretty() { return tab || indent > 0; }

    private void newline(StringBuilder sb, int level) {
        sb.append('\n');
        if (tab) sb.append("\t".repeat(level));
        else sb.append(" ".repeat(level * indent));
    }

    private void write(StringBuilder sb, JsonNode node, int level) {
        switch (node.getNodeType()) {
            case NULL, MISSING -> sb.append("null");
            case BOOLEAN -> sb.append(node.booleanValue());
            case NUMBER -> sb.append(number(node.doubleValue()));
            case STRING -> string(sb, node.textValue(), ascii);
            case ARRAY -> {
                if (node.isEmpty()) {
                    sb.append("[]");
                    return;
                }
                sb.append('[');
                boolean first = true;
                for (JsonNode e : node) {
                    if (!first) sb.append(',');
                    first = false;
                    if (pretty()) newline(sb, level + 1);
                    write(sb, e, level + 1);
                }
                if (pretty()) newline(sb, level);
                sb.append(']');
            }
            case OBJECT -> {
                if (node.isEmpty()) {
                    sb.append("{}");
                    return;
                }
                sb.append('{');
                List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) fields.add(it.next());
                if (sortKeys) fields.sort((a, b) -> compareCodepoints(a.getKey(), b.getKey()));
                boolean first = true;
                for (Map.Entry<String, JsonNode> f : fields) {
                    if (!first) sb.append(',');
                    first = false;
                    if (pretty()) newline(sb, level + 1);
                    string(sb, f.getKey(), ascii);
                    sb.append(pretty() ? ": " : ":");
                    write(sb, f.getValue(), level + 1);
                }
                if (pretty()) newline(sb, level);
                sb.append('}');
            }
            default -> sb.append(node.toString());
        }
    }

    static int compareCodepoints(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static void string(StringBuilder sb, String s, boolean ascii) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f || (ascii && c > 0x7e)) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    /** jq 1.6's jvp_dtoa_fmt: shortest digits, exponent form when the exponent is below -4 or large. */
    static String number(double x) {
        if (Double.isNaN(x)) return "null";
        if (Double.isInfinite(x)) x = x > 0 ? Double.MAX_VALUE : -Double.MAX_VALUE;
        if (x == 0) return (1 / x < 0) ? "-0" : "0";
        StringBuilder b = new StringBuilder();
        if (x < 0) {
            b.append('-');
            x = -x;
        }
        BigDecimal d = new BigDecimal(Double.toString(x)).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int decpt = digits.length() - d.scale(); // position of the decimal point relative to the digits
        int nd = digits.length();
        if (decpt <= -4 || decpt > nd + 15) {
            b.append(digits.charAt(0));
            if (nd > 1) b.append('.').append(digits, 1, nd);
            b.append('e');
            int e = decpt - 1;
            b.append(e < 0 ? '-' : '+');
            String es = Integer.toString(Math.abs(e));
            if (es.length() < 2) es = "0" + es;
            b.append(es);
        } else if (decpt <= 0) {
            b.append("0.").append("0".repeat(-decpt)).append(digits);
        } else if (decpt >= nd) {
            b.append(digits).append("0".repeat(decpt - nd));
        } else {
            b.append(digits, 0, decpt).append('.').append(digits, decpt, nd);
        }
        return b.toString();
    }
}
