package org.jakartamcp.mcp.transport;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The values of the headers that repeat body values ({@code Mcp-Name}, {@code Mcp-Param-*}), as
 * SEP-2243 encodes them: plain visible ASCII, or {@code =?base64?...?=} around the Base64 of the
 * UTF-8 bytes. Decoding is strict (padding, alphabet, UTF-8), since a lenient decoder would let two
 * different headers match one body value.
 */
final class HeaderValues {

    private static final String PREFIX = "=?base64?";
    private static final String SUFFIX = "?=";

    private HeaderValues() {
    }

    /** The value the header carries, or empty when it holds characters a header may not or broken Base64. */
    static Optional<String> decode(String header) {
        String value = trimOws(header);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 || c > 0x7E) && c != '\t') {
                return Optional.empty();
            }
        }
        if (value.length() < PREFIX.length() + SUFFIX.length() || !value.startsWith(PREFIX) || !value.endsWith(SUFFIX)) {
            return Optional.of(value);
        }
        String encoded = value.substring(PREFIX.length(), value.length() - SUFFIX.length());
        if (encoded.length() % 4 != 0) {
            return Optional.empty(); // Java's decoder would accept missing padding
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(encoded);
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a decoded header value stands for this body value: strings as they are, booleans as
     * {@code true}/{@code false}, numbers by value (so {@code 42.0} matches {@code 42}).
     */
    static boolean matches(String header, JsonValue body) {
        if (body instanceof JsonString string) {
            return string.getString().equals(header);
        }
        if (body instanceof JsonNumber number) {
            try {
                return new BigDecimal(header).compareTo(number.bigDecimalValue()) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (body == JsonValue.TRUE || body == JsonValue.FALSE) {
            return header.equals(body.toString());
        }
        return false;
    }

    /** RFC 9110 §5.5: optional whitespace around a field value is not part of it. */
    static String trimOws(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
            end--;
        }
        return value.substring(start, end);
    }
}
