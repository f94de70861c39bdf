package org.jakartamcp.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads a request body as UTF-8 text, refusing it as soon as it passes the limit. */
public final class BoundedBody {

    private BoundedBody() {
    }

    public static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        TooLarge(int limit) {
            super("Request body exceeds " + limit + " bytes", null, false, false);
        }
    }

    public static final class NotUtf8 extends Exception {
        private static final long serialVersionUID = 1L;

        NotUtf8() {
            super("Request body is not UTF-8", null, false, false);
        }
    }

    /** The first buffer when the length is not declared, and the largest first buffer a declared length gets. */
    static final int UNDECLARED_BUFFER = 1024;
    static final int MAX_FIRST_BUFFER = 8192;

    public static String read(InputStream in, int limit) throws IOException, TooLarge, NotUtf8 {
        return read(in, limit, -1);
    }

    /**
     * @param declaredLength the body's length as its Content-Length declares it, -1 if unknown: only sizes the first
     *                       buffer (a request's body is usually a few hundred bytes, and a buffer of 8 KiB for each was
     *                       half of what a tool call allocated); a body longer or shorter than declared is read all the same
     */
    public static String read(InputStream in, int limit, long declaredLength) throws IOException, TooLarge, NotUtf8 {
        // one byte more than expected, so that the end of the body is seen without growing the buffer
        long first = declaredLength >= 0 ? Math.min(declaredLength + 1, MAX_FIRST_BUFFER) : UNDECLARED_BUFFER;
        byte[] buffer = new byte[(int) Math.min(first, limit + 1L)];
        int length = 0;
        int read;
        while ((read = in.read(buffer, length, buffer.length - length)) != -1) {
            length += read;
            if (length > limit) {
                throw new TooLarge(limit);
            }
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, limit + 1));
            }
        }
        // The JDK's own decoding is several times faster than a decoder's; it replaces what is not UTF-8 with U+FFFD,
        // so only a body that then holds one is decoded again, strictly, to tell a malformed body from a sent U+FFFD.
        String text = new String(buffer, 0, length, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buffer, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new NotUtf8();
        }
    }
}
