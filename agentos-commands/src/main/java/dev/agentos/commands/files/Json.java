package dev.agentos.commands.files;

/** A strict JSON syntax check: what file(1) needs to say "JSON text data". */
final class Json {
    private final byte[] s;
    private int i;

    private Json(byte[] s) { this.s = s; }

    static boolean looksLike(byte[] h) {
        Json j = new Json(h);
        j.ws();
        if (j.i >= h.length || (h[j.i] != '{' && h[j.i] != '[')) return false;
        try {
            j.value();
            j.ws();
            return j.i == h.length;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private void ws() { while (i < s.length && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) i++; }

    private byte peek() {
        if (i >= s.length) throw new IllegalStateException();
        return s[i];
    }

    private void expect(char c) {
        if (peek() != c) throw new IllegalStateException();
        i++;
    }

    private void value() {
        ws();
        byte c = peek();
        switch (c) {
            case '{' -> {
                i++;
                ws();
                if (peek() == '}') { i++; return; }
                while (true) {
                    ws();
                    string();
                    ws();
                    expect(':');
                    value();
                    ws();
                    if (peek() == ',') { i++; continue; }
                    expect('}');
                    return;
                }
            }
            case '[' -> {
                i++;
                ws();
                if (peek() == ']') { i++; return; }
                while (true) {
                    value();
                    ws();
                    if (peek() == ',') { i++; continue; }
                    expect(']');
                    return;
                }
            }
            case '"' -> string();
            case 't' -> word("true");
            case 'f' -> word("false");
            case 'n' -> word("null");
            default -> number();
        }
    }

    private void word(String w) { for (char c : w.toCharArray()) expect(c); }

    private void string() {
        expect('"');
        while (peek() != '"') {
            if (s[i] == '\\') i++;
            else if ((s[i] & 0xff) < 32) throw new IllegalStateException();
            i++;
        }
        i++;
    }

    private void number() {
        int start = i;
        if (peek() == '-') i++;
        while (i < s.length && (Character.isDigit(s[i]) || s[i] == '.' || s[i] == 'e' || s[i] == 'E' || s[i] == '+' || s[i] == '-')) i++;
        if (i == start) throw new IllegalStateException();
    }
}
