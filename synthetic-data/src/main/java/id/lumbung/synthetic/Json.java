package id.lumbung.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for the manifest and the NDJSON extract, so the generator runs as a plain jar:
 * string escaping for writing, and a reader into maps (in document order), lists, strings, longs,
 * doubles, booleans and null.
 */
final class Json {

    private Json() {
    }

    /** Appends a JSON string literal. */
    static StringBuilder string(StringBuilder b, String s) {
        if (s == null) {
            return b.append("null");
        }
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }

    /** Parses one JSON value; anything that is not JSON is an IllegalArgumentException. */
    static Object parse(String text) {
        var p = new Parser(text);
        try {
            p.space();
            Object value = p.value();
            p.space();
            if (p.at < text.length()) {
                throw p.error("unexpected text after the value");
            }
            return value;
        } catch (IndexOutOfBoundsException e) {
            throw p.error("unexpected end");
        }
    }

    private static final class Parser {
        private final String s;
        private int at;

        Parser(String s) {
            this.s = s;
        }

        Object value() {
            if (at >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            var map = new LinkedHashMap<String, Object>();
            at++;
            space();
            if (peek() == '}') {
                at++;
                return map;
            }
            while (true) {
                space();
                String key = string();
                space();
                expect(':');
                space();
                map.put(key, value());
                space();
                if (peek() == ',') {
                    at++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            var list = new ArrayList<Object>();
            at++;
            space();
            if (peek() == ']') {
                at++;
                return list;
            }
            while (true) {
                space();
                list.add(value());
                space();
                if (peek() == ',') {
                    at++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            expect('"');
            var b = new StringBuilder();
            while (true) {
                if (at >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(at++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(at++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> b.append(e);
                }
            }
        }

        private Object number() {
            int start = at;
            while (at < s.length() && "+-0123456789.eE".indexOf(s.charAt(at)) >= 0) {
                at++;
            }
            String n = s.substring(start, at);
            if (n.isEmpty()) {
                throw error("unexpected character '" + s.charAt(start) + "'");
            }
            return n.contains(".") || n.contains("e") || n.contains("E") ? (Object) Double.parseDouble(n) : (Object) Long.parseLong(n);
        }

        private Object literal(String word, Object value) {
            if (!s.startsWith(word, at)) {
                throw error("unexpected text");
            }
            at += word.length();
            return value;
        }

        private char peek() {
            if (at >= s.length()) {
                throw error("unexpected end");
            }
            return s.charAt(at);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            at++;
        }

        void space() {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException("JSON, offset " + at + ": " + message);
        }
    }
}
